import { Create, Edit, Show } from 'react-admin';
import type { ResourceDef } from '../../schema';
import { SchemaForm } from './SchemaForm';
import { SchemaList } from './SchemaList';
import { SchemaShowLayout } from './SchemaShow';
import { ShowActions } from './ShowActions';

/**
 * The list, create, edit and show views of a resource, generated from its schema. Resource
 * folders start from these and replace the views their users need shaped by hand.
 */
export function schemaViews(resource: ResourceDef) {
  const list = () => <SchemaList resource={resource} />;
  const create = () => (
    <Create redirect="show">
      <SchemaForm resource={resource} />
    </Create>
  );
  // Pessimistic, so the server's per-field reasons land on the form instead of an undo toast.
  const edit = () => (
    <Edit mutationMode="pessimistic" redirect="show">
      <SchemaForm resource={resource} />
    </Edit>
  );
  const show = () => (
    <Show actions={<ShowActions />}>
      <SchemaShowLayout resource={resource} />
    </Show>
  );
  return { list, create, edit, show, recordRepresentation: resource.titleField };
}
