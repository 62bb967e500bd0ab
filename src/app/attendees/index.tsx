import BadgeIcon from '@mui/icons-material/Badge';
import { resourceByName } from '../../schema';
import { ShowWithRelated } from '../schema-ui/ShowWithRelated';
import { schemaViews } from '../schema-ui/schemaViews';

/** A guest's page: their details, every session they checked in at, their leaves, their history. */
const AttendeeShow = () => (
  <ShowWithRelated
    resource={resourceByName.attendees}
    related={[
      { resource: 'checkins', target: 'attendeeId', label: 'resources.checkins.name' },
      { resource: 'leaves', target: 'attendeeId', label: 'resources.leaves.name' },
    ]}
  />
);

export default { ...schemaViews(resourceByName.attendees), show: AttendeeShow, icon: BadgeIcon };
