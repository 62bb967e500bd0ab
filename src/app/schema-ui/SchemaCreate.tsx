import { Create, SaveButton, Toolbar, useNotify, useRecordFromLocation } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { useLocation } from 'react-router-dom';
import type { ResourceDef } from '../../schema';
import { SchemaForm } from './SchemaForm';

/** Save, or save and start the next one: guests are added several at a time, and the form
 * opened from a summit keeps that summit (the values it was opened with). */
const CreateToolbar = ({ resource }: { resource: ResourceDef }) => {
  const notify = useNotify();
  const { reset, getValues } = useFormContext();
  const opened = useRecordFromLocation();
  return (
    <Toolbar sx={{ gap: 2 }}>
      <SaveButton />
      <SaveButton
        type="button"
        variant="outlined"
        label="huiwu.create.saveAndAdd"
        mutationOptions={{
          onSuccess: (saved: Record<string, unknown>) => {
            // the schema's defaults, then what the form was opened with, as when it opened
            reset();
            if (opened) reset({ ...getValues(), ...opened }, { keepDefaultValues: true });
            window.scrollTo(0, 0);
            notify('huiwu.create.savedNext', { type: 'info', messageArgs: { name: saved[resource.titleField] ?? '' } });
          },
        }}
      />
    </Toolbar>
  );
};

/** The create page: the schema's form, then back to the list it was opened from (a summit's
 * guests), or else the new record's page. Opened by a button that names it (添加嘉宾), it is
 * titled so; else react-admin's 新建参会人员. */
export const SchemaCreate = ({ resource }: { resource: ResourceDef }) => {
  const state = useLocation().state as { from?: unknown; title?: unknown } | null;
  const from = state?.from;
  return (
    <Create
      redirect={typeof from === 'string' ? () => from : 'show'}
      title={typeof state?.title === 'string' ? state.title : undefined}
    >
      <SchemaForm resource={resource} toolbar={<CreateToolbar resource={resource} />} />
    </Create>
  );
};
