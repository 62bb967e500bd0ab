import { resourceByName } from '../../schema';
import { ShowWithRelated } from '../schema-ui/ShowWithRelated';

/** An agreement with its follow-up log, newest first. */
export const AgreementShow = () => (
  <ShowWithRelated
    resource={resourceByName.agreements}
    related={[
      {
        resource: 'followups',
        target: 'agreementId',
        label: 'huiwu.agreement.followups',
        addLabel: 'huiwu.agreement.addFollowup',
        sort: { field: 'on', order: 'DESC' },
      },
    ]}
  />
);
