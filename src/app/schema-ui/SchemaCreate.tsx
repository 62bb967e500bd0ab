import { Create } from 'react-admin';
import type { ResourceDef } from '../../schema';
import { SchemaForm } from './SchemaForm';

/** The create page: the schema's form, then the new record's page. */
export const SchemaCreate = ({ resource }: { resource: ResourceDef }) => (
  <Create redirect="show">
    <SchemaForm resource={resource} />
  </Create>
);
