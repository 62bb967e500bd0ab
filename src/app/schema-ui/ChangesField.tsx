import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { useFieldValue, useLocaleState, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { resourceByName } from '../../schema';
import { formatValue } from './formatValue';
import { useMoney } from './useMoney';

/** An audit entry's before or after: each field by its label, each value as users read it. */
export const ChangesField = (props: FieldProps) => {
  const value = useFieldValue(props) as Record<string, unknown> | null;
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const money = useMoney();
  if (!value) return null;
  const resource = resourceByName[String(record?.resource)];
  return (
    <Table size="small" sx={{ width: 'auto' }}>
      <TableBody>
        {Object.entries(value).map(([key, v]) => (
          <TableRow key={key}>
            <TableCell sx={{ color: 'text.secondary', border: 0, py: 0.25, pl: 0 }}>
              {translate(`resources.${resource?.name}.fields.${key}`, { _: key })}
            </TableCell>
            <TableCell sx={{ border: 0, py: 0.25 }}>
              {formatValue(resource, key, v, locale, translate, money.format)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
