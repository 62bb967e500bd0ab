import DrawIcon from '@mui/icons-material/Draw';
import { resourceByName } from '../../schema';
import { schemaViews } from '../schema-ui/schemaViews';
import { CeremonyShow } from './CeremonyShow';

export default { ...schemaViews(resourceByName.ceremonies), show: CeremonyShow, icon: DrawIcon };
