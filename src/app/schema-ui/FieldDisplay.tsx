import Typography from '@mui/material/Typography';
import {
  EmailField,
  FunctionField,
  NumberField,
  ReferenceField,
  SelectField,
  TextField,
  useFieldValue,
  useTranslate,
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
      return <YesNoField source={source} />;
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

/** 是 or 否 in words: react-admin's red-looking ✕ for "no" read like an error on a guest's
 * page. Unset stays empty. */
const YesNoField = ({ source }: { source: string }) => {
  const translate = useTranslate();
  const value = useFieldValue({ source });
  if (typeof value !== 'boolean') return null;
  return (
    <Typography component="span" variant="body2">
      {translate(value ? 'ra.boolean.true' : 'ra.boolean.false')}
    </Typography>
  );
};
