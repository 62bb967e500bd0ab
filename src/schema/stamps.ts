import { beijingDay } from './namedFilters';
import type { ResourceDef } from './types';

/**
 * What a move records by itself (see `stamps` and `resetWhen` in the schema): a guest who
 * confirms gets the reply's date, one who checks in the time, unless the write gives them;
 * undoing a check-in clears its time; a corrected e-mail address is no longer marked as bouncing. `record` is the record as it will be stored, `existing` as it was. New
 * records get nothing: a list entered or imported after the fact has no "now" to record.
 */
export function stampsFor(
  resource: ResourceDef,
  record: Record<string, unknown>,
  existing: Record<string, unknown> | undefined,
  given: Record<string, unknown>,
  now: number,
): Record<string, unknown> {
  const stamped: Record<string, unknown> = {};
  if (!existing) return stamped;
  for (const field of resource.fields) {
    if (!field.stamps) continue;
    const before = existing?.[field.source] ?? null;
    const after = record[field.source] ?? null;
    if (before === after) continue;
    const arriving = after === null ? undefined : field.stamps[String(after)];
    if (
      arriving &&
      !Object.hasOwn(given, arriving.field) &&
      (!arriving.from || arriving.from.includes(String(before)))
    ) {
      const target = resource.fields.find((f) => f.source === arriving.field);
      stamped[arriving.field] = target?.type === 'date' ? beijingDay(now) : new Date(now).toISOString();
    }
    const leaving = before === null ? undefined : field.stamps[String(before)];
    if (leaving?.clear && leaving.field !== arriving?.field && !Object.hasOwn(given, leaving.field))
      stamped[leaving.field] = null;
  }
  for (const field of resource.fields) {
    const watched = field.resetWhen;
    if (!watched || Object.hasOwn(given, field.source)) continue;
    if ((existing[watched] ?? null) !== (record[watched] ?? null)) stamped[field.source] = field.default ?? null;
  }
  return stamped;
}
