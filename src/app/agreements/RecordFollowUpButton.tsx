import AddCommentIcon from '@mui/icons-material/AddComment';
import { useState } from 'react';
import { Button, useCanAccess, useRecordContext, useRefresh } from 'react-admin';
import { resourceByName } from '../../schema';
import { AddChildDialog } from '../schema-ui/AddChildDialog';

/** "Record a follow-up" on an agreement: the only way its status moves. */
export const RecordFollowUpButton = ({ variant = 'contained' }: { variant?: 'contained' | 'outlined' | 'text' }) => {
  const record = useRecordContext();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'followups', action: 'create' });
  if (!record || !canAccess) return null;
  return (
    <>
      <Button label="huiwu.agreement.addFollowup" variant={variant} onClick={() => setOpen(true)}>
        <AddCommentIcon />
      </Button>
      {open && (
        <AddChildDialog
          child={resourceByName.followups}
          parentResource={resourceByName.agreements}
          parent={record}
          onClose={() => setOpen(false)}
          onDone={refresh}
        />
      )}
    </>
  );
};
