/** How text typed in China differs from the same text typed elsewhere: full-width letters,
 * digits and colons from a Chinese input method, ideographic spaces, Chinese numerals. */

/** Full-width ASCII (Ａ１：) as plain ASCII (A1:), the ideographic space as a space; every other
 * character, Chinese punctuation and rare characters (堃, 〇, 𠀀) included, left as it is. */
export const halfWidth = (text: string) =>
  text.replace(/[\uff01-\uff5e\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));

/** Only full-width letters and digits made plain (ＡＢ１２ → AB12): Chinese punctuation such as
 * （）and ：belongs in Chinese text and stays. */
export const plainLettersAndDigits = (text: string) =>
  text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** For comparing a value with a label: width, case, spaces and separators do not count
 * ("高铁 / 动车", "ＹＥＳ" and "yes" compare by 高铁动车 and yes). */
export const foldForMatch = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-()[\]【】（）:：*·.,，、;；/／'"“”‘’]/g, '');

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** A whole number written in Chinese (九, 十五, 二十三, 两) or in digits, up to 99; null
 * otherwise. */
export function smallNumber(text: string): number | null {
  const t = halfWidth(text.trim());
  if (/^\d{1,2}$/.test(t)) return Number(t);
  const m = /^([一二两三四五六七八九])?(十)?([〇零一二三四五六七八九])?$/.exec(t);
  if (!m || t === '') return null;
  const [, tens, ten, units] = m;
  if (ten) return (tens ? DIGITS[tens] : 1) * 10 + (units ? DIGITS[units] : 0);
  if (tens && units) return null; // 二三 is no number
  return DIGITS[tens ?? units!];
}

/** Characters that show nothing: zero-width spaces and joiners, soft hyphens, direction marks,
 * fillers and tag characters, copied along from documents and chats. Two names that differ only
 * by them look the same to everyone. */
const INVISIBLE =
  /[\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u2060-\u2064\u3164\ufeff\uffa0]|\udb40[\udc00-\udc7f]/g;

export const withoutInvisible = (text: string) => text.replace(INVISIBLE, '');
