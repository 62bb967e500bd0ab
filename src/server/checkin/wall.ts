import express, { type Request } from 'express';
import { inInvitationGroup, type Role } from '../../schema';
import type { LoginThrottle } from '../auth/throttle';
import { actorOf } from '../audit';
import { asyncHandler, HttpError, message, requestLang } from '../messages';
import { resourceFor } from '../present';
import type { Row } from '../records';
import { summitOver } from '../reply/answer';
import { findKey, keySteps, newToken } from '../reply/tokens';
import type { WallKeys } from '../routes/changes';
import type { RecordStore } from '../store/recordStore';
import { rowsWhere } from './attendance';

/** the newest arrivals the wall lists */
const RECENT = 12;
/** the rate is arrivals over this many minutes, per minute */
const RATE_MINUTES = 10;

/**
 * What the check-in wall shows of a summit: 签到 N / 应到 M (应到 as the desk counts it: those
 * who may still come), the arrivals per minute of the last ten minutes, the newest arrivals'
 * names and organizations, and each role's count. Names and organizations only: it is shown
 * on a screen in the hall.
 */
export async function wallOf(records: RecordStore, summit: Row, now: number) {
  const guests = await rowsWhere(records, 'attendees', 'summitId', summit.id);
  const expected = guests.filter((g) => inInvitationGroup('expected', g.invitation));
  const arrived = guests
    .filter((g) => g.invitation === 'checkedIn')
    .sort((a, b) => String(b.checkedInAt ?? '').localeCompare(String(a.checkedInAt ?? '')));
  const since = now - RATE_MINUTES * 60_000;
  const lately = arrived.filter((g) => Date.parse(String(g.checkedInAt)) >= since).length;
  const recent = arrived.slice(0, RECENT);
  const orgIds = [...new Set(recent.map((g) => g.organizationId).filter((id) => id != null))];
  const orgs = new Map(
    (orgIds.length ? await records.get('organizations', orgIds) : []).map((o) => [String(o.id), o.name]),
  );
  const roles = [...new Set(expected.map((g) => String(g.role)))];
  return {
    summit: { id: summit.id, name: summit.name, startsOn: summit.startsOn, venue: summit.venue },
    expected: expected.length,
    checkedIn: arrived.length,
    perMinute: Math.round((lately / RATE_MINUTES) * 10) / 10,
    recent: recent.map((g) => ({
      id: g.id,
      name: g.name,
      organization: g.organizationId != null ? (orgs.get(String(g.organizationId)) ?? null) : null,
      role: g.role,
      at: g.checkedInAt,
    })),
    groups: roles.map((role) => ({
      role,
      expected: expected.filter((g) => String(g.role) === role).length,
      checkedIn: arrived.filter((g) => String(g.role) === role).length,
    })),
  };
}

/**
 * A wall's key (kept as its hash, with the reply pages' keys): the summit it opens, while the
 * summit is not over; a key that opens nothing is counted against the address.
 */
export function wallKeys(records: RecordStore, throttle: LoginThrottle, now: () => number): WallKeys {
  return async (key: string, req: Request) => {
    const found = await findKey(records, 'wall', key);
    if (!found) {
      const wait = await throttle.keyTry(req.ip ?? '');
      if (wait > 0) throw new HttpError(429, message(requestLang(req), 'throttledKeys'));
      return null;
    }
    const [summit] = await records.get('summits', [found.summitId]);
    if (!summit || summitOver(summit, now())) return null;
    return { summitId: summit.id };
  };
}

/**
 * - POST /api/summits/:id/wall-key (an organiser): a new key for a wall of this summit;
 * - GET /api/wall/:key (no session, mounted before the session check): what the wall shows.
 *   Its changes stream at /api/wall/:key/changes (routes/changes.ts).
 */
export function wallRoutes(records: RecordStore, keys: WallKeys, now: () => number) {
  const open = express.Router();
  open.get(
    '/wall/:key',
    asyncHandler(async (req, res) => {
      const opened = await keys(req.params.key, req);
      if (!opened) throw new HttpError(404, message(requestLang(req), 'notFound'));
      const [summit] = await records.get('summits', [opened.summitId]);
      res.setHeader('Cache-Control', 'no-store');
      res.json(await wallOf(records, summit, now()));
    }),
  );
  const withSession = express.Router();
  withSession.post(
    '/summits/:id/wall-key',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      resourceFor('attendees', res.locals.user.role as Role, 'write', lang);
      const key = newToken();
      // (keys are not audited: only their hashes are kept, and a trail entry would add nothing)
      await records.write(actorOf(res.locals.user), async (view) => {
        const summit = await view.find('summits', req.params.id);
        if (!summit) throw new HttpError(404, message(lang, 'notFound'));
        // a wall of a summit that is over shows nothing: no key for it
        if (summitOver(summit, now())) throw new HttpError(410, message(lang, 'wallOver'));
        return keySteps(view, 'wall', key, { attendeeId: null, summitId: summit.id, replaces: false }, now());
      });
      res.status(201).json({ key });
    }),
  );
  return { open, withSession };
}
