import HandshakeIcon from '@mui/icons-material/Handshake';
import { resourceByName } from '../../schema';
import { schemaViews } from '../schema-ui/schemaViews';
import { AgreementList } from './AgreementList';
import { AgreementShow } from './AgreementShow';

export default {
  ...schemaViews(resourceByName.agreements),
  list: AgreementList,
  show: AgreementShow,
  icon: HandshakeIcon,
};
