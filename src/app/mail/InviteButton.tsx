import MailIcon from '@mui/icons-material/ForwardToInbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { useState } from 'react';
import { Button, useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { apiUrl, httpClient } from '../providers/httpClient';

interface Answer {
  queued: number;
  skipped: { name: string; reason: 'noEmail' | 'bouncing' | 'pending' }[];
  mailReady: boolean;
}

/** On a summit: its guests still to invite get an invitation by mail, through the outbox. */
export const InviteButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [lang, setLang] = useState<'zh' | 'en'>('zh');
  const [busy, setBusy] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'attendees', action: 'edit' });
  if (!record || !canAccess) return null;
  const send = async () => {
    setBusy(true);
    try {
      const { json } = await httpClient(`${apiUrl}/summits/${record.id}/invitations`, {
        method: 'POST',
        body: JSON.stringify({ lang }),
      });
      const answer = json as Answer;
      const lines = [translate('huiwu.mail.queued', { count: answer.queued })];
      // left out, by reason: those who need the organiser's hand (a bouncing address) first
      for (const reason of ['bouncing', 'pending', 'noEmail'] as const) {
        const names = answer.skipped.filter((s) => s.reason === reason).map((s) => s.name);
        if (names.length === 0) continue;
        const shown = names.slice(0, 8).join('、') + (names.length > 8 ? translate('huiwu.mail.andMore') : '');
        lines.push(
          translate('huiwu.mail.skipped', {
            count: names.length,
            reason: translate(`huiwu.mail.reason.${reason}`),
            list: shown,
          }),
        );
      }
      if (!answer.mailReady) lines.push(translate('huiwu.mail.noSettings'));
      notify(lines.join('\n'), {
        type: answer.mailReady ? 'info' : 'warning',
        multiLine: true,
        autoHideDuration: 10_000,
      });
      setOpen(false);
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label="huiwu.mail.invite" onClick={() => setOpen(true)}>
        <MailIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="invite-title">
        <DialogTitle id="invite-title">{translate('huiwu.mail.inviteTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('huiwu.mail.inviteText')}</DialogContentText>
          <RadioGroup
            row
            value={lang}
            onChange={(e) => setLang(e.target.value as 'zh' | 'en')}
            aria-label={translate('huiwu.mail.language')}
          >
            <FormControlLabel value="zh" control={<Radio />} label="中文" />
            <FormControlLabel value="en" control={<Radio />} label="English" />
          </RadioGroup>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label="huiwu.mail.send" variant="contained" onClick={send} disabled={busy} />
        </DialogActions>
      </Dialog>
    </>
  );
};
