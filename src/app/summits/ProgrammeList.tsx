import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useGetList, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatDay, toLocalInput } from '../schema-ui/time';

/** A summit's programme in time order: its lectures, seminars and visits, and its signing
 * ceremonies, each opening its own page. */
export const ProgrammeList = () => {
  const summit = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const filter = { summitId: summit?.id };
  const options = { enabled: !!summit };
  const lectures = useGetList('lectures', { filter, pagination: { page: 1, perPage: 500 } }, options);
  const ceremonies = useGetList('ceremonies', { filter, pagination: { page: 1, perPage: 100 } }, options);
  const items = [
    ...(lectures.data ?? []).map((l) => ({
      key: `l${l.id}`,
      at: toLocalInput(l.startsAt), // Beijing time, as the ceremonies' days are
      when: formatDay(l.startsAt, 'datetime', locale),
      kind: translate(`enums.lectureKind.${l.kind}`, { _: '' }),
      title: String(l.title),
      detail: [l.speaker, l.venue].filter(Boolean).join(' · '),
      to: `/lectures/${l.id}/show`,
    })),
    ...(ceremonies.data ?? []).map((c) => ({
      key: `c${c.id}`,
      at: `${c.heldOn}T23:59`, // a day without a time: after that day's sessions
      when: formatDay(c.heldOn, 'date', locale),
      kind: translate('resources.ceremonies.name', { smart_count: 1 }),
      title: String(c.title),
      detail: [c.venue, c.host].filter(Boolean).join(' · '),
      to: `/ceremonies/${c.id}/show`,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  if (items.length === 0) return <Typography color="text.secondary">{translate('huiwu.empty.programme')}</Typography>;
  return (
    <Box
      component="ol"
      sx={{ listStyle: 'none', p: 0, m: 0, width: '100%' }}
      aria-label={translate('huiwu.summit.programme')}
    >
      {items.map((item) => (
        <Box
          component="li"
          key={item.key}
          sx={{
            display: 'grid',
            gridTemplateColumns: '190px 110px 1fr',
            gap: 2,
            py: 1,
            borderBottom: 1,
            borderColor: 'divider',
          }}
        >
          <Typography variant="body2">{item.when}</Typography>
          <Box>
            <Chip size="small" label={item.kind} />
          </Box>
          <Box>
            <Typography variant="body2" component={Link} to={item.to} sx={{ fontWeight: 500 }}>
              {item.title}
            </Typography>
            <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
              {item.detail}
            </Typography>
          </Box>
        </Box>
      ))}
    </Box>
  );
};
