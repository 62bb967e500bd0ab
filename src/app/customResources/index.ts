import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import { resourceByName } from '../../schema';
import { lazyNamed } from '../schema-ui/lazyNamed';
import { schemaViews } from '../schema-ui/schemaViews';

const CustomResourceShow = lazyNamed(() => import('./CustomResourceShow'), 'CustomResourceShow');

export default { ...schemaViews(resourceByName.customResources), show: CustomResourceShow, icon: PlaylistAddIcon };
