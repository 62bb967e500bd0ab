import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import { Labeled, ReferenceField, useRecordContext, useTranslate } from 'react-admin';
import { getField, resourceByName } from '../../schema';
import { FieldDisplay } from '../schema-ui/FieldDisplay';
import { FollowUpTimeline } from './FollowUpTimeline';
import { RecordFollowUpButton } from './RecordFollowUpButton';
import { isOverdue, STATUS_COLOURS } from './status';

const agreements = resourceByName.agreements;

const Item = ({ source }: { source: string }) => (
  <Labeled source={source} resource="agreements">
    <FieldDisplay field={getField(agreements, source)!} />
  </Labeled>
);

/** One agreement at a glance: who signed with whom, where, for how much, who follows it,
 * where it stands, and every follow-up since. */
export const AgreementSummary = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const overdue = isOverdue(record);
  return (
    <Box sx={{ width: '100%' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 2 }}>
        <Chip
          color={STATUS_COLOURS[record.status]}
          label={translate(`enums.agreementStatus.${record.status}`)}
          data-testid="agreement-status"
        />
        {overdue && <Chip color="error" variant="outlined" label={translate('huiwu.agreement.overdue')} />}
        <Box sx={{ flex: 1 }} />
        <RecordFollowUpButton />
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 2 }}>
        <Item source="enterpriseId" />
        <Item source="partnerId" />
        <Item source="ceremonyId" />
        <Box>
          <Typography variant="caption" color="text.secondary" component="div">
            {translate('huiwu.agreement.summit')}
          </Typography>
          <ReferenceField source="ceremonyId" reference="ceremonies" link={false} emptyText="—">
            <ReferenceField source="summitId" reference="summits" link="show" emptyText="—" />
          </ReferenceField>
        </Box>
        <Item source="signedOn" />
        <Item source="kind" />
        <Item source="industry" />
        <Item source="amount" />
        <Item source="officer" />
        <Item source="nextFollowUpOn" />
      </Box>
      {record.note && (
        <Typography variant="body2" sx={{ mt: 2, whiteSpace: 'pre-wrap' }}>
          {record.note}
        </Typography>
      )}
      <Divider sx={{ my: 2 }} />
      <Typography variant="h6" gutterBottom>
        {translate('huiwu.agreement.timeline')}
      </Typography>
      <FollowUpTimeline />
    </Box>
  );
};
