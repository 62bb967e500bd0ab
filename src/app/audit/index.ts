import HistoryIcon from '@mui/icons-material/History';
import { resourceByName } from '../../schema';
import { schemaViews } from '../schema-ui/schemaViews';

export default { ...schemaViews(resourceByName.audit), icon: HistoryIcon };
