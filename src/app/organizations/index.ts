import ApartmentIcon from '@mui/icons-material/Apartment';
import { resourceByName } from '../../schema';
import { schemaViews } from '../schema-ui/schemaViews';
import { lazyNamed } from '../schema-ui/lazyNamed';

const OrganizationShow = lazyNamed(() => import('./OrganizationShow'), 'OrganizationShow');

export default { ...schemaViews(resourceByName.organizations), show: OrganizationShow, icon: ApartmentIcon };
