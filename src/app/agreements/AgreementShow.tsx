import { resourceByName } from '../../schema';
import { ShowWithRelated } from '../schema-ui/ShowWithRelated';
import { AgreementSummary } from './AgreementSummary';

/** An agreement: the overview with its follow-up timeline, the follow-ups as a grid, its history. */
export const AgreementShow = () => (
  <ShowWithRelated
    resource={resourceByName.agreements}
    detailsLabel="huiwu.agreement.overview"
    details={<AgreementSummary />}
    related={[
      {
        resource: 'followups',
        target: 'agreementId',
        label: 'huiwu.agreement.followups',
        empty: 'huiwu.agreement.noFollowups',
        sort: { field: 'on', order: 'DESC' },
      },
    ]}
  />
);
