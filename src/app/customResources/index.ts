import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import { resourceByName } from '../../schema';
import { lazyNamed } from '../schema-ui/lazyNamed';
import { schemaViews } from '../schema-ui/schemaViews';

const CustomResourceShow = lazyNamed(() => import('./CustomResourceShow'), 'CustomResourceShow');
const CustomResourceList = lazyNamed(() => import('./CustomResourceList'), 'CustomResourceList');

export default {
  ...schemaViews(resourceByName.customResources),
  list: CustomResourceList,
  show: CustomResourceShow,
  icon: PlaylistAddIcon,
};
