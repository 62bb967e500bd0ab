import CollectionsBookmarkIcon from '@mui/icons-material/CollectionsBookmark';
import { resourceByName } from '../../schema';
import { schemaViews } from '../schema-ui/schemaViews';
import { SeriesShow } from './SeriesShow';

export default { ...schemaViews(resourceByName.series), show: SeriesShow, icon: CollectionsBookmarkIcon };
