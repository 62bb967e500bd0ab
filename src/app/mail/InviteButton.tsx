import MailIcon from '@mui/icons-material/ForwardToInbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import Box from '@mui/material/Box';
import { useEffect, useState } from 'react';
import {
  Button,
  useCanAccess,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
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
  const [locale] = useLocaleState();
  const [preview, setPreview] = useState<{ subject: string; body: string } | null>(null);
  const { canAccess } = useCanAccess({ resource: 'attendees', action: 'edit' });
  // the invitation as a guest will read it, in the chosen language (the summit's own template, or Huiwu's)
  useEffect(() => {
    if (!open || !record) return;
    let current = true;
    httpClient(`${apiUrl}/summits/${record.id}/invitations/preview?lang=${lang}`)
      .then(({ json }) => current && setPreview(json as { subject: string; body: string }))
      .catch(() => current && setPreview(null));
    return () => {
      current = false;
    };
  }, [open, lang, record]);
  if (!record || !canAccess) return null;
  /** the SMS list for the association's SMS platform, with a new reply code per guest */
  const smsList = async () => {
    const res = await fetch(`${apiUrl}/summits/${record.id}/sms-list`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': locale },
      body: '{}',
    });
    if (!res.ok) return notify((await res.json().catch(() => ({}))).message ?? res.statusText, { type: 'error' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await res.blob());
    link.download = `${String(record.name)}-短信名单.xlsx`;
    link.click();
    URL.revokeObjectURL(link.href);
    notify('huiwu.mail.smsListed', { messageArgs: { count: res.headers.get('X-Export-Rows') ?? '0' } });
  };
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
          {preview && (
            <Box
              data-testid="invitation-preview"
              sx={{ mt: 1, p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1, maxHeight: 280, overflow: 'auto' }}
            >
              <Typography variant="caption" color="text.secondary">
                {translate('huiwu.mail.preview')}
              </Typography>
              <Typography variant="subtitle2">{preview.subject}</Typography>
              <Typography variant="body2" component="pre" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', m: 0 }}>
                {preview.body}
              </Typography>
            </Box>
          )}
          <DialogContentText variant="body2" sx={{ mt: 1 }}>
            {translate('huiwu.mail.smsText')}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button label="huiwu.mail.smsList" onClick={smsList} />
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label="huiwu.mail.send" variant="contained" onClick={send} disabled={busy} />
        </DialogActions>
      </Dialog>
    </>
  );
};
