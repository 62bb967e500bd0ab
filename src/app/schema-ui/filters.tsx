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
import type { FieldDef, ResourceDef } from '../../schema';
import { choicesFor } from './choices';

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
        <ReferenceInput key={source} source={source} reference={field.reference!}>
          <AutocompleteInput label={label} noOptionsText="ra.navigation.no_results" />
        </ReferenceInput>,
      ];
    case 'date':
    case 'datetime':
      return [
        <DateInput key={`${source}_gte`} source={`${source}_gte`} label={<RangeLabel which="from" label={label} />} />,
        <DateInput key={`${source}_lte`} source={`${source}_lte`} label={<RangeLabel which="to" label={label} />} />,
      ];
    case 'number':
    case 'money':
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

const RangeLabel = ({ which, label }: { which: 'from' | 'to' | 'contains'; label: string }) => {
  const translate = useTranslate();
  return <>{translate(`huiwu.filter.${which}`, { field: translate(label) })}</>;
};

export const schemaFilters = (resource: ResourceDef): ReactElement[] => [
  <SearchInput key="q" source="q" alwaysOn />,
  ...resource.fields.filter((field) => field.filter).flatMap((field) => filterInputs(resource, field)),
];
