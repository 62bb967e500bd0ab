import ApartmentIcon from '@mui/icons-material/Apartment';
import { resourceByName } from '../../schema';
import { schemaViews } from '../schema-ui/schemaViews';
import { OrganizationShow } from './OrganizationShow';

export default { ...schemaViews(resourceByName.organizations), show: OrganizationShow, icon: ApartmentIcon };
