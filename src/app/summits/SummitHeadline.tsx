import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import { useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { INVITATION_GROUPS } from '../../schema';
import { listLink } from '../dashboard/Figure';
import { useAggregate } from '../providers/useAggregate';

/** A summit's guests at a glance: invited, confirmed, declined, arrived, checked in; each opens
 * the guests behind it. */
export const SummitHeadline = () => {
  const summit = useRecordContext();
  const translate = useTranslate();
  const filter = { summitId: summit?.id };
  const byStatus = useAggregate('attendees', { filter, groupBy: 'invitation' }, !!summit);
  // the time to the minute: a new instant on every render would be a new query every render
  const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
  // arrived: coming, and their arrival time has passed
  const arrivedFilter = { ...filter, arrivalAt_lte: minute, invitation: INVITATION_GROUPS.coming };
  const arrived = useAggregate('attendees', { filter: arrivedFilter }, !!summit);
  if (!summit) return null;
  const count = (ids: readonly string[]) =>
    (byStatus.data?.groups ?? []).filter((g) => ids.includes(String(g.key))).reduce((n, g) => n + g.count, 0);
  const figures: { key: string; value: number; filter: Record<string, unknown> }[] = [
    {
      key: 'invited',
      value: count(INVITATION_GROUPS.invited),
      filter: { ...filter, invitation: INVITATION_GROUPS.invited },
    },
    {
      key: 'confirmed',
      value: count(INVITATION_GROUPS.confirmed),
      filter: { ...filter, invitation: INVITATION_GROUPS.confirmed },
    },
    { key: 'declined', value: count(['declined']), filter: { ...filter, invitation: ['declined'] } },
    { key: 'arrived', value: arrived.data?.count ?? 0, filter: arrivedFilter },
    { key: 'checkedIn', value: count(['checkedIn']), filter: { ...filter, invitation: ['checkedIn'] } },
  ];
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', p: 2, pb: 0 }} data-testid="summit-headline">
      {figures.map((f) => (
        <Chip
          key={f.key}
          component={Link}
          to={listLink('attendees', f.filter)}
          clickable
          variant="outlined"
          label={`${translate(`huiwu.summit.headline.${f.key}`)} ${f.value}`}
        />
      ))}
    </Box>
  );
};
