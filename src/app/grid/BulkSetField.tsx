import Stack from '@mui/material/Stack';
import EditNoteIcon from '@mui/icons-material/EditNote';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import {
  Button,
  Confirm,
  Form,
  SaveButton,
  useDataProvider,
  useListContext,
  useNotify,
  useRefresh,
  useTranslate,
  useUpdateMany,
} from 'react-admin';
import { resourceByName, sameValue, type ResourceDef } from '../../schema';
import { FieldInput } from '../schema-ui/FieldInput';

/** A move of the selected rows out of the list's context (to another summit), awaiting a yes. */
interface Move {
  value: unknown;
  from: string;
  to: string;
}

/**
 * Sets one field on every selected row at once (a status, an officer, a hotel). `context` is
 * what the list fixes (the summit of a summit's guests): setting that field moves the rows
 * out of the list, so it is never the field offered first, and is asked about before.
 */
export const BulkSetField = ({ resource, context }: { resource: ResourceDef; context: Record<string, unknown> }) => {
  const translate = useTranslate();
  const { selectedIds, onUnselectItems } = useListContext();
  const [open, setOpen] = useState(false);
  // not what moves only through another record, or is fixed once created
  const fields = resource.fields.filter(
    (f) => f.type !== 'password' && f.type !== 'json' && f.type !== 'longtext' && !f.setBy && !f.immutable,
  );
  const free = fields.filter((f) => !(f.source in context));
  // a state (a choice, a date, yes or no), not a name, nor a link every row shares by chance
  const [source, setSource] = useState(
    (free.find((f) => ['enum', 'date', 'boolean'].includes(f.type)) ?? free[0] ?? fields[0])?.source,
  );
  const [move, setMove] = useState<Move | null>(null);
  const [updateMany, { isPending }] = useUpdateMany();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const field = fields.find((f) => f.source === source)!;
  const apply = (value: unknown) =>
    updateMany(
      resource.name,
      { ids: selectedIds, data: { [source]: value } },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setMove(null);
          setOpen(false);
          notify('ra.notification.updated', { messageArgs: { smart_count: selectedIds.length } });
          onUnselectItems();
          refresh();
        },
        onError: (error) => {
          setMove(null);
          notify((error as Error).message, { type: 'error' });
        },
      },
    );
  /** The names of the records the rows would leave and join, as people know them. */
  const titles = async (ids: unknown[]) => {
    const linked = resourceByName[field.reference!];
    const { data } = await dataProvider.getMany(linked.name, { ids: ids.filter((id) => id != null) });
    return ids.map((id) => String(data.find((r) => r.id === id)?.[linked.titleField] ?? (id == null ? '' : `#${id}`)));
  };
  const submit = async (values: Record<string, unknown>) => {
    const value = values[source] ?? null;
    if (!(source in context) || sameValue(value, context[source]) || field.type !== 'reference') return apply(value);
    const [from, to] = await titles([context[source], value]);
    setMove({ value, from, to });
  };
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
          <Form
            key={source}
            onSubmit={submit}
            resource={resource.name}
            validate={(values) =>
              field.required && (values[source] === undefined || values[source] === null || values[source] === '')
                ? { [source]: 'ra.validation.required' }
                : {}
            }
          >
            {/* a required field is checked here: left empty, it would be refused row by row */}
            <FieldInput field={field} />
            <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
              <SaveButton label="huiwu.grid.apply" disabled={isPending} alwaysEnable />
              <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
            </Stack>
          </Form>
        </DialogContent>
      </Dialog>
      <Confirm
        isOpen={!!move}
        loading={isPending}
        title="huiwu.grid.moveTitle"
        titleTranslateOptions={{ field: translate(`resources.${resource.name}.fields.${source}`) }}
        content="huiwu.grid.moveContent"
        contentTranslateOptions={{ smart_count: selectedIds.length, from: move?.from, to: move?.to }}
        confirm="huiwu.grid.move"
        onConfirm={() => move && apply(move.value)}
        onClose={() => setMove(null)}
      />
    </>
  );
};
