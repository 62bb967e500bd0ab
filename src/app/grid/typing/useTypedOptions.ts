import { useGetList, useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { allows, enums, pickerSort, resourceByName, type FieldDef, type Lang } from '../../../schema';
import { creatableTarget } from '../../../schema/fromName';
import { nameKey, optionFor } from '../../../schema/fromText';
import { foldForMatch } from '../../../schema/text/fold';

/** A choice offered under what is typed into a choice or link cell. */
export interface TypedOption {
  /** the stored value, or, for a name not known yet, null with `create` */
  id: unknown;
  label: string;
  /** a new record of the linked list, named as typed (Airtable's "add a new record") */
  create?: string;
}

/**
 * What a choice or link cell offers as the user types into it: the choices whose label or
 * alias holds the text (高铁 finds 高铁/火车), the linked records the server finds by it, and,
 * when none is named exactly so and the user may, a new record by that name.
 */
export function useTypedOptions(field: FieldDef | undefined, text: string): TypedOption[] {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { permissions: role } = usePermissions();
  const target = field?.type === 'reference' ? resourceByName[field.reference ?? ''] : undefined;
  const { data } = useGetList(
    target?.name ?? 'organizations',
    {
      filter: text.trim() ? { q: text.trim() } : {},
      pagination: { page: 1, perPage: 20 },
      sort: target ? pickerSort(target) : undefined,
    },
    { enabled: !!target },
  );
  if (!field) return [];
  if (field.type === 'enum') {
    const folded = foldForMatch(text);
    const choices = enums[field.enum ?? ''] ?? [];
    // the choice the text names outright first (嘉宾 is a guest, though 领导嘉宾 holds it), as
    // import and paste read it; then those whose words hold the text
    const exact = optionFor(choices, text);
    return (
      choices
        .filter(
          (option) =>
            !folded ||
            option === exact ||
            [option.id, option.label.zh, option.label.en, ...(option.aliases ?? [])].some((word) =>
              foldForMatch(word).includes(folded),
            ),
        )
        // named outright, then a label that starts so (嘉 → 嘉宾), then the rest (领导嘉宾 holds 嘉)
        .map((option) => ({
          option,
          rank:
            option === exact
              ? 0
              : [option.label.zh, option.label.en, ...option.label.zh.split('/')].some((w) =>
                    foldForMatch(w).startsWith(folded),
                  )
                ? 1
                : 2,
        }))
        .sort((a, b) => a.rank - b.rank)
        .map(({ option }) => option)
        .map((option) => ({
          id: option.id,
          label: translate(`enums.${field.enum}.${option.id}`, { _: option.label.zh }),
        }))
    );
  }
  if (!target) return [];
  const found = (data ?? []).map((row) => ({ id: row.id, label: String(row[target.titleField] ?? `#${row.id}`) }));
  const exact = found.some((option) => nameKey(option.label) === nameKey(text));
  const creatable = creatableTarget(field.reference) && allows(role, target, 'write');
  // the name exactly as typed comes first; a new one is offered last, never chosen for the user
  found.sort((a, b) => Number(nameKey(b.label) === nameKey(text)) - Number(nameKey(a.label) === nameKey(text)));
  if (text.trim() && !exact && creatable)
    found.push({
      id: null,
      label: translate('huiwu.grid.createNamed', { what: target.singular[locale as Lang], name: text.trim() }),
      create: text.trim(),
    } as TypedOption & { id: never });
  return found;
}
