import { resourceByName } from '../../schema';
import { ShowWithRelated } from '../schema-ui/ShowWithRelated';

/** An organization with the agreements it signed, on either side. */
export const OrganizationShow = () => (
  <ShowWithRelated
    resource={resourceByName.organizations}
    related={[
      {
        resource: 'agreements',
        target: 'enterpriseId',
        label: 'huiwu.organization.asEnterprise',
        empty: 'huiwu.empty.asEnterprise',
      },
      {
        resource: 'agreements',
        target: 'partnerId',
        label: 'huiwu.organization.asPartner',
        empty: 'huiwu.empty.asPartner',
      },
    ]}
  />
);
