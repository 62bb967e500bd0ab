import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';

/** Asks for a name (of a saved view). */
export const NameDialog = ({
  open,
  title,
  initial,
  onSave,
  onCancel,
}: {
  open: boolean;
  title: string;
  initial: string;
  onSave: (name: string) => void;
  onCancel: () => void;
}) => {
  const translate = useTranslate();
  const [name, setName] = useState(initial);
  useEffect(() => setName(initial), [initial, open]);
  const valid = name.trim().length > 0;
  return (
    <Dialog open={open} onClose={onCancel}>
      <DialogTitle>{translate(title)}</DialogTitle>
      <DialogContent>
        <TextField
          autoFocus
          fullWidth
          margin="dense"
          label={translate('huiwu.grid.viewName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && valid && onSave(name.trim())}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={!valid} onClick={() => onSave(name.trim())}>
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
