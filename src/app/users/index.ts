import PeopleIcon from '@mui/icons-material/ManageAccounts';
import { resourceByName } from '../../schema';
import { schemaViews } from '../schema-ui/schemaViews';

export default { ...schemaViews(resourceByName.users), icon: PeopleIcon };
