import DrawIcon from '@mui/icons-material/Draw';
import { resourceByName } from '../../schema';
import { schemaViews } from '../schema-ui/schemaViews';
import { lazyNamed } from '../schema-ui/lazyNamed';

const CeremonyShow = lazyNamed(() => import('./CeremonyShow'), 'CeremonyShow');

export default { ...schemaViews(resourceByName.ceremonies), show: CeremonyShow, icon: DrawIcon };
