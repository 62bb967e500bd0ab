import MailIcon from '@mui/icons-material/MailOutlined';
import { resourceByName } from '../../schema';
import { lazyNamed } from '../schema-ui/lazyNamed';
import { schemaViews } from '../schema-ui/schemaViews';

const OutboxShow = lazyNamed(() => import('./OutboxShow'), 'OutboxShow');

/** The outbox: every mail and what became of it (src/server/mail/outbox.ts sends them). */
export default { ...schemaViews(resourceByName.outbox), show: OutboxShow, icon: MailIcon };
