import EventIcon from '@mui/icons-material/Event';
import { resourceByName } from '../../schema';
import { schemaViews } from '../schema-ui/schemaViews';
import { lazyNamed } from '../schema-ui/lazyNamed';

const SummitShow = lazyNamed(() => import('./SummitShow'), 'SummitShow');

export default { ...schemaViews(resourceByName.summits), show: SummitShow, icon: EventIcon };
