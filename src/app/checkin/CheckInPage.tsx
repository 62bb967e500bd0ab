import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import MenuItem from '@mui/material/MenuItem';
import {
  Title,
  useDataProvider,
  useGetList,
  useGetIdentity,
  useGetOne,
  useNotify,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { allows, getField, inInvitationGroup, resourceByName } from '../../schema';
import { fetchAll, fetchTitles } from '../export/fetchRows';
import { apiUrl } from '../providers/httpClient';
import { beforeKey, readBefore, remember, type Tap } from './checkInQueue';
import { findGuests, searchKeys } from './searchIndex';
import { CheckedInElsewhere, useCheckInQueue, withQueue, type Guest } from './useCheckInQueue';
import { WalkInForm, type WalkIn } from './WalkInForm';
import { ScanButtons } from './ScanButtons';
import { useSessionDesk } from './useSessionDesk';
import { scannedCode } from '../../schema/checkinCode';
import { timeText } from '../../schema/checkinWindow';

const attendees = resourceByName.attendees;

/**
 * The check-in desk, made for a tablet at the door: one search box (name, pinyin initials,
 * phone tail, organization), one tap to check in or undo, the live count, walk-ins in three
 * fields. Taps are queued and keep working through a network drop.
 */
export const CheckInPage = () => {
  const { id: summitId } = useParams();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const { permissions: role } = usePermissions();
  const { identity } = useGetIdentity();
  const canWrite = allows(role, attendees, 'write');
  const { data: summit } = useGetOne('summits', { id: summitId });
  const [server, setServer] = useState<Guest[] | null>(null);
  const [typed, setTyped] = useState('');
  // the session checked in at (a forum, a seminar): none is the summit's own registration (报到)
  const [session, setSession] = useState(() => sessionStorage.getItem(`huiwu.desk.session.${summitId}`) ?? '');
  const [deskName, setDeskName] = useState(() => localStorage.getItem('huiwu.desk.name') ?? '');
  const { data: sessions = [] } = useGetList('lectures', {
    filter: { summitId },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'startsAt', order: 'ASC' },
  });
  const sessionDesk = useSessionDesk(session, deskName);
  /** taps sent since the last load began: shown until a load that saw them */
  const [recent, setRecent] = useState<(Tap & { sentAt: number })[]>([]);
  const loading = useRef(false);
  const searchBox = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    if (loading.current) return;
    loading.current = true;
    const startedAt = Date.now();
    try {
      const rows = await fetchAll(dataProvider, 'attendees', { summitId }, { field: 'name', order: 'ASC' });
      // what each guest not (yet) checked in is: what an undo of a later check-in puts back
      remember(
        beforeKey(identity?.username, summitId),
        Object.fromEntries(
          rows.filter((row) => row.invitation !== 'checkedIn').map((row) => [String(row.id), String(row.invitation)]),
        ),
      );
      const orgs = await fetchTitles(dataProvider, getField(attendees, 'organizationId')!, rows);
      setServer(
        rows.map((row) => ({
          ...(row as Guest),
          organization: orgs.get(row.organizationId) ?? String(row.note ?? '').replace(/^现场登记 · /, ''),
        })),
      );
      setRecent((taps) => taps.filter((tap) => tap.sentAt >= startedAt));
    } finally {
      loading.current = false;
    }
  }, [dataProvider, summitId, identity?.username]);

  const { queue, trouble, add } = useCheckInQueue(
    identity?.username,
    summitId,
    (tap, error) => {
      const reason = error instanceof CheckedInElsewhere ? translate('huiwu.checkin.keptTheirs') : error.message;
      notify(`${tap.name}：${reason}`, { type: 'error' });
      void load().catch(() => undefined); // put back what the server holds
    },
    (tap) => setRecent((taps) => [...taps, { ...tap, sentAt: Date.now() }]),
  );

  useEffect(() => {
    void load().catch(() => setServer((g) => g ?? []));
    // others check guests in at other doors: the server says so at once (through any server of
    // its database), and the guests are read again; every 20 seconds anyway, should the stream
    // be down
    const refresh = setInterval(() => void load().catch(() => undefined), 20_000);
    let soon: ReturnType<typeof setTimeout> | undefined;
    const reloadSoon = () => {
      clearTimeout(soon);
      // a burst of taps is one reload; a load under way may predate the change: once it ends
      soon = setTimeout(() => (loading.current ? reloadSoon() : void load().catch(() => undefined)), 250);
    };
    const filter = encodeURIComponent(JSON.stringify({ summitId }));
    const changes =
      typeof EventSource === 'undefined' ? null : new EventSource(`${apiUrl}/attendees/changes?filter=${filter}`);
    changes?.addEventListener('change', reloadSoon);
    return () => {
      clearInterval(refresh);
      clearTimeout(soon);
      changes?.close();
    };
  }, [load, summitId]);

  const guests = useMemo(() => (server ? withQueue(server, [...recent, ...queue]) : null), [server, recent, queue]);
  const index = useMemo(
    () =>
      (guests ?? []).map((guest) => ({
        ...guest,
        keys: searchKeys(guest.name, guest.organization, String(guest.phone ?? '')),
      })),
    [guests],
  );
  const found = findGuests(index, typed).slice(0, 20);
  // everyone who may still come, replied or not: as the sign-in sheet lists them
  const expected = (guests ?? []).filter((g) => inInvitationGroup('expected', g.invitation)).length;
  const checkedIn = (guests ?? []).filter((g) => g.invitation === 'checkedIn').length;
  const unsent = new Set(queue.map((tap) => (tap.kind === 'walkIn' ? `walk-in-${tap.uid}` : String(tap.id))));

  const tap = (guest: Guest) => {
    if (session) {
      void sessionDesk.checkIn({ attendeeId: guest.id }, String(guest.name), 'search');
      searchBox.current?.focus();
      searchBox.current?.select();
      return;
    }
    const at = new Date().toISOString();
    const key = beforeKey(identity?.username, summitId);
    if (guest.invitation === 'checkedIn') {
      // back to what the guest was before: before this desk's tap, or as this desk last saw
      // them before another's; a guest checked in before the desk ever saw them was expected
      // (confirmed), the one thing a check-in's undo may assume
      add({
        kind: 'undo',
        id: guest.id,
        at,
        name: guest.name,
        previous: readBefore(key)[String(guest.id)] ?? 'confirmed',
        ...(guest.checkedInAt ? { checkedInAt: guest.checkedInAt } : {}),
      });
    } else {
      remember(key, { [String(guest.id)]: guest.invitation });
      add({ kind: 'in', id: guest.id, at, name: guest.name });
    }
    // The search stays, so the next of a family or a delegation is one tap away, and is
    // selected in the box, so the next name typed replaces it (the tablet's keyboard stays up).
    searchBox.current?.focus();
    searchBox.current?.select();
  };
  /** A code scanned (a scanner types it and Enter; the camera or a photo reads it): its guest
   * checked in at once. Scanned again, a guest already in is told so, never undone. */
  const scan = (text: string) => {
    const code = scannedCode(text);
    const guest = code ? (guests ?? []).find((g) => g.checkInCode === code) : undefined;
    setTyped('');
    if (session && code) return void sessionDesk.checkIn({ code }, String(guest?.name ?? code), 'scan');
    if (!guest) return notify('huiwu.checkin.unknownCode', { type: 'warning', messageArgs: { code: text.trim() } });
    if (guest.invitation === 'checkedIn')
      return notify('huiwu.checkin.alreadyIn', {
        type: 'info',
        messageArgs: {
          name: guest.name,
          time: guest.checkedInAt ? timeText(Date.parse(String(guest.checkedInAt))) : '',
        },
      });
    tap(guest);
    notify('huiwu.checkin.scannedIn', { type: 'success', messageArgs: { name: guest.name } });
  };
  const walkIn = (entry: WalkIn) => {
    add({ kind: 'walkIn', at: new Date().toISOString(), ...entry });
    setTyped(entry.name);
  };

  return (
    <Box sx={{ p: 2, width: '100%', boxSizing: 'border-box', maxWidth: 960, mx: 'auto' }}>
      <Title title={translate('huiwu.checkin.title')} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <Button component={Link} to={`/summits/${summitId}/show`} startIcon={<ArrowBackIcon />}>
          {summit?.name ?? ''}
        </Button>
        <Box sx={{ flex: 1 }} />
        <Typography variant="h4" component="p" data-testid="checkin-count" aria-live="polite">
          {session && sessionDesk.counts
            ? translate('huiwu.checkin.sessionCount', {
                present: sessionDesk.counts.present + sessionDesk.counts.substitute,
                expected: sessionDesk.counts.expected,
                late: sessionDesk.counts.late,
              })
            : translate('huiwu.checkin.count', { checkedIn, expected })}
        </Typography>
      </Box>
      {canWrite && (
        <Box sx={{ display: 'flex', gap: 2, mb: 2, flexWrap: 'wrap' }}>
          <TextField
            select
            size="small"
            label={translate('huiwu.checkin.session')}
            value={session}
            onChange={(e) => {
              setSession(e.target.value);
              sessionStorage.setItem(`huiwu.desk.session.${summitId}`, e.target.value);
            }}
            sx={{ minWidth: 280 }}
            slotProps={{ htmlInput: { 'data-testid': 'checkin-session' } }}
          >
            <MenuItem value="">{translate('huiwu.checkin.registration')}</MenuItem>
            {sessions.map((s) => (
              <MenuItem key={s.id} value={String(s.id)}>
                {String(s.title)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            label={translate('huiwu.checkin.deskName')}
            value={deskName}
            onChange={(e) => {
              setDeskName(e.target.value);
              localStorage.setItem('huiwu.desk.name', e.target.value);
            }}
            slotProps={{ htmlInput: { maxLength: 20 } }}
          />
        </Box>
      )}
      {(trouble || queue.length > 0) && (
        <Alert severity={trouble ? 'warning' : 'info'} icon={trouble ? <CloudOffIcon /> : undefined} sx={{ mb: 2 }}>
          <span data-testid="checkin-pending">
            {translate(
              trouble === 'login' ? 'huiwu.checkin.login' : trouble ? 'huiwu.checkin.offline' : 'huiwu.checkin.sending',
              { smart_count: queue.length },
            )}
          </span>
        </Alert>
      )}
      {/* what it searches, above the box: as a placeholder in the box's large type it was cut
          off on a tablet ("…手机尾号或单"); the box shows a short example instead */}
      <Typography component="label" htmlFor="checkin-search" color="text.secondary" sx={{ display: 'block', mb: 0.5 }}>
        {translate('huiwu.checkin.search')}
      </Typography>
      <TextField
        id="checkin-search"
        autoFocus
        fullWidth
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        // a barcode scanner types the badge's code and Enter
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing && scannedCode(typed)) {
            e.preventDefault();
            scan(typed);
          }
        }}
        inputRef={searchBox}
        placeholder={translate('huiwu.checkin.example')}
        slotProps={{ htmlInput: { style: { fontSize: 28 } } }}
        sx={{ mb: 2 }}
      />
      {canWrite && <ScanButtons onScan={scan} />}
      {guests === null && <Typography>{translate('ra.page.loading')}</Typography>}
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }} role="list">
        {found.map((guest) => {
          const inside = guest.invitation === 'checkedIn';
          return (
            <Paper
              key={guest.id}
              role="listitem"
              variant="outlined"
              sx={{
                p: 2,
                display: 'flex',
                alignItems: 'center',
                gap: 2,
                borderColor: inside ? 'success.main' : undefined,
              }}
            >
              <Box sx={{ flex: 1, minWidth: 0 }}>
                <Typography variant="h5" component="p">
                  {guest.name}{' '}
                  <Chip
                    size="small"
                    label={translate(`enums.attendeeRole.${guest.role}`, { _: String(guest.role ?? '') })}
                  />
                </Typography>
                <Typography color="text.secondary">
                  {[guest.organization, guest.title].filter(Boolean).join(' · ')}
                </Typography>
                <Typography variant="body2" color={inside ? 'success.main' : 'text.secondary'}>
                  {translate(`enums.invitationStatus.${guest.invitation}`)}
                  {unsent.has(String(guest.id)) ? ` · ${translate('huiwu.checkin.notSent')}` : ''}
                </Typography>
              </Box>
              {canWrite && session && (
                <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, alignItems: 'stretch' }}>
                  <Button
                    size="large"
                    variant="contained"
                    color="success"
                    onClick={() => tap(guest)}
                    disabled={String(guest.id).startsWith('walk-in-')}
                    sx={{ minWidth: 140, minHeight: 56, fontSize: 20 }}
                  >
                    {translate('huiwu.checkin.checkIn')}
                  </Button>
                  {sessionDesk.substituteOf.has(String(guest.id)) ? (
                    <Button
                      variant="outlined"
                      onClick={() =>
                        void sessionDesk.checkIn({ attendeeId: guest.id }, String(guest.name), 'search', true)
                      }
                    >
                      {translate('huiwu.checkin.bySubstitute', {
                        name: sessionDesk.substituteOf.get(String(guest.id)),
                      })}
                    </Button>
                  ) : (
                    <Button
                      variant="text"
                      onClick={() => void sessionDesk.checkIn({ attendeeId: guest.id }, String(guest.name), 'proxy')}
                    >
                      {translate('huiwu.checkin.byStaff')}
                    </Button>
                  )}
                </Box>
              )}
              {canWrite && !session && (
                <Button
                  size="large"
                  variant={inside ? 'outlined' : 'contained'}
                  color={inside ? 'inherit' : 'success'}
                  onClick={() => tap(guest)}
                  disabled={String(guest.id).startsWith('walk-in-')}
                  sx={{ minWidth: 140, minHeight: 64, fontSize: 20 }}
                >
                  {translate(inside ? 'huiwu.checkin.undo' : 'huiwu.checkin.checkIn')}
                </Button>
              )}
            </Paper>
          );
        })}
        {typed.trim() && guests && found.length === 0 && (
          <Typography color="text.secondary">{translate('huiwu.checkin.none')}</Typography>
        )}
      </Box>
      {canWrite && (
        <WalkInForm onAdd={walkIn} initialName={found.length === 0 && /\p{Script=Han}/u.test(typed) ? typed : ''} />
      )}
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 2 }}>
        {translate('huiwu.checkin.hint')}
      </Typography>
    </Box>
  );
};
