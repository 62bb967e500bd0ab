import TuneIcon from '@mui/icons-material/Tune';
import { resourceByName } from '../../schema';
import { lazyNamed } from '../schema-ui/lazyNamed';
import { schemaViews } from '../schema-ui/schemaViews';

const CustomFieldList = lazyNamed(() => import('./CustomFieldList'), 'CustomFieldList');

export default { ...schemaViews(resourceByName.customFields), list: CustomFieldList, icon: TuneIcon };
