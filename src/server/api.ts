import express, { type NextFunction, type Request, type Response } from 'express';
import jsonServer from 'json-server';
import { resourceByName, resources, type ResourceDef } from '../schema';
import { handleDependants } from './deletes';
import { HttpError, message, requestLang } from './messages';
import { contentRange, QueryError, translateListQuery } from './protocol';
import { findById } from './records';
import { searchIds } from './search';
import type { JournalEntry } from './store/journal';
import type { Store } from './store/store';
import { prepareWrite } from './writes';

export interface ApiOptions {
  store: Store;
  /** largest request body, as body-parser understands it ('1mb') */
  bodyLimit?: string;
}

interface Locals {
  resource?: string;
  start?: number;
  journal?: JournalEntry[];
  deleted?: unknown;
  data?: unknown;
}

const locals = (res: Response) => res.locals as Locals;

/** Own properties only: `/api/constructor` is not a resource. */
const lookupResource = (name: string): ResourceDef | undefined =>
  Object.hasOwn(resourceByName, name) ? resourceByName[name] : undefined;

/** Turns the search box's text into the ids it matches, so json-server never searches ids,
 * codes or timestamps. */
function applySearch(store: Store, resource: ResourceDef, query: Record<string, string | string[]>) {
  if (query.q === undefined) return;
  const ids = searchIds(store.data, resource, String(query.q));
  delete query.q;
  const wanted = query.id === undefined ? ids : ids.filter((id) => ([] as string[]).concat(query.id).includes(id));
  query.id = wanted.length > 0 ? wanted : ['\u0000no match'];
}

/**
 * The REST API: an edge that speaks ra-data-simple-rest and validates against the schema, in
 * front of json-server's router, whose answers are journalled to disk before they are sent.
 * An auth layer slots in with one `api.use(...)` before the edge.
 */
export function createApi({ store, bodyLimit = '1mb' }: ApiOptions) {
  const api = express.Router();
  // foreignKeySuffix that matches nothing: json-server's own cascade would also delete rows
  // whose optional reference is null; the schema-aware edge handles dependants instead.
  const router = jsonServer.router(store.data, { foreignKeySuffix: '\u0000' }) as ReturnType<typeof jsonServer.router> & {
    render: (req: Request, res: Response) => void;
  };
  const data = store.data;

  api.use((req, _res, next) => {
    // Memory may hold a change the disk refused: answer nothing until a restart re-reads it.
    if (store.journal.failure) throw new HttpError(503, message(requestLang(req), 'diskFailed'));
    next();
  });
  api.use(express.json({ limit: bodyLimit, strict: false }));

  api.use('/:resource/:id?', (req: Request, res: Response, next: NextFunction) => {
    const resource = lookupResource(req.params.resource);
    const lang = requestLang(req);
    // X-HTTP-Method-Override would let a POST reach json-server as a DELETE past the edge.
    delete req.headers['x-http-method-override'];
    const id = req.params.id;
    if (!resource || req.path !== '/') throw new HttpError(404, message(lang, 'noRoute'));
    locals(res).resource = resource.name;
    locals(res).journal = [];
    const existing = id === undefined ? undefined : findById(data[resource.name], id);
    if (id !== undefined && !existing) throw new HttpError(404, message(lang, 'notFound'));
    const needsId = req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST';
    if ((req.method === 'POST' && id !== undefined) || (needsId && id === undefined)) {
      throw new HttpError(404, message(lang, 'noRoute'));
    }

    switch (req.method) {
      case 'GET':
      case 'HEAD':
        if (id === undefined) {
          try {
            const { query, start } = translateListQuery(resource, req.query as Record<string, unknown>);
            applySearch(store, resource, query);
            req.query = query;
            locals(res).start = start;
          } catch (error) {
            if (error instanceof QueryError) throw new HttpError(400, message(lang, 'badQuery', { detail: error.message }));
            throw error;
          }
        } else req.query = {};
        break;
      case 'POST':
        req.body = { ...prepareWrite(data, resource, req, lang), id: store.takeId(resource.name) };
        break;
      case 'PUT':
      case 'PATCH':
        // PUT merges: ra-data-simple-rest's updateMany sends partial records.
        req.method = 'PATCH';
        req.body = prepareWrite(data, resource, req, lang, existing);
        break;
      case 'DELETE':
        locals(res).journal = handleDependants(data, resourceByName, resource, id, req.query.cascade === 'true', lang);
        locals(res).deleted = { ...existing };
        break;
      default:
        throw new HttpError(405, message(lang, 'noRoute'));
    }
    next();
  });

  // Every answer json-server would send passes here: journal first, then answer.
  router.render = (req: Request, res: Response) => {
    const local = locals(res);
    const name = local.resource!;
    const payload = local.data;
    // json-server sets its own list of exposed headers; ours must win.
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    if (res.statusCode === 404) {
      res.json({ message: message(requestLang(req), 'notFound') });
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (Array.isArray(payload)) {
        const total = Number(res.getHeader('X-Total-Count') ?? payload.length);
        res.setHeader('Content-Range', contentRange(name, local.start ?? 0, payload.length, total));
      }
      res.json(payload);
      return;
    }
    const entries = local.journal ?? [];
    // A copy now: the stored row may change again before the disk answers.
    const answer = req.method === 'DELETE' ? local.deleted : { ...(payload as object) };
    if (req.method === 'DELETE') entries.push({ r: name, del: (local.deleted as { id: number }).id });
    else entries.push({ r: name, put: answer as { id: number } });
    store.journal.append(entries).then(
      () => res.json(answer),
      (error: Error) => {
        console.error('journal write failed; stopping writes until restart', error);
        res.status(500).json({ message: message(requestLang(req), 'diskFailed') });
      },
    );
  };
  // json-server's own error handler answers with the stack trace; let ours answer instead.
  router.stack = router.stack.filter((layer) => layer.handle.length !== 4);
  // json-server pauses every collection route for 1 ms (its `delay` middleware). That gap
  // would let another request change a record between the edge's checks and the write; with
  // it gone, check and write happen in one turn of the event loop, with nothing in between.
  for (const layer of router.stack) {
    const sub = layer.handle as { stack?: { handle: { name: string } }[] };
    if (sub.stack) sub.stack = sub.stack.filter((inner) => inner.handle.name !== 'delay');
  }
  api.use(router);
  return api;
}

export const EXPOSED_HEADERS = 'Content-Range, X-Total-Count, Location';

/** Answers every error as JSON { message, ... }; never a stack trace. */
export function apiErrorHandler(error: unknown, req: Request, res: Response, _next: NextFunction) {
  const lang = requestLang(req);
  const e = error as { type?: string; status?: number; limit?: number };
  if (error instanceof HttpError) {
    res.status(error.status).json({ message: error.message, ...error.body });
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
