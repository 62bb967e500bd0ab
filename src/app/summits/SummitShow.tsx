import HowToRegIcon from '@mui/icons-material/HowToReg';
import TvIcon from '@mui/icons-material/Tv';
import { Button, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { resourceByName } from '../../schema';
import { InviteButton } from '../mail/InviteButton';
import { ShowWithRelated } from '../schema-ui/ShowWithRelated';
import { SummitAttendance } from '../attendance/SummitAttendance';
import { ArrivalsView } from './arrivals/ArrivalsView';
import { ProgrammeList } from './ProgrammeList';
import { SummitAgreements } from './SummitAgreements';
import { SummitHeadline } from './SummitHeadline';

const CheckInButton = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Button component={Link} to={`/summits/${record.id}/checkin`} label="huiwu.checkin.open">
      <HowToRegIcon />
    </Button>
  );
};

/** The check-in wall, in a window of its own (for the projector's screen). */
const WallButton = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Button component="a" href={`#/summits/${record.id}/wall`} target="_blank" rel="noopener" label="huiwu.wall.open">
      <TvIcon />
    </Button>
  );
};

/**
 * A summit is where its organiser works: headline counts; the guest list; the programme in
 * time order; arrivals and pick-ups; the certificate list; the agreements signed at its
 * ceremonies; the mail sent to its guests (invitations, from the button above); and the
 * check-in desk for the day.
 */
export const SummitShow = () => (
  <ShowWithRelated
    resource={resourceByName.summits}
    actions={
      <>
        <InviteButton />
        <CheckInButton />
        <WallButton />
      </>
    }
    header={<SummitHeadline />}
    related={[
      {
        resource: 'attendees',
        target: 'summitId',
        label: 'huiwu.summit.guests',
        addLabel: 'huiwu.summit.addGuest',
        empty: 'huiwu.empty.guests',
      },
      {
        resource: 'attendees',
        target: 'summitId',
        label: 'huiwu.summit.certificates',
        path: 'certificates',
        filter: { certificate: true },
        empty: 'huiwu.empty.certificates',
        preset: {
          key: 'certificates',
          columns: [
            'name',
            'certificateName',
            'honour',
            'title',
            'organizationId',
            'handwritten',
            'certificatePrinted',
            'certificateDelivered',
          ],
        },
      },
      { resource: 'ceremonies', target: 'summitId', label: 'huiwu.summit.ceremonies', empty: 'huiwu.empty.ceremonies' },
      // every mail sent for the summit, and what became of it (organisers)
      { resource: 'outbox', target: 'summitId', label: 'huiwu.summit.outbox' },
    ]}
    tabs={[
      { label: 'huiwu.summit.programme', path: 'programme', content: <ProgrammeList /> },
      { label: 'huiwu.summit.arrivals', path: 'arrivals', content: <ArrivalsView /> },
      { label: 'huiwu.summit.agreements', path: 'agreements', content: <SummitAgreements /> },
      { label: 'huiwu.attendance.tab', path: 'attendance', content: <SummitAttendance /> },
    ]}
  />
);
