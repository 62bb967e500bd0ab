import { getField, type ResourceDef } from '../../schema';
import { i18nProvider } from '../providers/i18nProvider';
import { lazyNamed } from './lazyNamed';
import { formatDay } from './time';

const SchemaList = lazyNamed(() => import('./SchemaList'), 'SchemaList');
const SchemaCreate = lazyNamed(() => import('./SchemaCreate'), 'SchemaCreate');
const SchemaEdit = lazyNamed(() => import('./SchemaEdit'), 'SchemaEdit');
const ShowWithRelated = lazyNamed(() => import('./ShowWithRelated'), 'ShowWithRelated');

/** How a record is named in titles and pickers: its title field, dates as people read them. */
const representation = (resource: ResourceDef) => {
  const field = getField(resource, resource.titleField);
  if (field?.type !== 'date' && field?.type !== 'datetime') return resource.titleField;
  return (record: Record<string, unknown>) =>
    formatDay(record[resource.titleField], field.type as 'date' | 'datetime', i18nProvider.getLocale());
};

/**
 * The list, create, edit and show views of a resource, generated from its schema. Resource
 * folders start from these and replace the views their users need shaped by hand. A
 * read-only resource (the audit trail) gets no create or edit.
 */
export function schemaViews(resource: ResourceDef) {
  const list = () => <SchemaList resource={resource} />;
  const create = () => <SchemaCreate resource={resource} />;
  const edit = () => <SchemaEdit resource={resource} />;
  const show = () => <ShowWithRelated resource={resource} related={[]} />;
  const recordRepresentation = representation(resource);
  if (resource.readOnly) return { list, show, recordRepresentation };
  return { list, create, edit, show, recordRepresentation };
}
