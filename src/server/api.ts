import express, { type NextFunction, type Request, type Response } from 'express';
import { resources, roleSeesPersonalData, type ResourceDef, type Role } from '../schema';
import { createAuthRouter, requireSession, type AuthServices } from './auth/routes';
import { jsonBody } from './body';
import { DEFINITIONS, loadCustomSchema } from './customSchema';
import { wallKeys, wallRoutes } from './checkin/wall';
import { checkinRoutes } from './checkin/routes';
import { smsListRoutes } from './reply/smsList';
import { mailRoutes } from './mail/routes';
import { mailSettingsRouter } from './mail/settings';
import { hookRegistry } from './hooks';
import { HttpError, message, requestLang } from './messages';
import { aggregateRoutes } from './routes/aggregate';
import { historyRoutes } from './routes/history';
import { changeStreams } from './routes/changes';
import { followSchema } from './changes';
import { exportRoutes } from './routes/export';
import type { ServerContext } from './routes/context';
import { importRoutes } from './routes/import';
import { recordRoutes } from './routes/records';
import { schemaRoutes } from './routes/schema';
import { ReadOnlyError } from './store/diskFull';
import { jsonServerLists } from './store/jsonServer';
import { isDatabaseUnreachable } from './store/postgres/pool';
import {
  NotDurableError,
  SEARCH_PERSONAL,
  WriteConflictError,
  type ListQuery,
  type RecordStore,
} from './store/recordStore';
import type { Data } from './store/store';

export interface ApiOptions extends AuthServices {
  /** largest request body, as body-parser understands it ('1mb') */
  bodyLimit?: string;
  /** largest import (a spreadsheet's rows as JSON), in bytes */
  importLimit?: number;
  /** the time, for what "today" means (overdue); tests set it */
  now?: () => number;
  /** every list through json-server's own router, as the reference the fast path must agree
   * with (tests run both) */
  plainPaths?: boolean;
  /** the embedded store's memory, which json-server's router answers from under `plainPaths` */
  reference?: Data;
  /** where guests open their reply links (mail/routes.ts) */
  publicUrl?: string;
}

/** The schema admins extended, from the stored definitions: at start, and after each change. */
export async function loadSchemaFrom(records: RecordStore) {
  return loadCustomSchema(await records.load(DEFINITIONS));
}

/** Turns the search box's text into the ids it matches, so json-server never searches ids,
 * codes or timestamps. */
async function applySearch(records: RecordStore, resource: ResourceDef, query: ListQuery, role: Role) {
  if (query.q === undefined) return;
  // searched by the store with the filters (PostgreSQL: in the same statement)
  if (records.searchesInList) {
    (query as ListQuery & { [SEARCH_PERSONAL]?: boolean })[SEARCH_PERSONAL] = roleSeesPersonalData(role);
    return;
  }
  const ids = await records.search(resource, String(query.q), roleSeesPersonalData(role));
  delete query.q;
  const wanted = query.id === undefined ? ids : ids.filter((id) => ([] as string[]).concat(query.id).includes(id));
  query.id = wanted.length > 0 ? wanted : ['\u0000no match'];
}

/**
 * The REST API, as routers that each read top to bottom: accounts (src/server/auth/routes.ts),
 * then, with a session, imports, the schema's additions, figures, and the records themselves.
 * Every write goes the one way: checks, one write of the store (store/recordStore.ts: the embedded store's store/embeddedCommit.ts, PostgreSQL's transaction), what the role may see.
 */
export function createApi(options: ApiOptions) {
  const { sessions, bodyLimit = '1mb', importLimit = IMPORT_LIMIT, now = Date.now, plainPaths = false } = options;
  const { records } = options;
  const services = options;
  if (plainPaths && !options.reference) throw new Error('json-server answers lists only over the embedded store');
  const reference = plainPaths ? jsonServerLists(options.reference!) : null;
  const server: ServerContext = {
    records,
    now,
    hooks: hookRegistry({
      endSessionsOf: (userId) => sessions.endAllOf(userId),
      // a definition changed: the next request already meets the new schema
      rebuildSchema: async () => {
        await loadSchemaFrom(records);
        reference?.remake();
      },
    }),
    listPage: async (req, res, resource, query) =>
      reference ? reference.page(req, res, resource.name, query) : records.page(resource.name, query),
    scanRows: async (req, res, resource, query, size) => {
      if (!reference) return records.scan(resource.name, query, size);
      // json-server's answer is whole: one page
      const { page, total } = await reference.page(req, res, resource.name, query);
      return {
        total,
        pages: (async function* () {
          yield page;
        })(),
      };
    },
    applySearch: (resource, query, role) => applySearch(records, resource, query, role),
  };
  // a definition another server of the database committed: this one meets it too
  followSchema(records.changes, async () => {
    await loadSchemaFrom(records);
    reference?.remake();
  });

  const api = express.Router();
  api.use((req, _res, next) => {
    // Memory may hold a change the disk refused: answer nothing until a restart re-reads it.
    if (records.failure) throw new HttpError(503, message(requestLang(req), 'diskFailed'));
    next();
  });
  // Imports are large and parsed only once the session is known; everything else is small.
  const smallJson = jsonBody({ limit: bodyLimit, strict: false });
  api.use((req, res, next) => (IMPORT_PATH.test(req.path) ? next() : smallJson(req, res, next)));
  api.use('/auth', createAuthRouter(services));
  // a check-in wall in the hall: its own key, not a session (it outlives a restart)
  const keys = wallKeys(records, services.throttle, now);
  const walls = wallRoutes(records, keys, now);
  const streams = changeStreams({ records, sessions, wall: keys });
  api.use(walls.open);
  api.use(streams.wallRouter);
  api.use(requireSession(services));
  // before the records' routes, whose GET /:resource/:id would take /attendees/changes
  api.use(streams.router);
  api.use(walls.withSession);
  api.use(importRoutes(server, importLimit));
  api.use(schemaRoutes(server));
  api.use(aggregateRoutes(server));
  api.use(exportRoutes(server));
  api.use('/settings/mail', mailSettingsRouter(records));
  api.use(mailRoutes(records, now, options.publicUrl));
  api.use(smsListRoutes(records, now, options.publicUrl));
  api.use(checkinRoutes(records, now));
  api.use(historyRoutes(records));
  api.use(recordRoutes(server));
  return api;
}

const IMPORT_PATH = /^\/[^/]+\/import\/?$/;

/** The largest import body: a full guest list (15 columns filled, Chinese names, notes) is
 * 11 MB for the 50,000 rows an import may have (MAX_IMPORT_ROWS); this leaves room for wider
 * lists and longer notes, and refuses the 57 MB that held the server. */
export const IMPORT_LIMIT = 20 * 1024 * 1024;

export const EXPOSED_HEADERS = 'Content-Range, X-Total-Count, Location, X-Export-Rows, Content-Disposition';

/** When a write that met other writes in its way every time is worth sending again. */
export const WRITE_BUSY_RETRY_S = 2;

/** PostgreSQL's refusal of text no column can hold: a NUL (22021), a character its encoding
 * lacks (22P05), half of a character in JSON (22P02, "Unicode low surrogate …"). */
const unstorableText = (error: unknown) => {
  const { code, detail, message: text } = (error ?? {}) as { code?: string; detail?: string; message?: string };
  return (
    code === '22021' || code === '22P05' || (code === '22P02' && /unicode|surrogate|\\u0000/i.test(`${detail} ${text}`))
  );
};

/** Answers every error as JSON { message, ... }; never a stack trace. */
export function apiErrorHandler(error: unknown, req: Request, res: Response, _next: NextFunction) {
  const lang = requestLang(req);
  const e = error as { type?: string; status?: number; limit?: number };
  if (error instanceof HttpError) {
    res.status(error.status).json({ message: error.message, ...error.body });
  } else if (error instanceof NotDurableError) {
    // the disk's refusal, the database's, or a commit no one can confirm (it may be saved):
    // before a lost connection's 503, since a COMMIT on its way may have been kept
    const key = { disk: 'diskFailed', refused: 'commitRefused', unknown: 'commitUnknown' } as const;
    console.error(error);
    res
      .status(500)
      .json({ message: message(lang, key[error.outcome]), saved: error.outcome === 'unknown' ? null : false });
  } else if (unstorableText(error)) {
    // text PostgreSQL cannot hold (a NUL, half a character) in a filter, a name, a setting
    res.status(400).json({ message: message(lang, 'badText') });
  } else if (isDatabaseUnreachable(error)) {
    // PostgreSQL down or restarting: one line, not a stack per request; the pool reconnects
    console.error(`the database cannot be reached: ${(error as Error).message}`);
    res.setHeader('Retry-After', '1');
    res.status(503).json({ message: message(lang, 'databaseUnavailable') });
  } else if (error instanceof WriteConflictError) {
    // contention, not the client's mistake (a 409 here means "look at their change, then
    // decide", and the app acts on it so): the same request, sent again shortly, may well pass
    res.setHeader('Retry-After', String(WRITE_BUSY_RETRY_S));
    res.status(503).json({ message: message(lang, 'writeBusy', { seconds: WRITE_BUSY_RETRY_S }) });
  } else if (error instanceof ReadOnlyError) {
    res.status(503).json({ message: message(lang, 'readOnly') });
  } else if (e.type === 'entity.too.large') {
    res.status(413).json({ message: message(lang, 'tooLarge', { limit: `${Math.round((e.limit ?? 0) / 1024)} KB` }) });
  } else if (e.type === 'entity.parse.failed') {
    res.status(400).json({ message: message(lang, 'malformedJson') });
  } else if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    // body-parser and express name the client's mistakes (bad charset, bad encoding, bad URL)
    res.status(e.status).json({ message: message(lang, 'badRequest') });
  } else {
    console.error(error);
    res.status(500).json({ message: message(lang, 'internal') });
  }
}

export const collections = resources.map((r) => r.name);
