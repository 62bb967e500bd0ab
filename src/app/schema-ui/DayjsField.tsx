import Typography from '@mui/material/Typography';
import { useFieldValue, useLocaleState, type FieldProps } from 'react-admin';
import { formatDay } from './time';

export const DayjsField = ({ kind, ...props }: FieldProps & { kind: 'date' | 'datetime' }) => {
  const value = useFieldValue(props);
  const [locale] = useLocaleState();
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {formatDay(value, kind, locale)}
    </Typography>
  );
};
