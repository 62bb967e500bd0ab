import { resourceByName } from '../../schema';
import { AttendanceView } from '../attendance/AttendanceView';
import { ShowWithRelated } from '../schema-ui/ShowWithRelated';

/** A lecture, or a summit's session: its details, who checked in, who was excused, and the
 * attendance report. */
export const LectureShow = () => (
  <ShowWithRelated
    resource={resourceByName.lectures}
    related={[
      { resource: 'checkins', target: 'lectureId', label: 'resources.checkins.name' },
      { resource: 'leaves', target: 'lectureId', label: 'resources.leaves.name' },
    ]}
    tabs={[{ label: 'huiwu.attendance.tab', path: 'attendance', content: <AttendanceView /> }]}
  />
);
