import FactCheckIcon from '@mui/icons-material/FactCheck';
import { resourceByName } from '../../schema';
import { schemaViews } from '../schema-ui/schemaViews';

export default { ...schemaViews(resourceByName.followups), icon: FactCheckIcon };
