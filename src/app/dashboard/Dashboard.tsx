import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import dayjs from 'dayjs';
import { Title, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { enums } from '../../schema';
import { formatDay } from '../schema-ui/time';
import { Figure, listLink } from './Figure';

const CLOSED = ['completed', 'terminated'];

/** The home page: what is coming up, and how the signed agreements are doing. */
export const Dashboard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const today = dayjs().format('YYYY-MM-DD');
  const in30 = dayjs().add(30, 'day').format('YYYY-MM-DD');
  const year = dayjs().year();

  // under way or still to come
  const upcomingFilter = { endsOn_gte: today };
  const summits = useGetList('summits', {
    filter: upcomingFilter,
    sort: { field: 'startsOn', order: 'ASC' },
    pagination: { page: 1, perPage: 5 },
  });
  const lecturesFilter = { startsAt_gte: today, startsAt_lte: in30 };
  const lectures = useGetList('lectures', { filter: lecturesFilter, pagination: { page: 1, perPage: 1 } });
  const next = summits.data?.[0];
  const guests = (invitation: string[]) => ({ summitId: next?.id, invitation });
  const confirmed = useGetList(
    'attendees',
    { filter: guests(['confirmed', 'checkedIn']), pagination: { page: 1, perPage: 1 } },
    { enabled: !!next },
  );
  const invited = useGetList(
    'attendees',
    { filter: { summitId: next?.id, invitation_ne: 'toInvite' }, pagination: { page: 1, perPage: 1 } },
    { enabled: !!next },
  );
  const yearFilter = { signedOn_gte: `${year}-01-01`, signedOn_lte: `${year}-12-31` };
  // Sums over the first 1,000 of the year; server-side totals come with the agreements ledger work.
  const signed = useGetList('agreements', { filter: yearFilter, pagination: { page: 1, perPage: 1000 } });
  const overdueFilter = { nextFollowUpOn_lte: dayjs().subtract(1, 'day').format('YYYY-MM-DD'), status_ne: CLOSED };
  const overdue = useGetList('agreements', { filter: overdueFilter, pagination: { page: 1, perPage: 1 } });
  const all = useGetList('agreements', { pagination: { page: 1, perPage: 1000 } });

  const amount = (signed.data ?? []).reduce((sum, a) => sum + (Number(a.amount) || 0), 0);
  const landed = (signed.data ?? []).filter((a) => a.status === 'landed' || a.status === 'completed').length;
  const money = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en', {
    style: 'currency',
    currency: 'CNY',
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const byStatus = enums.agreementStatus.map((status) => ({
    status,
    count: (all.data ?? []).filter((a) => a.status === status.id).length,
  }));
  const most = Math.max(1, ...byStatus.map((s) => s.count));

  return (
    <Box sx={{ py: 2 }}>
      <Title title="huiwu.title" />
      <Typography variant="h5" sx={{ mb: 2 }}>
        {translate('huiwu.dashboard.welcome')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2 }}>
        <Figure
          title={translate('huiwu.dashboard.upcomingSummits')}
          value={summits.total ?? '…'}
          to={listLink('summits', upcomingFilter)}
        />
        <Figure
          title={translate('huiwu.dashboard.upcomingLectures')}
          value={lectures.total ?? '…'}
          to={listLink('lectures', lecturesFilter)}
        />
        <Figure
          title={translate('huiwu.dashboard.attendees')}
          value={next ? (confirmed.total ?? '…') : '—'}
          detail={
            next
              ? `${next.name} · ${translate('huiwu.dashboard.confirmedOfInvited', { confirmed: confirmed.total ?? 0, invited: invited.total ?? 0 })}`
              : undefined
          }
          to={next ? listLink('attendees', guests(['confirmed', 'checkedIn'])) : '/attendees'}
        />
        <Figure
          title={translate('huiwu.dashboard.agreementsThisYear', { year })}
          value={signed.total ?? '…'}
          detail={`${translate('huiwu.dashboard.amount')} ${money.format(amount)} · ${translate('huiwu.dashboard.landedShare')} ${signed.total ? Math.round((landed / signed.total) * 100) : 0}%`}
          to={listLink('agreements', yearFilter)}
        />
        <Figure
          title={translate('huiwu.dashboard.overdue')}
          value={overdue.total ?? '…'}
          to={listLink('agreements', overdueFilter)}
        />
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        <Card variant="outlined" sx={{ flex: '1 1 360px' }}>
          <CardContent>
            <Typography variant="h6">{translate('huiwu.dashboard.upcomingSummits')}</Typography>
            {summits.data?.length === 0 && (
              <Typography color="text.secondary">{translate('huiwu.dashboard.none')}</Typography>
            )}
            <List dense>
              {summits.data?.map((summit) => (
                <ListItemButton key={summit.id} component={Link} to={`/summits/${summit.id}/show`}>
                  <ListItemText
                    primary={summit.name}
                    secondary={`${formatDay(summit.startsOn, 'date', locale)} · ${summit.city ?? ''} ${summit.venue ?? ''}`}
                  />
                </ListItemButton>
              ))}
            </List>
          </CardContent>
        </Card>
        <Card variant="outlined" sx={{ flex: '1 1 360px' }}>
          <CardContent>
            <Typography variant="h6">{translate('huiwu.dashboard.byStatus')}</Typography>
            {byStatus.map(({ status, count }) => (
              <Box
                key={status.id}
                component={Link}
                to={listLink('agreements', { status: [status.id] })}
                sx={{ display: 'block', color: 'inherit', textDecoration: 'none', my: 1 }}
              >
                <Box sx={{ display: 'flex', justifyContent: 'space-between' }}>
                  <Typography variant="body2">{translate(`enums.agreementStatus.${status.id}`)}</Typography>
                  <Typography variant="body2">{count}</Typography>
                </Box>
                <LinearProgress
                  variant="determinate"
                  value={(count / most) * 100}
                  sx={{ height: 8, borderRadius: 1 }}
                />
              </Box>
            ))}
          </CardContent>
        </Card>
      </Box>
    </Box>
  );
};
