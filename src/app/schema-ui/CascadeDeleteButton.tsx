import DeleteSweepIcon from '@mui/icons-material/DeleteSweep';
import { useState } from 'react';
import {
  Button,
  Confirm,
  useCanAccess,
  useDelete,
  useGetRecordRepresentation,
  useNotify,
  useRecordContext,
  useRedirect,
  useResourceContext,
} from 'react-admin';
import { dependantsOf } from '../../schema';

/** Deletes a record together with what cannot exist without it, after saying so plainly.
 * Only offered where other resources can refer to this one. */
export const CascadeDeleteButton = () => {
  const resource = useResourceContext()!;
  const record = useRecordContext();
  const representation = useGetRecordRepresentation(resource);
  const [open, setOpen] = useState(false);
  const [deleteOne, { isPending }] = useDelete();
  const notify = useNotify();
  const redirect = useRedirect();
  const { canAccess } = useCanAccess({ resource, action: 'delete', record });
  if (!record || !canAccess || dependantsOf(resource).length === 0) return null;
  const confirm = () =>
    deleteOne(
      resource,
      { id: record.id, previousData: record, meta: { cascade: true } },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setOpen(false);
          notify('huiwu.delete.done', { type: 'info' });
          redirect('list', resource);
        },
        onError: (error) => {
          setOpen(false);
          notify((error as Error).message, { type: 'error' });
        },
      },
    );
  return (
    <>
      <Button label="huiwu.delete.cascade" color="error" onClick={() => setOpen(true)}>
        <DeleteSweepIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title="huiwu.delete.cascadeTitle"
        titleTranslateOptions={{ name: String(representation(record)) }}
        content="huiwu.delete.cascadeContent"
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
