import { useCallback, useEffect, useState } from 'react';
import { useGetList, useNotify } from 'react-admin';
import { apiUrl, httpClient } from '../providers/httpClient';

interface Counts {
  expected: number;
  present: number;
  late: number;
  substitute: number;
}

const newRequestId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

/**
 * The desk of one session (a forum, a seminar, a lecture): check-ins sent to the session's
 * route, each with an id of its own (should the request reach the server twice, it is one
 * check-in), answered with what the server says (on time, late, already in at another desk,
 * not yet open); and the session's counts, read again after each check-in and every ten seconds.
 */
export function useSessionDesk(sessionId: string, desk: string) {
  const notify = useNotify();
  const [counts, setCounts] = useState<Counts | null>(null);

  const load = useCallback(async () => {
    if (!sessionId) return setCounts(null);
    const { json } = await httpClient(`${apiUrl}/lectures/${sessionId}/attendance`);
    setCounts(json.counts as Counts);
  }, [sessionId]);

  useEffect(() => {
    void load().catch(() => undefined);
    if (!sessionId) return;
    const every = setInterval(() => void load().catch(() => undefined), 10_000);
    return () => clearInterval(every);
  }, [load, sessionId]);

  const checkIn = useCallback(
    async (
      who: { attendeeId: unknown } | { code: string },
      name: string,
      how: 'scan' | 'search' | 'proxy',
      substitute = false,
    ) => {
      const body = {
        ...who,
        how,
        desk: desk || undefined,
        requestId: newRequestId(),
        ...(substitute ? { substitute } : {}),
      };
      try {
        const { json } = await httpClient(`${apiUrl}/lectures/${sessionId}/checkins`, {
          method: 'POST',
          body: JSON.stringify(body),
        });
        notify(json.late ? 'huiwu.checkin.sessionLate' : 'huiwu.checkin.sessionIn', {
          type: json.late ? 'warning' : 'success',
          messageArgs: { name },
        });
      } catch (error) {
        // refused with the reason: already in (when, where), not open yet, not a guest
        notify((error as Error).message, { type: 'warning', autoHideDuration: 8000 });
      }
      await load().catch(() => undefined);
    },
    [desk, sessionId, notify, load],
  );
  // the guests excused from this session whose 代会人 may check in in their place
  const { data: leaves = [] } = useGetList(
    'leaves',
    { filter: { lectureId: sessionId }, pagination: { page: 1, perPage: 1000 }, sort: { field: 'id', order: 'ASC' } },
    { enabled: !!sessionId },
  );
  const substituteOf = new Map(
    leaves.filter((l) => l.substituteName).map((l) => [String(l.attendeeId), String(l.substituteName)]),
  );
  return { counts, checkIn, substituteOf };
}
