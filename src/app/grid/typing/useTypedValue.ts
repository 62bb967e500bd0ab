import { useDataProvider, useLocaleState, type RaRecord } from 'react-admin';
import { resourceByName, type Lang, type ResourceDef } from '../../../schema';
import { recordFromName } from '../../../schema/fromName';
import { nameKey, valueFromText } from '../../../schema/fromText';
import { reasonText } from '../../../schema/messages';
import { useMoneyUnit } from '../../schema-ui/useMoney';
import type { Typed } from './CellTyping';

const TEXT_TYPES = new Set(['text', 'longtext', 'phone', 'email']);

/**
 * What text typed into a cell stores, read as import and paste read it (src/schema/fromText):
 * 下午3点 after a date, 高铁 for a choice, 5月24日 in the year of the row's summit; a link by the
 * record picked under it, by a name typed in full, or, when chosen, a new record by that name.
 */
export function useTypedValue(resource: ResourceDef) {
  const dataProvider = useDataProvider();
  const [locale] = useLocaleState();
  const lang = locale as Lang;
  const [moneyUnit] = useMoneyUnit();

  /** The year of the record a row's dates belong to (a guest's summit), for a date typed without one. */
  const yearOf = async (record: RaRecord | undefined) => {
    const from = resource.yearFrom;
    const via = from && resource.fields.find((f) => f.source === from.reference);
    if (!from || !via || record?.[from.reference] == null) return undefined;
    const { data } = await dataProvider.getOne(via.reference!, { id: record[from.reference] });
    const year = Number(String(data?.[from.field] ?? '').slice(0, 4));
    return year > 0 ? year : undefined;
  };

  /** The record of a list named exactly so (case, width and spaces aside), if there is one. */
  const named = async (list: string, name: string) => {
    const linked = resourceByName[list];
    const { data } = await dataProvider.getList(linked.name, {
      filter: { q: name.replace(/\s+/g, '') },
      pagination: { page: 1, perPage: 50 },
      sort: { field: 'id', order: 'ASC' },
    });
    return data.filter((row) => nameKey(row[linked.titleField]) === nameKey(name));
  };

  return async (
    { target, text, option }: Typed,
    record: RaRecord | undefined,
  ): Promise<{ value: unknown; created?: { resource: string; id: RaRecord['id'] } } | { reason: string }> => {
    const { field } = target;
    if (option?.create) {
      // written 浙江 大学 while 浙江大学 exists: that one, not a second
      const [known] = await named(field.reference!, option.create);
      if (known) return { value: known.id };
      const linked = resourceByName[field.reference!];
      const { data } = await dataProvider.create(linked.name, { data: recordFromName(linked, option.create) });
      return { value: data.id, created: { resource: linked.name, id: data.id } };
    }
    if (option) return { value: option.id };
    if (text.trim() === '') return { value: null };
    if (TEXT_TYPES.has(field.type)) return { value: text };
    if (field.type === 'reference') {
      // a name typed in full, no option taken: the record of exactly that name
      const linked = resourceByName[field.reference!];
      const found = await named(linked.name, text);
      if (found.length === 1) return { value: found[0].id };
      const reason = found.length > 1 ? 'ambiguousName' : 'unknownName';
      return { reason: reasonText({ code: reason, name: text.trim(), what: linked.singular }, lang) };
    }
    let read = valueFromText(field, text, { moneyUnit });
    if ('reason' in read && (field.type === 'date' || field.type === 'datetime'))
      read = valueFromText(field, text, { year: await yearOf(record) });
    return 'reason' in read ? { reason: reasonText(read.reason, lang) } : read;
  };
}
