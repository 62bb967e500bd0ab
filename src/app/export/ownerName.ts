import type { DataProvider } from 'react-admin';
import { getField, resourceByName, type ResourceDef } from '../../schema';

/** The name of the record a tab's rows belong to (a summit's guests: the summit's name), to
 * name its export after; undefined for a list of its own. */
export async function ownerName(
  dataProvider: DataProvider,
  resource: ResourceDef,
  fixed: Record<string, unknown>,
): Promise<string | undefined> {
  for (const [source, id] of Object.entries(fixed)) {
    const field = getField(resource, source);
    const owner = field?.type === 'reference' ? resourceByName[field.reference!] : undefined;
    if (!owner || id == null) continue;
    const { data } = await dataProvider.getOne(owner.name, { id });
    const title = data[owner.titleField];
    if (typeof title === 'string' && title.trim()) return title.trim();
  }
  return undefined;
}
