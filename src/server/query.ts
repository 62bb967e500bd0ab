import type { Row } from './records';

/**
 * Whether a row meets a translated list query (see protocol.ts), with json-server's own
 * semantics, so that figures computed here count the very rows its lists show: each key's
 * values are alternatives (status=a&status=b) except `_ne`, whose values are all excluded;
 * `_gte`/`_lte` compare numbers as numbers and text as text; `_like` is a case-insensitive
 * regular expression; a row without a value matches no condition on it.
 */
export function queryMatcher(query: Record<string, string | string[]>): (row: Row) => boolean {
  const tests = Object.entries(query)
    .filter(([key]) => !key.startsWith('_') && key !== 'q')
    .map(([key, raw]) => {
      const values = ([] as string[]).concat(raw);
      const op = /_(gte|lte|ne|like)$/.exec(key)?.[1];
      const field = op ? key.slice(0, -op.length - 1) : key;
      const patterns = op === 'like' ? values.map((v) => new RegExp(v, 'i')) : [];
      // thousands of ids (a search's matches) are looked up, not scanned
      const wanted = op === undefined ? new Set(values) : null;
      return (row: Row) => {
        const actual = row[field];
        if (actual === null || actual === undefined) return false;
        const text = String(actual);
        if (op === 'ne') return values.every((value) => text !== value);
        if (wanted) return wanted.has(text);
        return values.some((value, i) => {
          switch (op) {
            case 'gte':
              return typeof actual === 'number' ? actual >= Number(value) : text >= value;
            case 'lte':
              return typeof actual === 'number' ? actual <= Number(value) : text <= value;
            case 'like':
              return patterns[i].test(text);
            default:
              return text === value;
          }
        });
      };
    });
  return (row) => tests.every((test) => test(row));
}
