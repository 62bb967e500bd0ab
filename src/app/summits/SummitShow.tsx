import HowToRegIcon from '@mui/icons-material/HowToReg';
import { Button, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { resourceByName } from '../../schema';
import { ShowWithRelated } from '../schema-ui/ShowWithRelated';

const CheckInButton = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Button component={Link} to={`/summits/${record.id}/checkin`} label="huiwu.checkin.open">
      <HowToRegIcon />
    </Button>
  );
};

/** A summit is where its organiser works: the guest list, the programme, the ceremonies, and
 * the check-in desk for the day. */
export const SummitShow = () => (
  <ShowWithRelated
    resource={resourceByName.summits}
    actions={<CheckInButton />}
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
