import { useState } from 'react';
import { Edit, useNotify, useRedirect, useRefresh, useUpdate } from 'react-admin';
import type { ResourceDef } from '../../schema';
import { ConflictDialog, mineOf, type Conflict } from './ConflictDialog';
import { SchemaForm } from './SchemaForm';

/** The edit page. Pessimistic, so the server's per-field reasons land on the form; a 409 (a
 * colleague changed the same field meanwhile) opens the conflict dialog instead of a toast. */
export const SchemaEdit = ({ resource }: { resource: ResourceDef }) => {
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const [update, { isPending }] = useUpdate();
  const onError = (error: { status?: number; message?: string; body?: Conflict & { errors?: object } }) => {
    if (error.status === 409 && error.body?.conflicts) setConflict(error.body);
    else if (!error.body?.errors) notify(error.message ?? 'ra.notification.http_error', { type: 'error' });
  };
  return (
    <Edit mutationMode="pessimistic" redirect="show" mutationOptions={{ onError }}>
      <SchemaForm resource={resource} />
      <ConflictDialog
        resource={resource.name}
        conflict={conflict}
        saving={isPending}
        onClose={() => setConflict(null)}
        onKeepTheirs={() => {
          setConflict(null);
          refresh();
        }}
        onApplyMine={() =>
          conflict &&
          update(
            resource.name,
            {
              id: conflict.current.id,
              data: { ...conflict.current, ...mineOf(conflict) },
              previousData: conflict.current,
            },
            {
              mutationMode: 'pessimistic',
              onSuccess: () => {
                setConflict(null);
                notify('ra.notification.updated', { messageArgs: { smart_count: 1 } });
                redirect('show', resource.name, conflict.current.id);
              },
              onError: (error) => notify((error as Error).message, { type: 'error' }),
            },
          )
        }
      />
    </Edit>
  );
};
