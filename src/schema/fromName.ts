import { resourceByName } from './index';
import { nameKey } from './fromText';
import type { ResourceDef } from './types';

/**
 * Records first met by name: an organisation a partner's guest list names that Huiwu does not
 * know yet. What such a record holds (its kind read from its name, as the schema declares),
 * and which known records it may be another name for, so that a person decides, never a guess.
 */

/** Whether records of a resource can be made from a name alone. */
export const creatableByName = (resource: ResourceDef | undefined): resource is ResourceDef =>
  !!resource?.fromName || !!resource?.fields.every((f) => !f.required || f.source === resource.titleField);

/** A new record holding a name, its other required fields guessed as the schema says
 * (浙江大学机械工程学院 is a university). */
export function recordFromName(resource: ResourceDef, name: string): Record<string, unknown> {
  const record: Record<string, unknown> = { [resource.titleField]: name.trim() };
  const lower = name.toLowerCase();
  for (const [source, { rules, otherwise }] of Object.entries(resource.fromName ?? {})) {
    const hit = rules.find(([, words]) => words.some((word) => lower.includes(word.toLowerCase())));
    record[source] = hit ? hit[0] : otherwise;
  }
  return record;
}

// Legal forms and brackets that differ between two writings of one organisation's name
const FORMS: [RegExp, string][] = [
  [/[（(]/g, '('],
  [/[）)]/g, ')'],
  [/股份有限公司|有限责任公司|有限公司/g, '有限公司'],
];
const SUFFIX = /(股份有限公司|有限责任公司|有限公司|集团|公司|\(集团\))+$/;

/** A name with its writing normalised: width, brackets, legal form. */
const canonical = (name: string) =>
  FORMS.reduce((text, [from, to]) => text.replace(from, to), nameKey(name.normalize('NFKC')));

/** The name without its legal form, for 简称 ⊂ 全称 comparisons. */
const stem = (name: string) => canonical(name).replace(SUFFIX, '');

export interface NearName {
  id: number | string;
  name: string;
}

/**
 * Known records a new name may mean, best first: the same name written differently (full- or
 * half-width brackets, 有限公司 or 有限责任公司), or one name holding the other (a short name
 * and the full one). At most `max`.
 */
export function nearNames(name: string, known: NearName[], max = 3): NearName[] {
  const mine = canonical(name);
  const mineStem = stem(name);
  if (mineStem.length < 2) return [];
  const scored: { near: NearName; score: number }[] = [];
  for (const candidate of known) {
    const theirs = canonical(candidate.name);
    const theirStem = stem(candidate.name);
    let score = 0;
    if (theirs === mine) score = 3;
    else if (theirStem === mineStem) score = 2;
    else if (
      Math.min(theirStem.length, mineStem.length) >= 3 &&
      (theirStem.includes(mineStem) || mineStem.includes(theirStem))
    )
      score = 1;
    if (score) scored.push({ near: candidate, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.near.name.length - b.near.name.length)
    .slice(0, max)
    .map((s) => s.near);
}

/** The resource a reference field points at, when it may be created by name. */
export const creatableTarget = (reference: string | undefined) => {
  const target = reference ? resourceByName[reference] : undefined;
  return creatableByName(target) ? target : undefined;
};
