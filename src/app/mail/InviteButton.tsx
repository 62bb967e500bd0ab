import MailIcon from '@mui/icons-material/ForwardToInbox';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import {
  Button,
  useCanAccess,
  useGetList,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  type Identifier,
} from 'react-admin';
import { downloadResponse } from '../export/download';
import { apiUrl, httpClient } from '../providers/httpClient';

interface Answer {
  queued: number;
  skipped: { name: string; reason: 'noEmail' | 'bouncing' | 'pending' }[];
  mailReady: boolean;
}

/** The guests a preview may be shown for: those ticked, or those still to invite. */
function usePreviewGuests(summitId: Identifier | undefined, ids: Identifier[] | undefined, open: boolean) {
  const { data = [] } = useGetList(
    'attendees',
    {
      filter: ids ? { id: ids.slice(0, 1000) } : { summitId, invitation: 'toInvite' },
      pagination: { page: 1, perPage: 1000 },
      sort: { field: 'name', order: 'ASC' },
    },
    { enabled: open && summitId !== undefined },
  );
  return data;
}

/**
 * Invitations by mail, through the outbox: on a summit, to its guests still to invite; in a
 * summit's guest list, to the guests ticked (`ids`). The dialog shows the invitation as a
 * chosen guest will read it, and exports the SMS list for guests without e-mail.
 */
export const InviteButton = ({ summitId, ids }: { summitId?: Identifier; ids?: Identifier[] }) => {
  const record = useRecordContext();
  const summit = summitId ?? record?.id;
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [locale] = useLocaleState();
  // the invitation's language starts as the organiser's
  const [lang, setLang] = useState<'zh' | 'en'>(locale === 'en' ? 'en' : 'zh');
  const [busy, setBusy] = useState(false);
  const [renew, setRenew] = useState(false);
  const [shownFor, setShownFor] = useState<Identifier | ''>('');
  const [preview, setPreview] = useState<{ subject: string; body: string } | null>(null);
  const { canAccess } = useCanAccess({ resource: 'attendees', action: 'edit' });
  const guests = usePreviewGuests(summit, ids, open);
  // those a mail can go to: an address that does not bounce
  const mailable = guests.filter((g) => g.email && g.emailBouncing !== true);
  const guest = shownFor !== '' ? shownFor : ((mailable[0] ?? guests[0])?.id ?? '');
  // the invitation as this guest will read it, in the chosen language (the summit's own
  // template, or Huiwu's); a made-up guest when there is none
  useEffect(() => {
    if (!open || summit === undefined) return;
    let current = true;
    const forGuest = guest !== '' ? `&attendeeId=${guest}` : '';
    httpClient(`${apiUrl}/summits/${summit}/invitations/preview?lang=${lang}${forGuest}`)
      .then(({ json }) => current && setPreview(json as { subject: string; body: string }))
      .catch(() => current && setPreview(null));
    return () => {
      current = false;
    };
  }, [open, lang, summit, guest]);
  if (summit === undefined || !canAccess) return null;
  const body = JSON.stringify({ ...(ids ? { ids } : {}), ...(renew ? { renew: true } : {}) });

  /** the SMS list for the association's SMS platform, with a new reply code per guest */
  const smsList = async () => {
    const res = await fetch(`${apiUrl}/summits/${summit}/sms-list`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': locale },
      body,
    });
    if (!res.ok) return notify((await res.json().catch(() => ({}))).message ?? res.statusText, { type: 'error' });
    await downloadResponse(res, 'sms.xlsx');
    notify('huiwu.mail.smsListed', { messageArgs: { count: res.headers.get('X-Export-Rows') ?? '0' } });
  };

  const send = async () => {
    setBusy(true);
    try {
      const { json } = await httpClient(`${apiUrl}/summits/${summit}/invitations`, {
        method: 'POST',
        body: JSON.stringify(ids ? { ids, lang } : { lang }),
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
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="invite-title" maxWidth="sm" fullWidth>
        <DialogTitle id="invite-title">{translate('huiwu.mail.inviteTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {ids ? translate('huiwu.mail.inviteTicked', { count: ids.length }) : translate('huiwu.mail.inviteText')}
          </DialogContentText>
          <RadioGroup
            row
            value={lang}
            onChange={(e) => setLang(e.target.value as 'zh' | 'en')}
            aria-label={translate('huiwu.mail.language')}
          >
            <FormControlLabel value="zh" control={<Radio />} label="中文" />
            <FormControlLabel value="en" control={<Radio />} label="English" />
          </RadioGroup>
          {guests.length > 0 && (
            <Typography variant="body2" sx={{ mt: 1 }} data-testid="invite-count">
              {translate('huiwu.mail.willSend', { count: mailable.length, without: guests.length - mailable.length })}
            </Typography>
          )}
          {guests.length > 0 && (
            <TextField
              select
              size="small"
              label={translate('huiwu.mail.previewFor')}
              value={guest}
              onChange={(e) => setShownFor(e.target.value)}
              sx={{ mt: 1, minWidth: 200 }}
            >
              {[...mailable, ...guests.filter((g) => !mailable.includes(g))].map((g) => (
                <MenuItem key={g.id} value={g.id}>
                  {String(g.name)}
                </MenuItem>
              ))}
            </TextField>
          )}
          {preview && (
            <Box
              data-testid="invitation-preview"
              sx={{
                mt: 1,
                p: 1.5,
                border: 1,
                borderColor: 'divider',
                borderRadius: 1,
                maxHeight: 280,
                overflow: 'auto',
              }}
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
          <FormControlLabel
            control={<Checkbox size="small" checked={renew} onChange={(e) => setRenew(e.target.checked)} />}
            label={<Typography variant="body2">{translate('huiwu.mail.smsRenew')}</Typography>}
          />
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
