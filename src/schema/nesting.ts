/** How deep a stored JSON value may nest (a json field's, an account's setting: a saved view's
 * filters are a few levels). Thousands of levels, stored, would stop the snapshot that
 * serialises them, and with it the next start. */
export const MAX_NESTING = 32;

/** Whether a value nests deeper than `max` levels; walked with a list, not recursion, as a
 * hostile value may nest hundreds of thousands deep. */
export function nestsTooDeep(value: unknown, max = MAX_NESTING): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [inner, depth] = pending.pop()!;
    if (typeof inner !== 'object' || inner === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(inner)) if (typeof child === 'object') pending.push([child, depth + 1]);
  }
  return false;
}
