import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { useTranslate } from 'react-admin';
import type { PastePlan } from './pastePlan';

/** Before a paste writes anything: how many cells change, how many rows are added, which cells
 * are invalid and why. Invalid cells are never written. */
export const PastePreview = ({
  plan,
  resource,
  onConfirm,
  onCancel,
}: {
  plan: PastePlan | null;
  resource: string;
  onConfirm: () => void;
  onCancel: () => void;
}) => {
  const translate = useTranslate();
  if (!plan) return null;
  const nothing = plan.changes.length === 0 && plan.creates.length === 0;
  return (
    <Dialog open onClose={onCancel} maxWidth="sm" fullWidth>
      <DialogTitle>{translate('huiwu.grid.paste.title')}</DialogTitle>
      <DialogContent>
        <Alert severity={plan.invalid.length ? 'warning' : 'success'} sx={{ mb: 1 }} data-testid="paste-summary">
          {/* with no invalid cell it says so, rather than counting none */}
          {translate(plan.invalid.length ? 'huiwu.grid.paste.summary' : 'huiwu.grid.paste.summaryValid', {
            changes: plan.changes.length,
            creates: plan.creates.length,
            invalid: plan.invalid.length,
          })}
        </Alert>
        {plan.invalid.length > 0 && (
          <List dense aria-label={translate('huiwu.grid.paste.invalid')}>
            {plan.invalid.slice(0, 50).map((cell, i) => (
              <ListItem key={i} disableGutters>
                <ListItemText
                  primary={translate('huiwu.grid.paste.cell', {
                    row: cell.row + 1,
                    field: translate(`resources.${resource}.fields.${cell.field.source}`),
                    text: cell.text,
                  })}
                  secondary={cell.reason}
                />
              </ListItem>
            ))}
          </List>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={onConfirm} disabled={nothing}>
          {translate('huiwu.grid.paste.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
