import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useGetList, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDay } from '../schema-ui/time';
import { STATUS_COLOURS } from './status';

/** The agreement's follow-ups, newest first, each status move marked. */
export const FollowUpTimeline = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isPending } = useGetList(
    'followups',
    {
      filter: { agreementId: record?.id },
      sort: { field: 'on', order: 'DESC' },
      pagination: { page: 1, perPage: 200 },
    },
    { enabled: !!record },
  );
  // a status is marked where it changed: walking from the oldest, starting as signed
  const moved = new Set<unknown>();
  let status = 'signed';
  for (const followup of [...(data ?? [])].reverse()) {
    if (followup.statusAfter && followup.statusAfter !== status) moved.add(followup.id);
    status = followup.statusAfter ?? status;
  }
  if (isPending) return null;
  if (!data?.length) return <Typography color="text.secondary">{translate('huiwu.agreement.noFollowups')}</Typography>;
  return (
    <Box component="ol" aria-label={translate('huiwu.agreement.timeline')} sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {data.map((followup) => (
        <Box
          component="li"
          key={followup.id}
          sx={{
            display: 'grid',
            gridTemplateColumns: '110px 1fr',
            gap: 2,
            py: 1.5,
            borderLeft: 2,
            borderColor: 'divider',
            pl: 2,
          }}
        >
          <Box>
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {formatDay(followup.on, 'date', locale)}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {translate(`enums.followupKind.${followup.kind}`)} · {followup.officer}
            </Typography>
          </Box>
          <Box>
            {moved.has(followup.id) && (
              <Chip
                size="small"
                color={STATUS_COLOURS[followup.statusAfter]}
                label={translate('huiwu.agreement.movedTo', {
                  status: translate(`enums.agreementStatus.${followup.statusAfter}`),
                })}
                sx={{ mb: 0.5 }}
              />
            )}
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              {followup.note}
            </Typography>
            {followup.nextStep && (
              <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                {translate('huiwu.agreement.next')} {followup.nextStep}
              </Typography>
            )}
            {followup.nextOn && (
              <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                {translate('huiwu.agreement.nextOn')} {formatDay(followup.nextOn, 'date', locale)}
              </Typography>
            )}
          </Box>
        </Box>
      ))}
    </Box>
  );
};
