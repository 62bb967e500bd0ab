import { queryMatcher } from '../query';
import type { Row } from '../records';
import { getField, type ResourceDef } from '../../schema';
import { byDeclaredOrder, byPinyin, sortsByPinyin } from '../../schema/text/collate';
import { sortRows, type Order, type SortKey } from './sortRows';
import type { Store } from './store';

/**
 * Lists answered in front of json-server, with its answers: the rows its query matches
 * (queryMatcher has its filter semantics), in lodash's orderBy order as json-server sorts, the
 * slice asked for, the total. json-server sorts every row on every request; here each order is
 * sorted once, and each field users filter on by equality is indexed once, both kept until
 * the next write. A page of 25 of 100,000 is then a slice of rows already in order, and a
 * filter on a summit looks at that summit's guests only. Two differences, on purpose: an
 * equality filter on a field no row holds matches nothing here, where json-server ignores it;
 * and words (names, titles) sort by pinyin, as WPS and Excel sort them, links by the names
 * of the records they link to, choices in the order the schema declares them (sortRows.ts).
 */
export function createListPath(store: Store, resources: Record<string, ResourceDef>) {
  /** per collection: what is kept, and the collection's write count it was computed at */
  const caches = new Map<string, { changes: number; source: Row[]; size: number; values: Map<string, unknown> }>();
  /** computed once per collection and write to it (the journal counts writes); a write drops
   * everything kept for that collection, so nothing stale stays in memory */
  const kept = <T>(collection: string, key: string, rows: Row[], make: () => T, replaces?: string): T => {
    const changes = store.journal.changesOf(collection);
    let cache = caches.get(collection);
    if (!cache || cache.changes !== changes || cache.source !== rows || cache.size !== rows.length) {
      cache = { changes, source: rows, size: rows.length, values: new Map() };
      caches.set(collection, cache);
    }
    if (!cache.values.has(key)) {
      // what this replaces (an order by names since renamed) goes
      if (replaces) for (const old of cache.values.keys()) if (old.startsWith(replaces)) cache.values.delete(old);
      cache.values.set(key, make());
    }
    return cache.values.get(key) as T;
  };

  /** how a field's rows compare: by their words (pinyin), a choice in its declared order, a
   * link by the name of the record it links to (a guest's organisation), or as json-server
   * compares them */
  const keyOf = (collection: string, field: string): SortKey | undefined => {
    const def = resources[collection] && getField(resources[collection], field);
    const own = (row: Row) => (row[field] === null || row[field] === undefined ? null : String(row[field]));
    if (sortsByPinyin(def)) return { of: own, compare: byPinyin };
    const declared = byDeclaredOrder(def);
    if (declared) return { of: own, compare: declared };
    const target = linkedOf(collection, field);
    if (!target) return undefined;
    const titles = new Map((store.data[target.name] ?? []).map((row) => [String(row.id), row[target.titleField]]));
    return {
      of: (row) => {
        const title = row[field] === null || row[field] === undefined ? null : titles.get(String(row[field]));
        return title === null || title === undefined ? null : String(title);
      },
      compare: byPinyin,
    };
  };
  /** The list a link field sorts by the names of: named in words, and by what every role may
   * see (no role learns the order of names it may not read, nor of masked phones). */
  const linkedOf = (collection: string, field: string): ResourceDef | undefined => {
    const def = resources[collection] && getField(resources[collection], field);
    const target = def?.type === 'reference' ? resources[def.reference!] : undefined;
    const title = target && getField(target, target.titleField);
    return target && !target.readers && sortsByPinyin(title) && !title!.personal ? target : undefined;
  };
  const sorted = (collection: string, rows: Row[], field: string, order: string | undefined) =>
    sortRows(rows, field, (order === 'desc' ? 'desc' : 'asc') as Order, keyOf(collection, field));
  /** kept until a write to the list, or to the list its names come from (a renamed
   * organisation), or to the definitions an admin's own choices are declared in (reordered) */
  const ordered = (collection: string, rows: Row[], field: string, order: string | undefined) => {
    const prefix = `sort\u0000${field}\u0000${order}\u0000`;
    const target = linkedOf(collection, field);
    const def = resources[collection] && getField(resources[collection], field);
    const key =
      prefix +
      (target ? store.journal.changesOf(target.name) : '') +
      (def?.type === 'enum' ? `\u0000${store.journal.changesOf('customFields')}` : '');
    return kept(collection, key, rows, () => sorted(collection, rows, field, order), prefix);
  };

  /** value → rows holding it, in stored order; and each row's place in that order */
  const indexOf = (collection: string, rows: Row[], field: string) =>
    kept(collection, `index\u0000${field}`, rows, () => {
      const byValue = new Map<string, Row[]>();
      for (const row of rows) {
        const value = row[field];
        if (value === null || value === undefined) continue;
        const key = String(value);
        let bucket = byValue.get(key);
        if (!bucket) byValue.set(key, (bucket = []));
        bucket.push(row);
      }
      return byValue;
    });
  const placesOf = (collection: string, rows: Row[]) =>
    kept(collection, 'places', rows, () => new Map(rows.map((row, i) => [row, i])));

  /** The fewest rows that can match: the smallest set an equality filter allows, in stored order. */
  function candidates(collection: string, rows: Row[], query: Record<string, string | string[]>): Row[] {
    // sized first, gathered once: a common status must not be copied only to lose to a summit
    let best: { buckets: Row[][]; size: number } | null = null;
    const resource = resources[collection];
    for (const [key, raw] of Object.entries(query)) {
      if (key.startsWith('_') || /_(gte|lte|ne|like)$/.test(key)) continue;
      // indexes only where values repeat (a summit, a status) and for ids (getMany, a search's
      // matches): one per name or note would cost as much memory as the rows themselves
      const type = key === 'id' ? 'id' : resource?.fields.find((f) => f.source === key)?.type;
      if (type !== 'id' && type !== 'enum' && type !== 'reference' && type !== 'boolean') continue;
      const index = indexOf(collection, rows, key);
      // a value asked twice is one value (json-server counts each row once)
      const buckets = [...new Set(([] as string[]).concat(raw))].map((value) => index.get(value) ?? []);
      const size = buckets.reduce((n, bucket) => n + bucket.length, 0);
      if (!best || size < best.size) best = { buckets, size };
    }
    if (!best) return rows;
    if (best.buckets.length === 1) return best.buckets[0];
    const places = placesOf(collection, rows);
    return best.buckets.flat().sort((a, b) => places.get(a)! - places.get(b)!);
  }

  return (collection: string, query: Record<string, string | string[]>): { page: Row[]; total: number } => {
    const rows = store.data[collection] ?? [];
    const from = Number(query._start ?? 0);
    const to = query._end === undefined ? Infinity : Number(query._end);
    const field = query._sort as string | undefined;
    const filtered = Object.keys(query).some((key) => !key.startsWith('_'));
    if (!filtered) {
      const inOrder = field ? ordered(collection, rows, field, query._order as string | undefined) : rows;
      return { page: inOrder.slice(from, to), total: inOrder.length };
    }
    const pool = candidates(collection, rows, query);
    const matches = queryMatcher(query);
    // few rows left: filter, then sort them; many: walk the kept order and filter as we go
    if (pool.length < rows.length / 4 || !field) {
      const matched = pool.filter(matches);
      const inOrder = field ? sorted(collection, matched, field, query._order as string | undefined) : matched;
      return { page: inOrder.slice(from, to), total: matched.length };
    }
    const page: Row[] = [];
    let total = 0;
    for (const row of ordered(collection, rows, field, query._order as string | undefined)) {
      if (!matches(row)) continue;
      if (total >= from && total < to) page.push(row);
      total++;
    }
    return { page, total };
  };
}
