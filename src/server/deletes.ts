import { allows, dependantsOf, type ResourceDef } from '../schema';
import type { CheckContext } from './hooks/types';
import type { Step } from './store/recordStore';
import { HttpError, message } from './messages';
import { forbid } from './present';
import { type Row } from './records';
import type { WriteView } from './store/recordStore';

interface Plan {
  remove: { resource: string; row: Row }[];
  unlink: { resource: string; row: Row; field: string }[];
}

/** Everything a cascade delete touches: dependants that require the record go with it (and
 * theirs, recursively); dependants that merely mention it are unlinked. */
async function plan(view: WriteView, resource: string, id: unknown, acc: Plan, seen: Set<string>) {
  for (const { resource: dep, field } of dependants(resource)) {
    for (const row of await view.where(dep.name, field.source, id)) {
      const key = `${dep.name}/${row.id}`;
      if (field.required) {
        if (seen.has(key)) continue;
        seen.add(key);
        acc.remove.push({ resource: dep.name, row });
        await plan(view, dep.name, row.id, acc, seen);
      } else {
        acc.unlink.push({ resource: dep.name, row, field: field.source });
      }
    }
  }
  return acc;
}

/** What refers to a record and must follow its delete: history (the audit trail) never does,
 * so an entry keeps the id and the username of the user who wrote it, as it was written. */
const dependants = (resource: string) => dependantsOf(resource).filter(({ resource: dep }) => !dep.readOnly);

const countByResource = (items: { resource: string }[]) =>
  items.reduce<Record<string, number>>((counts, { resource }) => {
    counts[resource] = (counts[resource] ?? 0) + 1;
    return counts;
  }, {});

/**
 * The steps that delete a record: refused (409) while others refer to it unless `cascade` is
 * set; with it, the dependants that require it go too and the others are unlinked; then what
 * the resource's own rules bring (a follow-up's agreement following its history).
 */
export async function checkDelete(
  ctx: CheckContext,
  resources: Record<string, ResourceDef>,
  resource: ResourceDef,
  existing: Row,
  cascade: boolean,
): Promise<Step[]> {
  const { view, lang } = ctx;
  const own: Step[] = [];
  for (const hooks of ctx.hooks(resource)) own.push(...((await hooks.remove?.(ctx, resource, existing)) ?? []));
  const { remove, unlink } = await plan(view, resource.name, existing.id, { remove: [], unlink: [] }, new Set());
  // Unlinks of records that are removed anyway are moot.
  const removed = new Set(remove.map(({ resource: r, row }) => `${r}/${row.id}`));
  const unlinks = unlink.filter(({ resource: r, row }) => !removed.has(`${r}/${row.id}`));
  if (remove.length + unlinks.length > 0 && !cascade) {
    const direct: { resource: string }[] = [];
    for (const { resource: dep, field } of dependants(resource.name))
      for (const _row of await view.where(dep.name, field.source, existing.id)) direct.push({ resource: dep.name });
    // lists the role may not read are counted, not named
    const all = countByResource(direct);
    const counts = Object.fromEntries(
      Object.entries(all).filter(([name]) => allows(ctx.role, resources[name], 'read')),
    );
    const others = Object.entries(all).reduce((n, [name, count]) => (name in counts ? n : n + count), 0);
    const list = [
      ...Object.entries(counts).map(([name, n]) =>
        lang === 'zh' ? `${resources[name].label.zh} ${n} 条` : `${resources[name].label.en.toLowerCase()}: ${n}`,
      ),
      ...(others > 0 ? [lang === 'zh' ? `其他记录 ${others} 条` : `other records: ${others}`] : []),
    ].join(lang === 'zh' ? '、' : ', ');
    throw new HttpError(409, message(lang, 'hasDependants', { list }), {
      dependants: others > 0 ? { ...counts, other: others } : counts,
    });
  }
  // a cascade writes every list it reaches: each one the role may write, or nothing happens
  for (const name of new Set([...remove, ...unlinks].map((item) => item.resource)))
    if (!allows(ctx.role, resources[name], 'write')) throw forbid(lang, ctx.role, resources[name], 'write');
  return [
    { op: 'delete', resource: resource.name, row: existing },
    ...own,
    ...unlinks.map(({ resource: name, row, field }): Step => ({
      op: 'update',
      resource: name,
      row,
      fields: { [field]: null },
    })),
    ...remove.map(({ resource: name, row }): Step => ({ op: 'delete', resource: name, row })),
  ];
}
