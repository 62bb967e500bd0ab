import { halfWidth } from './fold';

/**
 * Names and phone numbers as lists from partners write them: 陈 静 (a two-character name
 * padded to line up with three-character ones), ＷＡＮＧ Ｌｅｉ, +86 138-1234-5678,
 * 0086 13812345678, （0571）8888 6666.
 */

const HAN = '\\p{Script=Han}';
// two characters with spaces between them, as Word and Excel users align names
const PADDED = new RegExp(`^(${HAN})[\\s\\u3000]+(${HAN})$`, 'u');

/** A person's name: full-width letters and digits made plain, spaces collapsed, the padding of
 * a two-character name removed; rare characters (堃, 喆, 〇, 𠀀) kept as they are. */
export function personName(raw: string): string {
  const text = halfWidth(raw).trim().replace(/\s+/g, ' ');
  const padded = PADDED.exec(text);
  return padded ? padded[1] + padded[2] : text;
}

/**
 * A phone number as stored: a Chinese mobile as its eleven digits, whatever came around it
 * (+86, 0086, 86, spaces, dashes, full-width digits); a landline as area code, dash, number
 * (0571-88886666), with an extension after a dash. Other text is returned trimmed, for the
 * validator to judge.
 */
export function phoneNumber(raw: string): string {
  const text = halfWidth(raw).trim();
  const compact = text.replace(/[\s\-()（）]/g, '');
  const mobile = /^(?:\+?86|0086)?(1[3-9]\d{9})$/.exec(compact);
  if (mobile) return mobile[1];
  // (0571) 8888-6666 转 123 → 0571-88886666-123
  const land =
    /^(?:\+?86|0086)?[\s-]*[(（]?(0\d{2,3})[)）]?[\s-]*(\d{3,4})[\s-]?(\d{4})(?:\s*(?:转|ext\.?|x|-)\s*(\d{1,5}))?$/i.exec(
      text,
    );
  if (land) return `${land[1]}-${land[2]}${land[3]}${land[4] ? `-${land[4]}` : ''}`;
  return text;
}
