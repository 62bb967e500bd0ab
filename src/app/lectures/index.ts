import CoPresentIcon from '@mui/icons-material/CoPresent';
import { resourceByName } from '../../schema';
import { schemaViews } from '../schema-ui/schemaViews';
import { LectureShow } from './LectureShow';

export default { ...schemaViews(resourceByName.lectures), show: LectureShow, icon: CoPresentIcon };
