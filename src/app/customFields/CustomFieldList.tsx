import { resourceByName } from '../../schema';
import { SchemaList } from '../schema-ui/SchemaList';

/** The custom fields; opened from a list's "Fields" button it shows that list's fields, and a
 * new field starts out belonging to it. */
export const CustomFieldList = () => (
  <SchemaList
    resource={resourceByName.customFields}
    createDefaults={(filter) => (typeof filter.resource === 'string' ? { resource: filter.resource } : {})}
    empty="huiwu.empty.customFields"
  />
);
