import Typography from '@mui/material/Typography';
import dayjs from 'dayjs';
import { useFieldValue, useLocaleState, type FieldProps } from 'react-admin';
import { dayjsLocale } from '../providers/i18nProvider';

/** A date or a date-time in the reader's language (2026年12月1日 / Dec 1, 2026). */
export const formatDay = (value: unknown, kind: 'date' | 'datetime', locale: string) => {
  if (value === null || value === undefined || value === '') return '';
  const day = dayjs(String(value)).locale(dayjsLocale(locale));
  if (!day.isValid()) return String(value);
  return day.format(kind === 'date' ? 'll' : 'll HH:mm');
};

export const DayjsField = ({ kind, ...props }: FieldProps & { kind: 'date' | 'datetime' }) => {
  const value = useFieldValue(props);
  const [locale] = useLocaleState();
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {formatDay(value, kind, locale)}
    </Typography>
  );
};
