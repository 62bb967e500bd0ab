import { resourceByName } from '../../schema';
import { ShowWithRelated } from '../schema-ui/ShowWithRelated';

/** A summit is where its organiser works: the guest list, the programme, the ceremonies. */
export const SummitShow = () => (
  <ShowWithRelated
    resource={resourceByName.summits}
    related={[
      { resource: 'attendees', target: 'summitId', label: 'huiwu.summit.guests', addLabel: 'huiwu.summit.addGuest' },
      {
        resource: 'lectures',
        target: 'summitId',
        label: 'huiwu.summit.programme',
        sort: { field: 'startsAt', order: 'ASC' },
      },
      { resource: 'ceremonies', target: 'summitId', label: 'huiwu.summit.ceremonies' },
    ]}
  />
);
