import { enums } from '../enums';
import type { FieldDef } from '../types';

/** Text in the order Chinese readers expect, as WPS and Excel sort it: by pinyin (李, 钱, 孙,
 * 王, 张, 赵), not by code point (孙, 张, 李, 王, 赵, 钱). ICU's Chinese collation is pinyin (the
 * browser's and Node's alike); it puts Chinese before Latin letters, and letters without case. */
export const byPinyin = new Intl.Collator('zh-CN-u-co-pinyin').compare;

/** Fields whose values are words, sorted by pinyin; numbers, days, codes and phones keep their
 * own order. */
export const sortsByPinyin = (field: FieldDef | undefined) => field?.type === 'text' || field?.type === 'longtext';

/** How a choice field's values compare: in the order the schema declares its choices (状态:
 * 已签约, 推进中 … 已终止; an admin's own field: its options as listed), the order its filter,
 * picker and board show, not its codes' alphabet (completed before signed). A code no longer
 * declared comes after the declared ones. Undefined for other fields. Read when called, so an
 * admin's reordered options count at once. */
export function byDeclaredOrder(field: FieldDef | undefined): ((a: string, b: string) => number) | undefined {
  if (field?.type !== 'enum') return undefined;
  const place = new Map((enums[field.enum ?? ''] ?? []).map((option, i) => [option.id, i]));
  return (a, b) => (place.get(a) ?? place.size) - (place.get(b) ?? place.size) || (a < b ? -1 : a > b ? 1 : 0);
}
