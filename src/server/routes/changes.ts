import express, { type Request, type Response } from 'express';
import type { Server } from 'node:http';
import { getField, resourceByName, type Lang, type ResourceDef, type Role } from '../../schema';
import type { Heard } from '../changes';
import { asyncHandler, HttpError, message, requestLang } from '../messages';
import { resourceFor } from '../present';
import { sameId } from '../records';
import { readSessionId } from '../auth/routes';
import type { SessionStore } from '../auth/sessions';
import type { RecordStore } from '../store/recordStore';

export interface ChangeStreamOptions {
  /** a comment line this often keeps proxies from closing a quiet stream */
  heartbeatMs?: number;
  /** a stream ends after this long and the browser opens it again, through the session check
   * (which touches the session, as any request does) */
  lifetimeMs?: number;
  /** how often the sessions of the open streams are looked up (all in one question): a stream
   * whose session has ended (logged out, expired, its account disabled or its password
   * changed), through this server or another of its database, ends within this time */
  sessionCheckMs?: number;
  /** open streams one account may hold (its desks' tablets), and the whole server: past them a
   * stream is refused and the desk reads its guests every 20 seconds instead, so one session
   * cannot take every connection the server has */
  perAccount?: number;
  total?: number;
}

/**
 * `GET /api/<resource>/changes[?filter={"summitId":3}]`: server-sent events, one `change` event
 * (`{ "ids": [...] }`, empty when the change named none or may have been missed) each time
 * records of the list change, through this server or any other of its database: the check-in
 * desk reloads its guests when it hears one, so a check-in at another door shows within a
 * moment. Only the ids go out, never the records (the desk reads them as its role may); only
 * a list the role may read; a filter names links only (a summit's guests), so it cannot be used
 * to probe values. The stream ends when the server stops listening, so a restart does not wait
 * for open desks.
 */
export function changeRoutes(
  deps: { records: Pick<RecordStore, 'get' | 'changes'>; sessions?: Pick<SessionStore, 'live'> },
  options: ChangeStreamOptions = {},
) {
  return changeStreams(deps, options).router;
}

/** A check-in wall's key, as its summit (src/server/checkin/wall.ts): null when it opens nothing. */
export type WallKeys = (key: string, req: Request) => Promise<{ summitId: unknown } | null>;

/**
 * The change streams: `router` for a session's, and `wallRouter` (mounted before the session
 * check) for a check-in wall's, `GET /api/wall/<key>/changes`: a summit's guests, opened by the
 * wall's key instead of a session, so a projector's wall goes on through a server restart. The
 * two share the limits on open streams.
 */
export function changeStreams(
  {
    records,
    sessions,
    wall,
  }: { records: Pick<RecordStore, 'get' | 'changes'>; sessions?: Pick<SessionStore, 'live'>; wall?: WallKeys },
  options: ChangeStreamOptions = {},
) {
  const { changes } = records;
  const {
    heartbeatMs = 15_000,
    lifetimeMs = 5 * 60_000,
    sessionCheckMs = 2_000,
    perAccount = 16,
    total = 2_000,
  } = options;
  const router = express.Router();
  const open = new Map<unknown, number>();
  let opened = 0;

  /** The open streams' sessions, looked up together every sessionCheckMs while any is open:
   * the streams of a session no longer live end (the browser's reconnection then meets 401). */
  const watched = new Map<() => void, string>();
  let checking: NodeJS.Timeout | null = null;
  const checkSessions = async () => {
    if (!sessions || watched.size === 0) return;
    const live = await sessions.live([...new Set(watched.values())]).catch(() => null);
    // the sessions could not be read (the database away a moment): the streams go on
    if (!live) return;
    for (const [end, id] of [...watched]) if (!live.has(id)) end();
  };
  const watch = (end: () => void, sessionId: string) => {
    watched.set(end, sessionId);
    if (checking || !sessions) return;
    let running = false;
    checking = setInterval(() => {
      if (running) return;
      running = true;
      void checkSessions().finally(() => (running = false));
    }, sessionCheckMs);
    checking.unref();
  };
  const unwatch = (end: () => void) => {
    watched.delete(end);
    if (watched.size === 0 && checking) {
      clearInterval(checking);
      checking = null;
    }
  };

  router.get(
    '/:resource/changes',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      const resource = resourceFor(req.params.resource, res.locals.user.role as Role, 'read', lang);
      const filter = linksOf(req.query.filter, (field) => getField(resource, field)?.type === 'reference');
      if (!filter) throw new HttpError(400, message(lang, 'badRequest'));
      openStream(req, res, lang, resource, filter, res.locals.user.id, readSessionId(req) ?? '');
    }),
  );

  const wallRouter = express.Router();
  wallRouter.get(
    '/wall/:key/changes',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      const opened = wall ? await wall(req.params.key, req) : null;
      if (!opened) throw new HttpError(404, message(lang, 'notFound'));
      const filter = { summitId: opened.summitId as string | number };
      openStream(req, res, lang, resourceByName.attendees, filter, `wall:${req.params.key}`, null);
    }),
  );

  /** One open stream: `change` events for the rows of `resource` the filter names, until the
   * client goes, the server stops, its lifetime ends or (a session's) the session ends. */
  function openStream(
    req: Request,
    res: Response,
    lang: Lang,
    resource: ResourceDef,
    filter: Record<string, string | number>,
    account: unknown,
    sessionId: string | null,
  ) {
    if ((open.get(account) ?? 0) >= perAccount || opened >= total)
      throw new HttpError(429, message(lang, 'tooManyStreams'));
    open.set(account, (open.get(account) ?? 0) + 1);
    opened++;

    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform: the compression middleware leaves the stream as it is written
      'Cache-Control': 'no-store, no-transform',
      'X-Accel-Buffering': 'no',
      // the connection goes with the stream: a server that stops is not kept waiting by it
      Connection: 'close',
    });
    // the browser opens a stream again one second after it ends
    res.write('retry: 1000\n\n');
    const send = (ids: unknown[]) => {
      res.write(`event: change\ndata: ${JSON.stringify({ ids })}\n\n`);
      (res as Response & { flush?: () => void }).flush?.();
    };

    const heard = async (change: Heard) => {
      if (change.kind === 'resync' || change.kind === 'schema') return send([]);
      if (change.kind !== 'records' || change.resource !== resource.name) return;
      const wanted = Object.entries(filter);
      if (wanted.length === 0 || change.ids.length === 0) return send(change.ids);
      const rows = await records.get(resource.name, change.ids);
      // a row gone (deleted) may have been one of ours
      const ours = rows.length < change.ids.length || rows.some((row) => wanted.every(([f, v]) => sameId(row[f], v)));
      if (ours && !res.writableEnded) send(change.ids);
    };
    const stop = changes.subscribe((change) => void heard(change).catch(() => send([])));
    const server = (req.socket as typeof req.socket & { server?: Server }).server;
    const started = Date.now();
    const tick = setInterval(
      () => {
        if (server?.listening === false || Date.now() - started >= lifetimeMs) return end();
        if (Date.now() - lastBeat >= heartbeatMs) {
          lastBeat = Date.now();
          res.write(': still here\n\n');
        }
      },
      Math.min(1000, heartbeatMs),
    );
    let lastBeat = started;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(tick);
      unwatch(end);
      stop();
      opened--;
      const left = (open.get(account) ?? 1) - 1;
      if (left > 0) open.set(account, left);
      else open.delete(account);
      if (!res.writableEnded) res.end();
    };
    req.on('close', end);
    if (sessionId !== null) watch(end, sessionId);
  }
  return { router, wallRouter };
}

/** A filter of links only (`{"summitId": 3}`), or null when it names anything else. */
function linksOf(text: unknown, isLink: (field: string) => boolean): Record<string, string | number> | null {
  if (text === undefined) return {};
  if (typeof text !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  if (!entries.every(([field, v]) => isLink(field) && (typeof v === 'string' || typeof v === 'number'))) return null;
  return Object.fromEntries(entries) as Record<string, string | number>;
}
