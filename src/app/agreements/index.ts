import HandshakeIcon from '@mui/icons-material/Handshake';
import { resourceByName } from '../../schema';
import { schemaViews } from '../schema-ui/schemaViews';
import { AgreementShow } from './AgreementShow';

export default { ...schemaViews(resourceByName.agreements), show: AgreementShow, icon: HandshakeIcon };
