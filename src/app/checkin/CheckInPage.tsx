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
import {
  Title,
  useDataProvider,
  useGetOne,
  useLocaleState,
  useNotify,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { allows, getField, resourceByName } from '../../schema';
import { fetchAll, fetchTitles } from '../export/exportList';
import type { Tap } from './checkInQueue';
import { findGuests, searchKeys } from './searchIndex';
import { useCheckInQueue, type Guest } from './useCheckInQueue';
import { WalkInForm } from './WalkInForm';

const attendees = resourceByName.attendees;
/** those who said they would come: the count the door works towards */
const EXPECTED = ['confirmed', 'checkedIn', 'absent'];

/**
 * The check-in desk, made for a tablet at the door: one search box (name, pinyin initials,
 * phone tail, organization), one tap to check in or undo, the live count, walk-ins in three
 * fields. Taps are queued and keep working through a network drop.
 */
export const CheckInPage = () => {
  const { id: summitId } = useParams();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const { permissions: role } = usePermissions();
  const canWrite = allows(role, attendees, 'write');
  const { data: summit } = useGetOne('summits', { id: summitId });
  const [guests, setGuests] = useState<Guest[] | null>(null);
  const [typed, setTyped] = useState('');
  /** ids whose taps are not sent yet: a refresh from the server must not undo them on screen */
  const pending = useRef(new Set<unknown>());

  const load = useCallback(async () => {
    const rows = await fetchAll(dataProvider, 'attendees', { summitId }, { field: 'name', order: 'ASC' });
    const orgs = await fetchTitles(dataProvider, getField(attendees, 'organizationId')!, rows);
    const loaded = rows.map((row) => ({
      ...(row as Guest),
      organization: orgs.get(row.organizationId) ?? String(row.note ?? '').replace(/^现场登记 · /, ''),
    }));
    // what this desk has not sent yet stays as the desk shows it
    setGuests((shown) => [
      ...loaded.map((guest) => {
        const local = shown?.find((g) => g.id === guest.id);
        return local && pending.current.has(guest.id) ? { ...guest, invitation: local.invitation } : guest;
      }),
      // walk-ins still on their way
      ...(shown ?? []).filter((g) => String(g.id).startsWith('walk-in-') && pending.current.has(g.id)),
    ]);
  }, [dataProvider, summitId]);

  const { queue, offline, add } = useCheckInQueue(
    summitId,
    (tap, error) => notify(`${tap.name}：${error.message}`, { type: 'error' }),
    () => undefined,
  );
  const pendingIds = new Set(queue.map((tap) => (tap.kind === 'walkIn' ? `walk-in-${tap.key}` : tap.id)));
  pending.current = pendingIds;

  useEffect(() => {
    void load().catch(() => setGuests((g) => g ?? []));
    // others check guests in at other doors: their taps show within half a minute
    const refresh = setInterval(() => void load().catch(() => undefined), 20_000);
    return () => clearInterval(refresh);
  }, [load]);

  const index = useMemo(
    () =>
      (guests ?? []).map((guest) => ({
        ...guest,
        keys: searchKeys(guest.name, guest.organization, String(guest.phone ?? '')),
      })),
    [guests],
  );
  const found = findGuests(index, typed).slice(0, 20);
  const expected = (guests ?? []).filter((g) => EXPECTED.includes(g.invitation)).length;
  const checkedIn = (guests ?? []).filter((g) => g.invitation === 'checkedIn').length;

  const tap = (guest: Guest) => {
    const undo = guest.invitation === 'checkedIn';
    add({ kind: undo ? 'undo' : 'in', id: guest.id, at: new Date().toISOString(), name: guest.name });
    setGuests((all) =>
      (all ?? []).map((g) => (g.id === guest.id ? { ...g, invitation: undo ? 'confirmed' : 'checkedIn' } : g)),
    );
  };
  const walkIn = (entry: { name: string; organization: string; phone: string }) => {
    const key = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    add({ kind: 'walkIn', key, at: new Date().toISOString(), ...entry });
    setGuests((all) => [
      ...(all ?? []),
      { id: `walk-in-${key}`, ...entry, invitation: 'checkedIn', role: 'guest' } as Guest,
    ]);
    setTyped(entry.name);
  };

  return (
    <Box sx={{ p: 2, maxWidth: 960, mx: 'auto' }}>
      <Title title={translate('huiwu.checkin.title')} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <Button component={Link} to={`/summits/${summitId}/show`} startIcon={<ArrowBackIcon />}>
          {summit?.name ?? ''}
        </Button>
        <Box sx={{ flex: 1 }} />
        <Typography variant="h4" component="p" data-testid="checkin-count" aria-live="polite">
          {translate('huiwu.checkin.count', { checkedIn, expected })}
        </Typography>
      </Box>
      {(offline || queue.length > 0) && (
        <Alert severity={offline ? 'warning' : 'info'} icon={offline ? <CloudOffIcon /> : undefined} sx={{ mb: 2 }}>
          <span data-testid="checkin-pending">
            {translate(offline ? 'huiwu.checkin.offline' : 'huiwu.checkin.sending', { smart_count: queue.length })}
          </span>
        </Alert>
      )}
      <TextField
        autoFocus
        fullWidth
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        placeholder={translate('huiwu.checkin.search')}
        slotProps={{ htmlInput: { 'aria-label': translate('huiwu.checkin.search'), style: { fontSize: 28 } } }}
        sx={{ mb: 2 }}
      />
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
                  {pendingIds.has(guest.id) ? ` · ${translate('huiwu.checkin.notSent')}` : ''}
                </Typography>
              </Box>
              {canWrite && (
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
        {translate('huiwu.checkin.hint', { locale })}
      </Typography>
    </Box>
  );
};

export type { Tap };
