import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataProvider, type RaRecord } from 'react-admin';
import { apiUrl, httpClient, type HuiwuDataProvider } from '../providers/dataProvider';
import { readQueue, unreachable, writeQueue, type Tap } from './checkInQueue';

/** How one queued tap reaches the server. Each says what the state must become, so a resend
 * after a lost answer changes nothing. */
async function send(dataProvider: HuiwuDataProvider, summitId: unknown, tap: Tap) {
  if (tap.kind === 'walkIn') {
    // an import of one row, matched by phone (or name) within the summit: sent twice, added once
    await dataProvider.importRows('attendees', {
      dryRun: false,
      body: {
        columns: ['name', 'phone', 'checkedInAt', 'note'],
        rows: [[tap.name, tap.phone, tap.at, tap.organization ? `现场登记 · ${tap.organization}` : '现场登记']],
        key: tap.phone ? ['summitId', 'phone'] : ['summitId', 'name'],
        fixed: { summitId, invitation: 'checkedIn' },
      },
    });
    return;
  }
  const body = tap.kind === 'in' ? { invitation: 'checkedIn', checkedInAt: tap.at } : { invitation: 'confirmed' };
  await httpClient(`${apiUrl}/attendees/${encodeURIComponent(tap.id)}`, {
    method: 'PATCH',
    body: JSON.stringify(body),
  });
}

/**
 * The door's queue: taps wait in the browser's storage and go out in order; an unreachable
 * server leaves them waiting (retried every few seconds and when the browser is back online),
 * a refusal drops the tap and reports it.
 */
export function useCheckInQueue(summitId: unknown, onRefused: (tap: Tap, error: Error) => void, onSent: () => void) {
  const dataProvider = useDataProvider<HuiwuDataProvider>();
  const [queue, setQueue] = useState<Tap[]>(() => readQueue(summitId));
  const [offline, setOffline] = useState(false);
  const sending = useRef(false);
  const latest = useRef({ onRefused, onSent });
  latest.current = { onRefused, onSent };

  const flush = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    try {
      for (let pending = readQueue(summitId); pending.length > 0; pending = readQueue(summitId)) {
        try {
          await send(dataProvider, summitId, pending[0]);
          setOffline(false);
        } catch (error) {
          if (unreachable(error)) {
            setOffline(true);
            return;
          }
          latest.current.onRefused(pending[0], error as Error);
        }
        // sent or refused: it leaves the queue (taps added meanwhile stay)
        const rest = readQueue(summitId).slice(1);
        writeQueue(summitId, rest);
        setQueue(rest);
        latest.current.onSent();
      }
    } finally {
      sending.current = false;
    }
  }, [dataProvider, summitId]);

  useEffect(() => {
    void flush();
    const retry = setInterval(() => void flush(), 3000);
    const online = () => void flush();
    window.addEventListener('online', online);
    return () => {
      clearInterval(retry);
      window.removeEventListener('online', online);
    };
  }, [flush]);

  const add = (tap: Tap) => {
    const next = [...readQueue(summitId), tap];
    writeQueue(summitId, next);
    setQueue(next);
    void flush();
  };
  return { queue, offline, add };
}

export type Guest = RaRecord & {
  name: string;
  invitation: string;
  organization: string;
  role?: string;
  title?: string;
  phone?: string;
};
