import type { FieldDef, ResourceDef } from '../../schema';

/**
 * The values a list holds its rows to: what its page fixes (a summit's guests, GridView's
 * `defaults`) and the single values it is filtered by (the summit of /attendees?filter=…).
 * Rows added to it (a paste, the new row) start from them; setting one moves rows out of it.
 */
export function fixedValues(
  resource: ResourceDef,
  filterValues: Record<string, unknown>,
  fixed: Record<string, unknown>,
): Record<string, unknown> {
  const isField = (source: string) => resource.fields.some((f: FieldDef) => f.source === source);
  return {
    ...Object.fromEntries(
      Object.entries(filterValues).filter(
        ([source, value]) => isField(source) && value != null && typeof value !== 'object',
      ),
    ),
    ...fixed,
  };
}
