import CoPresentIcon from '@mui/icons-material/CoPresent';
import { resourceByName } from '../../schema';
import { schemaViews } from '../schema-ui/schemaViews';

export default { ...schemaViews(resourceByName.lectures), icon: CoPresentIcon };
