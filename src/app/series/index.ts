import CollectionsBookmarkIcon from '@mui/icons-material/CollectionsBookmark';
import { resourceByName } from '../../schema';
import { schemaViews } from '../schema-ui/schemaViews';
import { lazyNamed } from '../schema-ui/lazyNamed';

const SeriesShow = lazyNamed(() => import('./SeriesShow'), 'SeriesShow');

export default { ...schemaViews(resourceByName.series), show: SeriesShow, icon: CollectionsBookmarkIcon };
