import EventIcon from '@mui/icons-material/Event';
import { resourceByName } from '../../schema';
import { schemaViews } from '../schema-ui/schemaViews';
import { SummitShow } from './SummitShow';

export default { ...schemaViews(resourceByName.summits), show: SummitShow, icon: EventIcon };
