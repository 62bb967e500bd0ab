import { pinyin } from 'pinyin-pro';

/** One guest as the check-in desk finds them: by name, pinyin initials or full pinyin (张伟:
 * zw, zhangwei), the last digits of the phone, or the organization. */
export interface Findable {
  id: number | string;
  keys: string;
}

/** Everything a guest may be looked up by, in one lower-case string. Surnames read as
 * surnames (曾 is zeng, 单 is shan). */
export function searchKeys(name: string, organization: string, phone: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head' });
  return [name, syllables.map((s) => s[0]).join(''), syllables.join(''), phone.replace(/\D/g, ''), organization]
    .join('\u0001')
    .toLowerCase();
}

/** The guests matching what was typed: every word somewhere in their keys; digits match the
 * end of the phone number (its last four, as people say them). */
export function findGuests<T extends Findable>(guests: T[], typed: string): T[] {
  const words = typed.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return guests.filter((guest) =>
    words.every((word) =>
      /^\d+$/.test(word) ? guest.keys.split('\u0001')[3].endsWith(word) : guest.keys.includes(word),
    ),
  );
}
