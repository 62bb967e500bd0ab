import BadgeIcon from '@mui/icons-material/Badge';
import { resourceByName } from '../../schema';
import { schemaViews } from '../schema-ui/schemaViews';

export default { ...schemaViews(resourceByName.attendees), icon: BadgeIcon };
