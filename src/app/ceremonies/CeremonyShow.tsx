import { resourceByName } from '../../schema';
import { ShowWithRelated } from '../schema-ui/ShowWithRelated';

export const CeremonyShow = () => (
  <ShowWithRelated
    resource={resourceByName.ceremonies}
    related={[
      {
        resource: 'agreements',
        target: 'ceremonyId',
        label: 'huiwu.ceremony.agreements',
        empty: 'huiwu.empty.ceremonyAgreements',
      },
    ]}
  />
);
