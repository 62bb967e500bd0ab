import dayjs from 'dayjs';
import { useGetList } from 'react-admin';
import { beijingDay, INVITATION_GROUPS } from '../../schema';
import { useAggregate } from '../providers/useAggregate';

/** Every figure of the home page, each with the list filter that shows the rows behind it.
 * Counts and sums are computed by the server; only five summits come to the browser. */
export function useDashboardFigures() {
  const today = beijingDay();
  const year = today.slice(0, 4);
  const in30 = beijingDay(Date.now(), 30);
  // the figure: under way, or starting within 30 days; the list: the next five, however far
  const upcomingFilter = { endsOn_gte: today, startsOn_lte: in30 };
  const soon = useGetList('summits', { filter: upcomingFilter, pagination: { page: 1, perPage: 1 } });
  const summits = useGetList('summits', {
    filter: { endsOn_gte: today },
    sort: { field: 'startsOn', order: 'ASC' },
    pagination: { page: 1, perPage: 5 },
  });
  const lecturesFilter = { startsAt_gte: today, startsAt_lte: in30 };
  const lectures = useGetList('lectures', { filter: lecturesFilter, pagination: { page: 1, perPage: 1 } });
  const next = summits.data?.[0];
  const confirmedFilter = { summitId: next?.id, invitation: INVITATION_GROUPS.confirmed };
  const guests = useAggregate('attendees', { filter: { summitId: next?.id }, groupBy: 'invitation' }, !!next);
  const arrivalsFilter = { arrivalAt_gte: today, arrivalAt_lte: beijingDay(Date.now(), 2) };
  const arrivals = useAggregate('attendees', { filter: arrivalsFilter });
  const yearFilter = { signedOn_gte: `${year}-01-01`, signedOn_lte: `${year}-12-31` };
  const signed = useAggregate('agreements', { filter: yearFilter, groupBy: 'status', sum: 'amount' });
  const overdue = useAggregate('agreements', { filter: { overdue: true } });
  const mineOverdue = useAggregate('agreements', { filter: { overdue: true, mine: true } });

  const invitation = (ids: readonly string[]) =>
    (guests.data?.groups ?? []).filter((g) => ids.includes(String(g.key))).reduce((n, g) => n + g.count, 0);
  const landed = (signed.data?.groups ?? [])
    .filter((g) => g.key === 'landed' || g.key === 'completed')
    .reduce((n, g) => n + g.count, 0);
  return {
    year,
    summits: { list: summits.data, total: soon.total, filter: upcomingFilter },
    lectures: { total: lectures.total, filter: lecturesFilter },
    next,
    guests: {
      confirmed: invitation(INVITATION_GROUPS.confirmed),
      invited: invitation(INVITATION_GROUPS.invited),
      loaded: !!guests.data,
      filter: confirmedFilter,
    },
    arrivals: { total: arrivals.data?.count, filter: arrivalsFilter },
    signed: {
      count: signed.data?.count,
      amount: signed.data?.sum ?? 0,
      landedShare: signed.data?.count ? Math.round((landed / signed.data.count) * 100) : 0,
      filter: yearFilter,
    },
    overdue: { total: overdue.data?.count, mine: mineOverdue.data?.count ?? 0, filter: { overdue: true } },
    /** the first day of the month 23 months ago: two years of months, this one included */
    since: dayjs(today).subtract(23, 'month').startOf('month').format('YYYY-MM-DD'),
  };
}
