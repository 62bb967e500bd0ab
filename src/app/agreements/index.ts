import HandshakeIcon from '@mui/icons-material/Handshake';
import { resourceByName } from '../../schema';
import { schemaViews } from '../schema-ui/schemaViews';
import { lazyNamed } from '../schema-ui/lazyNamed';

const AgreementList = lazyNamed(() => import('./AgreementList'), 'AgreementList');
const AgreementShow = lazyNamed(() => import('./AgreementShow'), 'AgreementShow');

export default {
  ...schemaViews(resourceByName.agreements),
  list: AgreementList,
  show: AgreementShow,
  icon: HandshakeIcon,
};
