import { getField, importKeysOf, type FieldDef, type ResourceDef } from '../../schema';
import type { Data, Row } from '../store/store';

/** Text, ignoring case and spaces; phones by their digits, without China's +86:
 * "+86 138 1234 5678" is 13812345678. */
function keyPart(field: FieldDef, value: unknown): string {
  if (field.type === 'phone')
    return String(value)
      .replace(/\D/g, '')
      .replace(/^(?:00)?86(1\d{10})$/, '$1');
  if (typeof value === 'string') return value.replace(/\s+/g, '').toLowerCase();
  return JSON.stringify(value);
}

function keyOf(fields: FieldDef[], record: Record<string, unknown>): string | null {
  const parts: string[] = [];
  for (const field of fields) {
    const value = record[field.source];
    if (value === null || value === undefined || value === '') return null;
    parts.push(keyPart(field, value));
  }
  return JSON.stringify(parts);
}

/** Stored records indexed between two yields (src/server/import/plan.ts plans in slices). */
const ROWS_PER_STEP = 2_000;

/**
 * The chosen key and, after it, the resource's other keys: a guest without a phone is still
 * found by name within the summit, and one first imported without a phone is found again when
 * the next file has it. Each key indexes the stored records and the file's earlier rows.
 * Yields every few thousand records it indexes.
 */
export function* keyChain(data: Data, resource: ResourceDef, chosen: string[]) {
  const all = importKeysOf(resource);
  const from = all.findIndex((k) => JSON.stringify(k) === JSON.stringify(chosen));
  const chain: {
    fields: FieldDef[];
    stored: Map<string, Row[]>;
    inFile: Map<string, { line: number; values: Record<string, unknown> }>;
  }[] = [];
  for (const sources of all.slice(from)) {
    const fields = sources.map((source) => getField(resource, source)!);
    const stored = new Map<string, Row[]>();
    for (const [i, row] of (data[resource.name] ?? []).entries()) {
      if (i % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
      const key = keyOf(fields, row);
      if (key === null) continue;
      const same = stored.get(key);
      if (same) same.push(row);
      else stored.set(key, [row]);
    }
    chain.push({ fields, stored, inFile: new Map() });
  }
  const fields = new Set(chain.flatMap((k) => k.fields));
  return {
    /** the stored records the row's first matching key finds, and an earlier line with any of its keys */
    match(values: Record<string, unknown>, line: number) {
      let matches: Row[] = [];
      let earlier: number | undefined;
      chain.forEach((key, k) => {
        const value = keyOf(key.fields, values);
        if (value === null) return;
        // a later key only finds records no earlier key tells apart: two 张伟 with different
        // phones are two people
        const agrees = (row: Record<string, unknown>) =>
          chain.slice(0, k).every((earlierKey) => {
            const mine = keyOf(earlierKey.fields, values);
            const theirs = keyOf(earlierKey.fields, row);
            return mine === null || theirs === null || mine === theirs;
          });
        if (matches.length === 0) matches = (key.stored.get(value) ?? []).filter(agrees);
        const before = key.inFile.get(value);
        if (before && agrees(before.values)) earlier ??= before.line;
        if (!before) key.inFile.set(value, { line, values });
      });
      return { matches, earlier };
    },
    /** whether a value equals the stored one as a key compares them */
    same(source: string, value: unknown, stored: unknown) {
      const field = [...fields].find((f) => f.source === source);
      return field ? stored != null && keyPart(field, value) === keyPart(field, stored) : undefined;
    },
  };
}
