import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useLocaleState, useTranslate } from 'react-admin';
import { resourceByName } from '../../schema';
import { formatValue } from './formatValue';
import { formatDay } from './time';
import { useMoney } from './useMoney';

export interface Conflict {
  message: string;
  conflicts: Record<string, { mine: unknown; theirs: unknown; by: string | null; at: string | null }>;
  current: Record<string, unknown> & { id: number; version: number };
}

/** The user's own values of the fields in conflict. */
export const mineOf = (conflict: Conflict) =>
  Object.fromEntries(Object.entries(conflict.conflicts).map(([key, c]) => [key, c.mine]));

/**
 * Someone else changed a field while this user was editing it (the server's 409): show who
 * (by their name), both values, and let the user keep theirs or apply their own over it,
 * knowingly. What each choice does is the caller's: the form saves the record, the grid its cells.
 */
export const ConflictDialog = ({
  resource,
  conflict,
  saving = false,
  onKeepTheirs,
  onApplyMine,
  onClose = onKeepTheirs,
}: {
  resource: string;
  conflict: Conflict | null;
  saving?: boolean;
  onKeepTheirs: () => void;
  onApplyMine: () => void;
  /** closed without a choice (Esc): by default, theirs is kept */
  onClose?: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const money = useMoney();
  if (!conflict) return null;
  const definition = resourceByName[resource];
  const fields = Object.entries(conflict.conflicts);
  const title = definition && conflict.current[definition.titleField];
  return (
    <Dialog open onClose={onClose} maxWidth="md">
      {/* the message says what happened (在您编辑期间，别人已经修改了…); the title asks what to do */}
      <DialogTitle>{translate('huiwu.conflict.title')}</DialogTitle>
      <DialogContent>
        {title != null && title !== '' && (
          <Typography variant="subtitle1" sx={{ mb: 1 }}>
            {formatValue(definition, definition.titleField, title, locale, translate, money.format)}
          </Typography>
        )}
        <Typography sx={{ mb: 2 }}>{conflict.message}</Typography>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell />
              <TableCell>{translate('huiwu.conflict.theirs')}</TableCell>
              <TableCell>{translate('huiwu.conflict.mine')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {fields.map(([key, c]) => (
              <TableRow key={key}>
                <TableCell>{translate(`resources.${resource}.fields.${key}`)}</TableCell>
                <TableCell>
                  {formatValue(definition, key, c.theirs, locale, translate, money.format)}
                  {(c.by || c.at) && (
                    <Typography variant="caption" component="div" color="text.secondary">
                      {[c.by, formatDay(c.at, 'datetime', locale)].filter(Boolean).join(' · ')}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>{formatValue(definition, key, c.mine, locale, translate, money.format)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={onKeepTheirs}>{translate('huiwu.conflict.keepTheirs')}</Button>
        <Button variant="contained" onClick={onApplyMine} disabled={saving}>
          {translate('huiwu.conflict.applyMine')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
