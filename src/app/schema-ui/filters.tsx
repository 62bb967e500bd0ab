import type { ReactElement } from 'react';
import {
  AutocompleteInput,
  DateInput,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  TextInput,
  useTranslate,
} from 'react-admin';
import Chip from '@mui/material/Chip';
import { pickerSort, resourceByName, type FieldDef, type ResourceDef } from '../../schema';
import { choicesFor } from './choices';
import { MoneyInput } from './MoneyInput';
import { useMoney } from './useMoney';

/** The filters a field offers: enums by "is one of", references by name, dates and numbers
 * by range, the rest by "contains". Keys keep json-server's operator suffixes. */
function filterInputs(resource: ResourceDef, field: FieldDef): ReactElement[] {
  const label = `resources.${resource.name}.fields.${field.source}`;
  const { source } = field;
  switch (field.type) {
    case 'enum':
      return [<SelectArrayInput key={source} source={source} choices={choicesFor(field)} />];
    case 'reference':
      return [
        <ReferenceInput
          key={source}
          source={source}
          reference={field.reference!}
          sort={pickerSort(resourceByName[field.reference!])}
        >
          <AutocompleteInput label={label} noOptionsText="ra.navigation.no_results" />
        </ReferenceInput>,
      ];
    case 'date':
    case 'datetime':
      return [
        <DateInput key={`${source}_gte`} source={`${source}_gte`} label={<RangeLabel which="from" label={label} />} />,
        <DateInput key={`${source}_lte`} source={`${source}_lte`} label={<RangeLabel which="to" label={label} />} />,
      ];
    case 'money':
      return (['gte', 'lte'] as const).map((end) => (
        <MoneyInput
          key={`${source}_${end}`}
          source={`${source}_${end}`}
          label={<RangeLabel which={end === 'gte' ? 'from' : 'to'} label={label} money />}
        />
      ));
    case 'number':
      return [
        <NumberInput
          key={`${source}_gte`}
          source={`${source}_gte`}
          label={<RangeLabel which="from" label={label} />}
        />,
        <NumberInput key={`${source}_lte`} source={`${source}_lte`} label={<RangeLabel which="to" label={label} />} />,
      ];
    default:
      return field.filter === 'exact'
        ? [<TextInput key={source} source={source} />]
        : [<TextInput key={source} source={`${source}_like`} label={<RangeLabel which="contains" label={label} />} />];
  }
}

const RangeLabel = ({ which, label, money }: { which: 'from' | 'to' | 'contains'; label: string; money?: boolean }) => {
  const translate = useTranslate();
  const { label: withUnit } = useMoney();
  const field = money ? withUnit(translate(label)) : translate(label);
  return <>{translate(`huiwu.filter.${which}`, { field })}</>;
};

/** A filter that is on or off (overdue, mine): react-admin's filter form sets `defaultValue`
 * when it is chosen from the filter menu; a chip shows it is on. */
const QuickFilter = ({ label }: { source: string; label: string; defaultValue: unknown }) => {
  const translate = useTranslate();
  return <Chip sx={{ mb: 1 }} label={translate(label)} />;
};

/**
 * The filters of a list: search, the schema's named filters (overdue), the fields marked
 * `filter`, and "mine" where records name a responsible officer (the user's display name).
 */
export const schemaFilters = (resource: ResourceDef): ReactElement[] => [
  <SearchInput key="q" source="q" alwaysOn />,
  ...Object.keys(resource.namedFilters ?? {}).map((name) => (
    <QuickFilter key={name} source={name} label={`resources.${resource.name}.filters.${name}`} defaultValue={true} />
  )),
  ...resource.fields.filter((field) => field.filter).flatMap((field) => filterInputs(resource, field)),
];
