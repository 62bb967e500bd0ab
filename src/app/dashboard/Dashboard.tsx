import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { lazy, Suspense } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatDay } from '../schema-ui/time';
// the charts library is large: it loads after the figures, and only here
const AgreementCharts = lazy(() => import('./AgreementCharts').then((m) => ({ default: m.AgreementCharts })));
import { Figure, listLink } from './Figure';
import { useDashboardFigures } from './useDashboardFigures';
import { useMoney } from '../schema-ui/useMoney';

/** The home page: what is coming up, and how the signed agreements are doing. Every figure
 * and every bar opens the list behind it. */
export const Dashboard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const figures = useDashboardFigures();
  const { next, summits, guests, signed } = figures;
  const money = useMoney();
  return (
    <Box sx={{ py: 2 }}>
      <Title title="huiwu.title" />
      <Typography variant="h5" sx={{ mb: 2 }}>
        {translate('huiwu.dashboard.welcome')}
      </Typography>
      {/* an even grid: six cards, three to a row on a desk's screen (the sixth sat alone) */}
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', md: 'repeat(3, 1fr)' },
          gap: 2,
          mb: 2,
        }}
      >
        <Figure
          title={translate('huiwu.dashboard.soonSummits')}
          value={summits.total ?? '…'}
          to={listLink('summits', summits.filter)}
        />
        <Figure
          title={translate('huiwu.dashboard.upcomingLectures')}
          value={figures.lectures.total ?? '…'}
          to={listLink('lectures', figures.lectures.filter)}
        />
        <Figure
          title={translate('huiwu.dashboard.attendees')}
          value={next ? (guests.loaded ? guests.confirmed : '…') : '—'}
          detail={
            next
              ? `${next.name} · ${translate('huiwu.dashboard.confirmedOfInvited', { confirmed: guests.confirmed, invited: guests.invited })}`
              : undefined
          }
          to={next ? listLink('attendees', guests.filter) : '/attendees'}
        />
        <Figure
          title={translate('huiwu.dashboard.arrivals')}
          value={figures.arrivals.total ?? '…'}
          to={listLink('attendees', figures.arrivals.filter)}
        />
        <Figure
          title={translate('huiwu.dashboard.agreementsThisYear', { year: figures.year })}
          value={signed.count ?? '…'}
          detail={`${translate('huiwu.dashboard.amount')} ${money.format(signed.amount)} · ${translate('huiwu.dashboard.landedShare')} ${signed.landedShare}%`}
          to={listLink('agreements', signed.filter)}
        />
        <Figure
          title={translate('huiwu.dashboard.overdue')}
          value={figures.overdue.total ?? '…'}
          detail={figures.overdue.mine ? translate('huiwu.dashboard.mine', { count: figures.overdue.mine }) : undefined}
          to={listLink('agreements', figures.overdue.filter)}
          detailTo={listLink('agreements', { ...figures.overdue.filter, mine: true })}
        />
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2 }}>
        <Card variant="outlined" sx={{ flex: '1 1 360px' }}>
          <CardContent>
            <Typography variant="h6">{translate('huiwu.dashboard.upcomingSummits')}</Typography>
            {summits.list?.length === 0 && (
              <Typography color="text.secondary">{translate('huiwu.empty.upcomingSummits')}</Typography>
            )}
            <List dense>
              {summits.list?.map((summit) => (
                <ListItemButton key={summit.id} component={Link} to={`/summits/${summit.id}/show`}>
                  <ListItemText
                    primary={summit.name}
                    secondary={[
                      formatDay(summit.startsOn, 'date', locale),
                      [summit.city, summit.venue].filter(Boolean).join(' '),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  />
                </ListItemButton>
              ))}
            </List>
          </CardContent>
        </Card>
      </Box>
      <Suspense fallback={null}>
        <AgreementCharts since={figures.since} />
      </Suspense>
    </Box>
  );
};
