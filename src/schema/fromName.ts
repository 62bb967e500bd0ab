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

/** Known names sharing a three-character piece beyond which it is too common to search by. */
const MAX_BUCKET = 200;

const trigrams = (text: string) => Array.from({ length: Math.max(0, text.length - 2) }, (_, i) => text.slice(i, i + 3));

/**
 * Known records, indexed once, for the new names an import meets: which known ones a new name
 * may mean, best first: the same name written differently (full- or half-width brackets,
 * 有限公司 or 有限责任公司), or one name holding the other (a short name and the full one). Each
 * question is answered from the index, not by comparing with every known record.
 */
export function nearNameIndex(known: NearName[]) {
  const entries = known.map((k) => ({ near: k, canonical: canonical(k.name), stem: stem(k.name) }));
  type Entry = (typeof entries)[number];
  const by = (key: (e: Entry) => string[]) => {
    const map = new Map<string, Entry[]>();
    for (const entry of entries)
      for (const k of key(entry)) {
        const list = map.get(k);
        if (list) list.push(entry);
        else map.set(k, [entry]);
      }
    return map;
  };
  const byCanonical = by((e) => [e.canonical]);
  const byStem = by((e) => [e.stem]);
  const byTrigram = by((e) => [...new Set(trigrams(e.stem))]);
  const byFirstTrigram = by((e) => (e.stem.length >= 3 ? [e.stem.slice(0, 3)] : []));
  return {
    near(name: string, max = 3): NearName[] {
      const mine = canonical(name);
      const mineStem = stem(name);
      if (mineStem.length < 2) return [];
      const scored = new Map<Entry, number>();
      const score = (entry: Entry, value: number) => scored.set(entry, Math.max(scored.get(entry) ?? 0, value));
      for (const entry of byCanonical.get(mine) ?? []) score(entry, 3);
      for (const entry of byStem.get(mineStem) ?? []) score(entry, 2);
      if (mineStem.length >= 3) {
        // theirs holds mine (a short name for a full one), or mine holds theirs; a start that
        // thousands of names share (青岚市…) tells nothing and is not searched through
        const few = (bucket: Entry[] | undefined) => (bucket && bucket.length <= MAX_BUCKET ? bucket : []);
        for (const entry of few(byTrigram.get(mineStem.slice(0, 3))))
          if (entry.stem.includes(mineStem)) score(entry, 1);
        for (const gram of new Set(trigrams(mineStem)))
          for (const entry of few(byFirstTrigram.get(gram))) if (mineStem.includes(entry.stem)) score(entry, 1);
      }
      return [...scored]
        .sort(([a, x], [b, y]) => y - x || a.near.name.length - b.near.name.length)
        .slice(0, max)
        .map(([entry]) => entry.near);
    },
  };
}

/** Known records a new name may mean (see nearNameIndex), for one name. */
export const nearNames = (name: string, known: NearName[], max = 3) => nearNameIndex(known).near(name, max);

/** The resource a reference field points at, when it may be created by name. */
export const creatableTarget = (reference: string | undefined) => {
  const target = reference ? resourceByName[reference] : undefined;
  return creatableByName(target) ? target : undefined;
};
