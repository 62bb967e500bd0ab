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
import { useLocaleState, useNotify, useRedirect, useRefresh, useTranslate, useUpdate } from 'react-admin';
import { resourceByName } from '../../schema';
import { formatValue } from './formatValue';
import { useMoney } from './useMoney';

export interface Conflict {
  message: string;
  conflicts: Record<string, { mine: unknown; theirs: unknown; by: string | null; at: string | null }>;
  current: Record<string, unknown> & { id: number; version: number };
}

/**
 * Someone else changed a field while this user was editing it (the server's 409): show both
 * values and let the user keep theirs or apply their own over it, knowingly.
 */
export const ConflictDialog = ({
  resource,
  conflict,
  onClose,
}: {
  resource: string;
  conflict: Conflict | null;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const money = useMoney();
  const [update, { isPending }] = useUpdate();
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  if (!conflict) return null;
  const definition = resourceByName[resource];
  const fields = Object.entries(conflict.conflicts);
  const keepTheirs = () => {
    onClose();
    refresh();
  };
  const applyMine = () =>
    update(
      resource,
      {
        id: conflict.current.id,
        data: { ...conflict.current, ...Object.fromEntries(fields.map(([key, c]) => [key, c.mine])) },
        previousData: conflict.current,
      },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          onClose();
          notify('ra.notification.updated', { messageArgs: { smart_count: 1 } });
          redirect('show', resource, conflict.current.id);
        },
        onError: (error) => notify((error as Error).message, { type: 'error' }),
      },
    );
  return (
    <Dialog open onClose={onClose} maxWidth="md">
      <DialogTitle>{translate('huiwu.conflict.title')}</DialogTitle>
      <DialogContent>
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
                  {c.by && (
                    <Typography variant="caption" component="div" color="text.secondary">
                      {c.by}
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
        <Button onClick={keepTheirs}>{translate('huiwu.conflict.keepTheirs')}</Button>
        <Button variant="contained" onClick={applyMine} disabled={isPending}>
          {translate('huiwu.conflict.applyMine')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
