import Box from '@mui/material/Box';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { timeText } from '../../schema/checkinWindow';
import { apiUrl, httpClient } from '../providers/httpClient';

interface Wall {
  summit: { id: number; name: string };
  expected: number;
  checkedIn: number;
  perMinute: number;
  recent: { id: number; name: string; organization: string | null; role: string; at: string }[];
  groups: { role: string; expected: number; checkedIn: number }[];
}

/** the wall's key for this summit, kept in this browser: the wall goes on without a session */
const keyName = (summitId: string | undefined) => `huiwu.wall.${summitId}`;

async function wallKey(summitId: string | undefined, renew = false) {
  const kept = localStorage.getItem(keyName(summitId));
  if (kept && !renew) return kept;
  const { json } = await httpClient(`${apiUrl}/summits/${summitId}/wall-key`, { method: 'POST', body: '{}' });
  localStorage.setItem(keyName(summitId), json.key);
  return json.key as string;
}

/**
 * The check-in wall, for a projector in the hall (`/#/summits/:id/wall`): 签到 N / 应到 M and
 * the rate, the newest arrivals as they come, each group's count; large type, light on dark.
 * It reads through the wall's own key (kept in this browser), not the session, and hears of
 * check-ins through a server-sent event stream that the browser reopens by itself after a
 * network drop or a server restart; it also reads again every 15 seconds, in case.
 */
export const WallPage = () => {
  const { id: summitId } = useParams();
  const translate = useTranslate();
  const [wall, setWall] = useState<Wall | null>(null);
  const [key, setKey] = useState<string | null>(null);
  const [connected, setConnected] = useState(true);
  const [fresh, setFresh] = useState<Set<number>>(new Set());
  const seen = useRef<Set<number> | null>(null);

  useEffect(() => {
    void wallKey(summitId).then(setKey, () => setConnected(false));
  }, [summitId]);

  const renewed = useRef(false);
  const load = useCallback(async () => {
    if (!key) return;
    const res = await fetch(`${apiUrl}/wall/${key}`, { cache: 'no-store' }).catch(() => null);
    if (res?.status === 404) {
      // the key is gone (a new data file): one new one, while the session lasts; not again and
      // again (a summit that is over gets none)
      if (renewed.current) return setConnected(false);
      renewed.current = true;
      return void wallKey(summitId, true).then(setKey, () => setConnected(false));
    }
    if (!res?.ok) return setConnected(false);
    const next = (await res.json()) as Wall;
    // the names new since the last read stand out for a moment
    const before = seen.current;
    seen.current = new Set(next.recent.map((r) => r.id));
    if (before) setFresh(new Set(next.recent.filter((r) => !before.has(r.id)).map((r) => r.id)));
    setWall(next);
    setConnected(true);
  }, [key, summitId]);

  useEffect(() => {
    if (!key) return;
    void load();
    let soon: ReturnType<typeof setTimeout> | undefined;
    const changes = new EventSource(`${apiUrl}/wall/${key}/changes`);
    changes.addEventListener('change', () => {
      clearTimeout(soon);
      soon = setTimeout(() => void load(), 200);
    });
    // reopened by the browser after a drop: read what was missed
    changes.addEventListener('open', () => void load());
    changes.addEventListener('error', () => setConnected(false));
    const every = setInterval(() => void load(), 15_000);
    return () => {
      clearTimeout(soon);
      clearInterval(every);
      changes.close();
    };
  }, [key, load]);

  return (
    <Box
      data-testid="wall"
      sx={{
        minHeight: '100vh',
        bgcolor: '#0b1a33',
        color: '#fff',
        p: '3vw',
        boxSizing: 'border-box',
        fontFamily: 'inherit',
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 3, mb: '2vh' }}>
        <Box component="h1" sx={{ m: 0, fontSize: '3.2vw', fontWeight: 700, flex: 1 }}>
          {wall?.summit.name ?? ''}
        </Box>
        {!connected && (
          <Box sx={{ fontSize: '1.4vw', color: '#ffb74d' }} data-testid="wall-offline">
            {translate('huiwu.wall.reconnecting')}
          </Box>
        )}
      </Box>
      {wall && (
        <>
          <Box sx={{ display: 'flex', alignItems: 'baseline', gap: '3vw', mb: '3vh' }}>
            <Box sx={{ fontSize: '9vw', fontWeight: 800, lineHeight: 1 }} data-testid="wall-count">
              {translate('huiwu.wall.count', { checkedIn: wall.checkedIn, expected: wall.expected })}
            </Box>
            <Box sx={{ fontSize: '2.4vw', color: '#90caf9' }}>
              {translate('huiwu.wall.rate', { rate: wall.perMinute })}
            </Box>
          </Box>
          <Box sx={{ display: 'flex', gap: '1.5vw', flexWrap: 'wrap', mb: '4vh' }}>
            {wall.groups.map((g) => (
              <Box
                key={g.role}
                sx={{ border: '2px solid #5c7cab', borderRadius: 2, px: '1.5vw', py: '0.8vh', fontSize: '2.2vw' }}
              >
                {translate(`enums.attendeeRole.${g.role}`, { _: g.role })}　{g.checkedIn}/{g.expected}
              </Box>
            ))}
          </Box>
          <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="wall-recent">
            {wall.recent.map((r) => (
              <Box
                component="li"
                key={r.id}
                sx={{
                  display: 'flex',
                  alignItems: 'baseline',
                  gap: '2vw',
                  py: '1vh',
                  borderBottom: '1px solid #274066',
                  bgcolor: fresh.has(r.id) ? '#1e3f73' : 'transparent',
                  transition: 'background-color 2s',
                }}
              >
                <Box sx={{ fontSize: '3.4vw', fontWeight: 700, minWidth: '18vw' }}>{r.name}</Box>
                <Box sx={{ fontSize: '2.2vw', color: '#cfd8dc', flex: 1 }}>{r.organization ?? ''}</Box>
                <Box sx={{ fontSize: '1.8vw', color: '#90a4ae' }}>{r.at ? timeText(Date.parse(r.at)) : ''}</Box>
              </Box>
            ))}
          </Box>
        </>
      )}
    </Box>
  );
};
