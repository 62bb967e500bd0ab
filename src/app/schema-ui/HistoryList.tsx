import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useLocaleState, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { apiUrl, httpClient } from '../providers/httpClient';
import { resourceByName } from '../../schema';
import { formatValue } from './formatValue';
import { useMoney } from './useMoney';
import { formatDay } from './time';

/** A record's history from the audit trail, newest first: who changed which field, from what
 * to what. */
export const HistoryList = ({ resource }: { resource: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const money = useMoney();
  // the record's own history route: for whoever may change the record, not only admins
  const { data, isPending } = useQuery({
    queryKey: ['history', resource, record?.id],
    queryFn: async () => (await httpClient(`${apiUrl}/${resource}/${record?.id}/history`)).json as RaRecord[],
    enabled: !!record,
  });
  const definition = resourceByName[resource];
  if (isPending) return null;
  if (!data?.length) return <Typography color="text.secondary">{translate('huiwu.history.none')}</Typography>;
  return (
    <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {data.map((entry) => (
        <Box
          component="li"
          key={entry.id}
          sx={{
            mb: 1.5,
            pl: 1.5,
            borderLeft: 3,
            borderColor: entry.action === 'delete' ? 'error.main' : 'primary.light',
          }}
        >
          <Typography variant="body2" color="text.secondary">
            {formatDay(entry.at, 'datetime', locale)} · {entry.username ?? translate('huiwu.history.system')} ·{' '}
            {translate(`enums.auditAction.${entry.action}`)}
          </Typography>
          {entry.action === 'update' &&
            Object.keys(entry.after ?? {}).map((key) => (
              <Typography variant="body2" key={key}>
                {translate(`resources.${resource}.fields.${key}`, { _: key })}:{' '}
                {formatValue(definition, key, entry.before?.[key], locale, translate, money.format)} →{' '}
                <b>{formatValue(definition, key, entry.after[key], locale, translate, money.format)}</b>
              </Typography>
            ))}
        </Box>
      ))}
    </Box>
  );
};
