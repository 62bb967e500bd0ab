import { resourceByName } from '../../schema';
import { ResendButton } from '../mail/ResendButton';
import { ShowWithRelated } from '../schema-ui/ShowWithRelated';

/** A mail and what became of it; sent again, or cancelled while it waits, from here. */
export const OutboxShow = () => (
  <ShowWithRelated resource={resourceByName.outbox} related={[]} actions={<ResendButton />} />
);
