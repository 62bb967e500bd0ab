import { Create } from 'react-admin';
import type { ResourceDef } from '../../schema';
import { SchemaEdit } from './SchemaEdit';
import { SchemaForm } from './SchemaForm';
import { SchemaList } from './SchemaList';
import { ShowWithRelated } from './ShowWithRelated';

/**
 * The list, create, edit and show views of a resource, generated from its schema. Resource
 * folders start from these and replace the views their users need shaped by hand. A
 * read-only resource (the audit trail) gets no create or edit.
 */
export function schemaViews(resource: ResourceDef) {
  const list = () => <SchemaList resource={resource} />;
  const create = () => (
    <Create redirect="show">
      <SchemaForm resource={resource} />
    </Create>
  );
  const edit = () => <SchemaEdit resource={resource} />;
  const show = () => <ShowWithRelated resource={resource} related={[]} />;
  if (resource.readOnly) return { list, show, recordRepresentation: resource.titleField };
  return { list, create, edit, show, recordRepresentation: resource.titleField };
}
