import {
  BooleanField,
  EmailField,
  FunctionField,
  NumberField,
  ReferenceField,
  SelectField,
  TextField,
} from 'react-admin';
import type { FieldDef } from '../../schema';
import { choicesFor } from './choices';
import { ChangesField } from './ChangesField';
import { DayjsField } from './DayjsField';
import { useMoney } from './useMoney';

/** How one schema field reads, in a list cell or on a show page. */
export const FieldDisplay = ({ field }: { field: FieldDef }) => {
  const money = useMoney();
  const { source } = field;
  switch (field.type) {
    case 'reference':
      return <ReferenceField source={source} reference={field.reference!} link="show" />;
    case 'enum':
      return <SelectField source={source} choices={choicesFor(field)} />;
    case 'date':
    case 'datetime':
      return <DayjsField source={source} kind={field.type} />;
    case 'boolean':
      return <BooleanField source={source} />;
    case 'money':
      return (
        <FunctionField
          source={source}
          render={(record) => (typeof record[source] === 'number' ? money.format(record[source]) : '')}
        />
      );
    case 'number':
      return <NumberField source={source} />;
    case 'email':
      return <EmailField source={source} />;
    case 'longtext':
      return <TextField source={source} sx={{ whiteSpace: 'pre-wrap' }} />;
    case 'json':
      return <ChangesField source={source} />;
    case 'password':
      return null;
    default:
      return <TextField source={source} />;
  }
};
