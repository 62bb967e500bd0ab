import { dependantsOf, type ResourceDef } from '../schema';
import { HttpError, message } from './messages';
import { sameId, type Row } from './records';
import type { JournalEntry } from './store/journal';
import type { Data } from './store/store';
import type { WriteContext } from './writes';

interface Plan {
  remove: { resource: string; row: Row }[];
  unlink: { resource: string; row: Row; field: string }[];
}

/** Everything a cascade delete touches: dependants that require the record go with it (and
 * theirs, recursively); dependants that merely mention it are unlinked. */
function plan(data: Data, resource: string, id: unknown, acc: Plan, seen: Set<string>) {
  for (const { resource: dep, field } of dependantsOf(resource)) {
    for (const row of data[dep.name] ?? []) {
      if (!sameId(row[field.source], id)) continue;
      const key = `${dep.name}/${row.id}`;
      if (field.required) {
        if (seen.has(key)) continue;
        seen.add(key);
        acc.remove.push({ resource: dep.name, row });
        plan(data, dep.name, row.id, acc, seen);
      } else {
        acc.unlink.push({ resource: dep.name, row, field: field.source });
      }
    }
  }
  return acc;
}

const countByResource = (items: { resource: string }[]) =>
  items.reduce<Record<string, number>>((counts, { resource }) => {
    counts[resource] = (counts[resource] ?? 0) + 1;
    return counts;
  }, {});

/**
 * Refuses (409) to delete a record others refer to unless `cascade` is set; with it, removes
 * and unlinks the dependants in place and returns the journal entries for them.
 */
export function handleDependants(
  ctx: WriteContext,
  resources: Record<string, ResourceDef>,
  resource: ResourceDef,
  id: unknown,
  cascade: boolean,
): JournalEntry[] {
  const { data, lang } = ctx;
  const { remove, unlink } = plan(data, resource.name, id, { remove: [], unlink: [] }, new Set());
  // Unlinks of records that are removed anyway are moot.
  const removed = new Set(remove.map(({ resource: r, row }) => `${r}/${row.id}`));
  const unlinks = unlink.filter(({ resource: r, row }) => !removed.has(`${r}/${row.id}`));
  if (remove.length + unlinks.length === 0) return [];
  if (!cascade) {
    const direct = dependantsOf(resource.name).flatMap(({ resource: dep, field }) =>
      (data[dep.name] ?? []).filter((row) => sameId(row[field.source], id)).map(() => ({ resource: dep.name })),
    );
    const counts = countByResource(direct);
    const list = Object.entries(counts)
      .map(([name, n]) =>
        lang === 'zh' ? `${resources[name].label.zh} ${n} 条` : `${resources[name].label.en.toLowerCase()}: ${n}`,
      )
      .join(lang === 'zh' ? '、' : ', ');
    throw new HttpError(409, message(lang, 'hasDependants', { list }), { dependants: counts });
  }
  const now = new Date().toISOString();
  const entries: JournalEntry[] = [];
  const trail = (entry: JournalEntry | null) => entry && entries.push(entry);
  for (const { resource: name, row, field } of unlinks) {
    const before = { ...row };
    row[field] = null;
    row.updatedAt = now;
    row.version = (typeof row.version === 'number' ? row.version : 1) + 1;
    entries.push({ r: name, put: { ...row } });
    trail(ctx.audit.record(ctx.actor, 'update', name, before, row));
  }
  for (const { resource: name, row } of remove) {
    const rows = data[name];
    rows.splice(rows.indexOf(row), 1);
    entries.push({ r: name, del: row.id });
    trail(ctx.audit.record(ctx.actor, 'delete', name, row, null));
  }
  return entries;
}
