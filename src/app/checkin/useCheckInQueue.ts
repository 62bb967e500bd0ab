import { useCallback, useEffect, useRef, useState } from 'react';
import type { RaRecord } from 'react-admin';
import { apiUrl, httpClient } from '../providers/httpClient';
import type { ImportReport, ImportRequest } from '../../schema/imports';
import {
  isWalkInNote,
  newUid,
  queueKey,
  readQueue,
  retryLater,
  walkInNote,
  writeQueue,
  type Tap,
} from './checkInQueue';

export type Guest = RaRecord & {
  name: string;
  invitation: string;
  organization: string;
  role?: string;
  title?: string;
  phone?: string;
  checkedInAt?: string | null;
  version?: number;
};

/** A tap before it is given its id. */
export type NewTap = Tap extends infer T ? (T extends unknown ? Omit<T, 'uid'> : never) : never;

/** An answer that is not the record asked for (a Wi-Fi sign-in page answering 200): try again. */
class NotTheServer extends Error {}

/** An undo that would take back another desk's check-in (theirs came first, or came after this
 * desk's): refused, the guest stays checked in. */
export class CheckedInElsewhere extends Error {
  status = 409;
}

const sameTime = (a: unknown, b: unknown) => Date.parse(String(a)) === Date.parse(String(b));

const call = async (path: string, init?: RequestInit) => {
  const { json } = await httpClient(`${apiUrl}${path}`, init);
  return json;
};

/** How one queued tap reaches the server, so that a resend after a lost answer changes nothing. */
async function send(summitId: unknown, tap: Tap) {
  if (tap.kind === 'walkIn') {
    // the same phone in this summit is this guest, already listed: check them in, change nothing
    // else; otherwise the desk's own row if an earlier send got through; otherwise a new row
    const filter = tap.phone ? { summitId, phone: tap.phone } : { summitId, name: tap.name };
    const found =
      tap.phone || tap.attempted ? await call(`/attendees?filter=${encodeURIComponent(JSON.stringify(filter))}`) : [];
    if (!Array.isArray(found)) throw new NotTheServer();
    const mine = found.find(
      (row: RaRecord) =>
        tap.phone ||
        (isWalkInNote(row.note) && String(row.createdAt) >= new Date(Date.parse(tap.at) - 60_000).toISOString()),
    );
    if (mine) {
      if (mine.invitation !== 'checkedIn')
        await call(`/attendees/${mine.id}`, {
          method: 'PATCH',
          body: JSON.stringify({ invitation: 'checkedIn', checkedInAt: tap.at }),
        });
      return;
    }
    await addWalkIn(summitId, tap);
    return;
  }
  // A check-in or its undo is written against the guest as the server holds them now, with its
  // version, so that nothing another desk did in between is overwritten (a 409: read again).
  const path = `/attendees/${encodeURIComponent(tap.id)}`;
  for (let attempt = 0; attempt < 5; attempt++) {
    const guest = await call(path);
    if (String(guest?.id) !== String(tap.id)) throw new NotTheServer();
    let body: Record<string, unknown>;
    if (tap.kind === 'in') {
      // checked in already (this tap sent before, or another desk): the first check-in stands
      if (guest.invitation === 'checkedIn') return;
      body = { invitation: 'checkedIn', checkedInAt: tap.at };
    } else {
      // not checked in (this undo sent before, or changed elsewhere since): nothing to undo
      if (guest.invitation !== 'checkedIn') return;
      // the check-in on the server is not the one this desk showed: another desk's, kept
      if (tap.checkedInAt && guest.checkedInAt && !sameTime(guest.checkedInAt, tap.checkedInAt))
        throw new CheckedInElsewhere(tap.name);
      body = { invitation: tap.previous };
    }
    try {
      const answer = await call(path, { method: 'PATCH', body: JSON.stringify({ ...body, version: guest.version }) });
      if (String(answer?.id) !== String(tap.id)) throw new NotTheServer();
      return;
    } catch (error) {
      if ((error as { status?: number }).status !== 409) throw error;
    }
  }
  throw new NotTheServer(); // changing under our feet: later
}

/**
 * A new guest, and the organisation they named, in one write: a one-row import, as a paste of a
 * new row is, so the server links the organisation of that name or creates it with the guest
 * (src/server/import), in one commit. One chosen from the picker is linked by its id. An
 * organisation that cannot be linked (a name two records share) does not keep the guest out:
 * its name goes into the note, as it did before organisations were linked.
 */
async function addWalkIn(summitId: unknown, tap: Extract<Tap, { kind: 'walkIn' }>) {
  const named = tap.organization && tap.organizationId === undefined;
  const request: ImportRequest = {
    columns: named ? ['name', 'phone', 'organizationId'] : ['name', 'phone'],
    rows: [named ? [tap.name, tap.phone, tap.organization] : [tap.name, tap.phone]],
    key: null,
    fixed: {
      summitId: summitId as string,
      ...(tap.organizationId !== undefined ? { organizationId: tap.organizationId } : {}),
      note: walkInNote(),
      role: 'guest',
      invitation: 'checkedIn',
      checkedInAt: tap.at,
    },
    badCells: 'emptyCell',
  };
  let report: ImportReport;
  try {
    report = await call('/attendees/import', { method: 'POST', body: JSON.stringify(request) });
  } catch (error) {
    // refused: say why in the row's own words, not "1 row cannot be imported"
    const reasons = Object.values((error as { body?: ImportReport }).body?.rows?.[0]?.errors ?? {});
    if (reasons.length) throw Object.assign(new Error(reasons.join('；')), { status: 400 });
    throw error;
  }
  const [row] = report?.rows ?? [];
  if (!report?.written || row?.id === undefined) throw new NotTheServer();
  // the guest is in: a name the note cannot hold either (control characters, thousands of
  // characters) is cut to what it can, and a refusal of the note is no refused check-in
  if (row.emptied?.organizationId)
    await call(`/attendees/${row.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ note: walkInNote(noteText(tap.organization)) }),
    }).catch((error: { status?: number }) => {
      if (!(error.status && error.status >= 400 && error.status < 500)) throw error;
    });
}

/** Typed text as a note may hold it: visible characters only, on one line, not too long. */
const noteText = (text: string) => [...text.replace(/[\p{C}\s]+/gu, ' ').trim()].slice(0, 200).join('');

/** One desk at a time sends a browser's queue (two tabs must not send a tap twice). */
const exclusively = (task: () => Promise<void>) =>
  navigator.locks ? navigator.locks.request('huiwu-checkin-queue', task) : task();

/**
 * The door's queue: taps wait in the browser's storage and go out in order; an unreachable
 * server (or an ended session) leaves them waiting, retried every few seconds and when the
 * browser is back online; a refusal drops the tap and reports it.
 */
export function useCheckInQueue(
  user: unknown,
  summitId: unknown,
  onRefused: (tap: Tap, error: Error) => void,
  onSent: (tap: Tap) => void,
) {
  const key = queueKey(user, summitId);
  const [queue, setQueue] = useState<Tap[]>(() => readQueue(key));
  const [trouble, setTrouble] = useState<'offline' | 'login' | null>(null);
  const sending = useRef(false);
  const latest = useRef({ onRefused, onSent });
  latest.current = { onRefused, onSent };

  const flush = useCallback(async () => {
    if (sending.current || user === undefined) return;
    sending.current = true;
    try {
      await exclusively(async () => {
        for (let pending = readQueue(key); pending.length > 0; pending = readQueue(key)) {
          const tap = pending[0];
          try {
            await send(summitId, tap);
            setTrouble(null);
            latest.current.onSent(tap);
          } catch (error) {
            if (error instanceof NotTheServer || retryLater(error)) {
              setTrouble((error as { status?: number }).status === 401 ? 'login' : 'offline');
              if (tap.kind === 'walkIn' && !tap.attempted)
                writeQueue(
                  key,
                  readQueue(key).map((t) => (t.uid === tap.uid ? { ...t, attempted: true } : t)),
                );
              return;
            }
            latest.current.onRefused(tap, error as Error);
          }
          // sent or refused: it leaves the queue, by its own id (taps added meanwhile stay)
          const rest = readQueue(key).filter((t) => t.uid !== tap.uid);
          writeQueue(key, rest);
          setQueue(rest);
        }
      });
    } finally {
      sending.current = false;
    }
  }, [key, summitId, user]);

  useEffect(() => {
    setQueue(readQueue(key));
    void flush();
    const retry = setInterval(() => void flush(), 3000);
    const online = () => void flush();
    window.addEventListener('online', online);
    return () => {
      clearInterval(retry);
      window.removeEventListener('online', online);
    };
  }, [flush, key]);

  const add = (tap: NewTap) => {
    const next = [...readQueue(key), { ...tap, uid: newUid() } as Tap];
    writeQueue(key, next);
    setQueue(next);
    void flush();
  };
  return { queue, trouble, add };
}

/** The desk's view of its guests: what the server said, with the taps not yet sent on top. */
export function withQueue(guests: Guest[], queue: Tap[]): Guest[] {
  const shown = guests.map((g) => ({ ...g }));
  for (const tap of queue) {
    if (tap.kind === 'walkIn') {
      shown.push({
        id: `walk-in-${tap.uid}`,
        name: tap.name,
        phone: tap.phone,
        organization: tap.organization,
        invitation: 'checkedIn',
        role: 'guest',
      });
      continue;
    }
    const guest = shown.find((g) => String(g.id) === String(tap.id));
    if (!guest) continue;
    if (tap.kind === 'in') {
      if (guest.invitation !== 'checkedIn') Object.assign(guest, { invitation: 'checkedIn', checkedInAt: tap.at });
    } else if (
      guest.invitation === 'checkedIn' &&
      (!tap.checkedInAt || !guest.checkedInAt || sameTime(guest.checkedInAt, tap.checkedInAt))
    )
      Object.assign(guest, { invitation: tap.previous, checkedInAt: null });
  }
  return shown;
}
