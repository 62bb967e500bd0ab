import type { FieldDef } from '../types';

/** Text in the order Chinese readers expect, as WPS and Excel sort it: by pinyin (李, 钱, 孙,
 * 王, 张, 赵), not by code point (孙, 张, 李, 王, 赵, 钱). ICU's Chinese collation is pinyin (the
 * browser's and Node's alike); it puts Chinese before Latin letters, and letters without case. */
export const byPinyin = new Intl.Collator('zh-CN-u-co-pinyin').compare;

/** Fields whose values are words, sorted by pinyin; numbers, days, codes and phones keep their
 * own order. */
export const sortsByPinyin = (field: FieldDef | undefined) => field?.type === 'text' || field?.type === 'longtext';
