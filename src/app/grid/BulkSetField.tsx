import EditNoteIcon from '@mui/icons-material/EditNote';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import {
  Button,
  Form,
  SaveButton,
  useListContext,
  useNotify,
  useRefresh,
  useTranslate,
  useUpdateMany,
} from 'react-admin';
import type { ResourceDef } from '../../schema';
import { FieldInput } from '../schema-ui/FieldInput';

/** Sets one field on every selected row at once (a status, an officer, a hotel). */
export const BulkSetField = ({ resource }: { resource: ResourceDef }) => {
  const translate = useTranslate();
  const { selectedIds, onUnselectItems } = useListContext();
  const [open, setOpen] = useState(false);
  // not what moves only through another record, or is fixed once created
  const fields = resource.fields.filter(
    (f) => f.type !== 'password' && f.type !== 'json' && f.type !== 'longtext' && !f.setBy && !f.immutable,
  );
  // a choice, not a name: setting one title on many rows is rarely what is meant
  const [source, setSource] = useState(
    (fields.find((f) => ['enum', 'reference', 'date', 'boolean'].includes(f.type)) ?? fields[0])?.source,
  );
  const [updateMany, { isPending }] = useUpdateMany();
  const notify = useNotify();
  const refresh = useRefresh();
  const field = fields.find((f) => f.source === source)!;
  const submit = (values: Record<string, unknown>) =>
    updateMany(
      resource.name,
      { ids: selectedIds, data: { [source]: values[source] ?? null } },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setOpen(false);
          notify('ra.notification.updated', { messageArgs: { smart_count: selectedIds.length } });
          onUnselectItems();
          refresh();
        },
        onError: (error) => notify((error as Error).message, { type: 'error' }),
      },
    );
  return (
    <>
      <Button label="huiwu.grid.bulkSet" onClick={() => setOpen(true)}>
        <EditNoteIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="xs" fullWidth>
        <DialogTitle>{translate('huiwu.grid.bulkSetTitle', { smart_count: selectedIds.length })}</DialogTitle>
        <DialogContent>
          <TextField
            select
            fullWidth
            margin="dense"
            label={translate('huiwu.grid.field')}
            value={source}
            onChange={(e) => setSource(e.target.value)}
          >
            {fields.map((f) => (
              <MenuItem key={f.source} value={f.source}>
                {translate(`resources.${resource.name}.fields.${f.source}`)}
              </MenuItem>
            ))}
          </TextField>
          <Form key={source} onSubmit={submit} resource={resource.name}>
            <FieldInput field={{ ...field, required: false }} />
            <SaveButton label="huiwu.grid.apply" disabled={isPending} alwaysEnable />
          </Form>
        </DialogContent>
      </Dialog>
    </>
  );
};
