import {
  AutocompleteInput,
  BooleanInput,
  DateInput,
  DateTimeInput,
  NumberInput,
  PasswordInput,
  ReferenceInput,
  SelectInput,
  TextInput,
  useLocale,
  useRecordContext,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { pickerSort, resourceByName, type FieldDef } from '../../schema';
import { inUnit } from '../../schema/money';
import { choicesFor } from './choices';
import { MoneyInput } from './MoneyInput';
import { useMoney } from './useMoney';
import { fromLocalInput, toLocalInput } from './time';

/** The input that fits one schema field. Validation comes from the form (see SchemaForm).
 * On an existing record, fields fixed at creation or moved only through another record (an
 * agreement's status, through a follow-up) are shown but locked, with the reason. */
export const FieldInput = ({
  field,
  only,
  required,
}: {
  field: FieldDef;
  /** the enum values offered (a status's allowed moves: the empty choice then keeps it) */
  only?: string[];
  /** required here even if the schema does not say so */
  required?: boolean;
}) => {
  const record = useRecordContext();
  const locale = useLocale() as 'zh' | 'en';
  const resource = useResourceContext();
  const translate = useTranslate();
  const money = useMoney();
  const locked = record?.id !== undefined && (field.immutable || field.setBy !== undefined);
  const common = {
    source: field.source,
    isRequired: field.required || required,
    ...(field.help ? { helperText: field.help[locale] } : {}),
    ...(locked
      ? { disabled: true, helperText: field.setBy ? `huiwu.setBy.${field.setBy}` : 'huiwu.setBy.immutable' }
      : {}),
  };
  switch (field.type) {
    case 'reference':
      return (
        <ReferenceInput
          source={field.source}
          reference={field.reference!}
          sort={pickerSort(resourceByName[field.reference!])}
        >
          <AutocompleteInput
            isRequired={field.required}
            fullWidth
            noOptionsText="ra.navigation.no_results"
            disabled={locked}
          />
        </ReferenceInput>
      );
    case 'enum':
      return (
        <SelectInput
          {...common}
          choices={choicesFor(field).filter((choice) => !only || only.includes(choice.id))}
          emptyText={field.required ? undefined : only ? 'huiwu.child.keep' : ' '}
        />
      );
    case 'date':
      return <DateInput {...common} />;
    case 'datetime':
      return <DateTimeInput {...common} format={toLocalInput} parse={fromLocalInput} />;
    case 'boolean':
      return <BooleanInput source={field.source} />;
    case 'number':
      return <NumberInput {...common} min={field.min} max={field.max} />;
    case 'money':
      // the label says the unit the number is typed in
      return (
        <MoneyInput
          {...common}
          label={money.label(translate(`resources.${resource}.fields.${field.source}`))}
          min={field.min === undefined ? undefined : inUnit(field.min, money.unit)}
          max={field.max === undefined ? undefined : inUnit(field.max, money.unit)}
        />
      );
    case 'password':
      // never shown, only typed: empty on an edit form means "keep the current password"
      return <PasswordInput source={field.source} autoComplete="new-password" helperText="huiwu.password.hint" />;
    case 'json':
      return null;
    case 'longtext':
      return <TextInput {...common} multiline minRows={3} fullWidth />;
    default:
      return (
        <TextInput {...common} type={field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'text'} />
      );
  }
};
