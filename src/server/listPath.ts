import orderBy from 'lodash/orderBy';
import { queryMatcher } from './query';
import type { Row } from './records';
import type { Store } from './store/store';

/**
 * Lists answered in front of json-server, with its answers: the rows its query matches
 * (queryMatcher has its filter semantics), in lodash's orderBy order as json-server sorts, the
 * slice asked for, the total. json-server sorts every row on every request; here each order is
 * sorted once and kept until the next write, so a page of 25 out of 100,000 is one pass over
 * rows already in order, stopping as soon as the page is full when nothing is filtered.
 */
export function createListPath(store: Store) {
  const orders = new Map<string, { changes: number; rows: Row[]; source: Row[] }>();

  const ordered = (collection: string, rows: Row[], field: string | undefined, order: string | undefined) => {
    if (!field) return rows;
    const key = `${collection}\u0000${field}\u0000${order}`;
    const cached = orders.get(key);
    if (
      cached &&
      cached.changes === store.journal.changes &&
      cached.source === rows &&
      cached.rows.length === rows.length
    )
      return cached.rows;
    const sorted = orderBy(rows, [field], [(order === 'desc' ? 'desc' : 'asc') as 'asc' | 'desc']);
    orders.set(key, { changes: store.journal.changes, rows: sorted, source: rows });
    return sorted;
  };

  return (collection: string, query: Record<string, string | string[]>): { page: Row[]; total: number } => {
    const rows = store.data[collection] ?? [];
    const sorted = ordered(collection, rows, query._sort as string | undefined, query._order as string | undefined);
    const from = Number(query._start ?? 0);
    const to = query._end === undefined ? Infinity : Number(query._end);
    const filtered = Object.keys(query).some((key) => !key.startsWith('_'));
    if (!filtered) return { page: sorted.slice(from, to), total: sorted.length };
    const matches = queryMatcher(query);
    const page: Row[] = [];
    let total = 0;
    for (const row of sorted) {
      if (!matches(row)) continue;
      if (total >= from && total < to) page.push(row);
      total++;
    }
    return { page, total };
  };
}
