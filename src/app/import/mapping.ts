import type { FieldDef, ResourceDef } from '../../schema';

/** The fields a file's column can fill (never passwords or the audit trail's JSON). */
export const importableFields = (resource: ResourceDef) =>
  resource.fields.filter((field) => field.type !== 'password' && field.type !== 'json');

/** Headers compare without case, spaces, brackets or punctuation: "手机号码（必填）" ~ "手机号码必填". */
export const normaliseHeader = (header: string) =>
  header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-()[\]【】:*·./、,，;；#'"“”‘’?？!！]/g, '');

/** What a field may be called in a spreadsheet: its labels, its key, its aliases; also
 * without a bracketed unit ("金额(元)" is also "金额"). */
function namesOf(field: FieldDef): string[] {
  const names = [field.label.zh, field.label.en, field.source, ...(field.aliases ?? [])];
  const bare = names.map((name) => name.replace(/[(（][^)）]*[)）]/g, ''));
  return [...new Set([...names, ...bare].map(normaliseHeader).filter(Boolean))];
}

/** Per resource, what the user chose for a header last time (null: ignore it). */
export type RememberedMapping = Record<string, string | null>;

/**
 * The field each column fills, best guess first: what the user chose for this header before,
 * then a header that is a field's name, then one that contains it ("嘉宾手机" holds "手机").
 * Each field fills one column at most; fields the list fixes (its summit) fill none.
 */
export function autoMap(
  resource: ResourceDef,
  headers: string[],
  remembered: RememberedMapping = {},
  fixed: string[] = [],
): (string | null)[] {
  const fields = importableFields(resource).filter((field) => !fixed.includes(field.source));
  const names = new Map(fields.map((field) => [field.source, namesOf(field)]));
  const mapping: (string | null)[] = headers.map(() => null);
  const used = new Set<string>();
  const settled = new Set<number>();
  const assign = (column: number, source: string | null) => {
    settled.add(column);
    mapping[column] = source;
    if (source) used.add(source);
  };
  headers.forEach((header, i) => {
    const key = normaliseHeader(header);
    if (!Object.hasOwn(remembered, key)) return;
    const source = remembered[key];
    if (source === null) assign(i, null);
    else if (names.has(source) && !used.has(source)) assign(i, source);
  });
  const passes: ((header: string, name: string) => boolean)[] = [
    (header, name) => header === name,
    (header, name) => name.length >= 2 && header.includes(name),
  ];
  for (const matches of passes) {
    headers.forEach((raw, i) => {
      const header = normaliseHeader(raw);
      if (settled.has(i) || !header) return;
      // the longest name that matches wins: "单位名称" before "单位"
      let best: { source: string; length: number } | null = null;
      for (const field of fields) {
        if (used.has(field.source)) continue;
        for (const name of names.get(field.source)!)
          if (matches(header, name) && (!best || name.length > best.length))
            best = { source: field.source, length: name.length };
      }
      if (best) assign(i, best.source);
    });
  }
  return mapping;
}

/**
 * Where the header is: files often start with a title row ("第三届智能制造高峰论坛嘉宾名单")
 * above it. The row among the first ten whose cells name the most fields; the first row when
 * none names any.
 */
export function findHeaderRow(resource: ResourceDef, rows: string[][], remembered: RememberedMapping = {}): number {
  let best = { index: 0, score: 0 };
  rows.slice(0, 10).forEach((cells, index) => {
    // headers the user matched by hand before count too; a later row must name strictly more
    const score = autoMap(resource, cells, remembered).filter(Boolean).length;
    if (score > best.score) best = { index, score };
  });
  return best.index;
}
