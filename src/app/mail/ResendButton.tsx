import CancelScheduleSendIcon from '@mui/icons-material/CancelScheduleSend';
import SendIcon from '@mui/icons-material/Send';
import { useState } from 'react';
import { Button, useCanAccess, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { PENDING_MAIL } from '../../schema/resources/outbox';
import { apiUrl, httpClient } from '../providers/httpClient';

/** On a mail's page: send it again (failed, or sent and lost), or cancel it while it waits. */
export const ResendButton = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  // whoever may change the guests may mail them
  const { canAccess } = useCanAccess({ resource: 'attendees', action: 'edit' });
  if (!record || !canAccess) return null;
  const pending = PENDING_MAIL.includes(String(record.state));
  const act = async (action: 'resend' | 'cancel') => {
    setBusy(true);
    try {
      await httpClient(`${apiUrl}/outbox/${record.id}/${action}`, { method: 'POST', body: '{}' });
      notify(action === 'resend' ? 'huiwu.mail.resent' : 'huiwu.mail.cancelled', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  if (pending)
    return record.state === 'sending' ? null : (
      <Button label="huiwu.mail.cancel" onClick={() => act('cancel')} disabled={busy}>
        <CancelScheduleSendIcon />
      </Button>
    );
  return (
    <Button label="huiwu.mail.resend" onClick={() => act('resend')} disabled={busy}>
      <SendIcon />
    </Button>
  );
};
