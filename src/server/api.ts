import express, { type NextFunction, type Request, type Response } from 'express';
import jsonServer from 'json-server';
import { resourceByName, resources } from '../schema';
import { handleDependants } from './deletes';
import { HttpError, message, requestLang } from './messages';
import { contentRange, QueryError, translateListQuery } from './protocol';
import { findById } from './records';
import type { JournalEntry } from './store/journal';
import type { Store } from './store/store';
import { prepareWrite } from './writes';

export interface ApiOptions {
  store: Store;
  /** largest request body, as body-parser understands it ('1mb') */
  bodyLimit?: string;
}

export const EXPOSED_HEADERS = 'Content-Range, X-Total-Count, Location';

interface Locals {
  resource?: string;
  start?: number;
  journal?: JournalEntry[];
  deleted?: unknown;
}

const locals = (res: Response) => res.locals as Locals & { data?: unknown };

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

  api.use(express.json({ limit: bodyLimit, strict: false }));

  api.use('/:resource/:id?', (req: Request, res: Response, next: NextFunction) => {
    const resource = resourceByName[req.params.resource];
    const lang = requestLang(req);
    // X-HTTP-Method-Override would let a POST reach json-server as a DELETE past the edge.
    delete req.headers['x-http-method-override'];
    const id = req.params.id;
    if (!resource || req.path.split('/').filter(Boolean).length > 0) {
      throw new HttpError(404, message(lang, 'noRoute'));
    }
    locals(res).resource = resource.name;
    locals(res).journal = [];
    const rows = data[resource.name];
    const existing = id === undefined ? undefined : findById(rows, id);
    if (id !== undefined && !existing) throw new HttpError(404, message(lang, 'notFound'));

    switch (req.method) {
      case 'GET':
        if (id === undefined) {
          try {
            const { query, start } = translateListQuery(resource, req.query as Record<string, unknown>);
            req.query = query;
            locals(res).start = start;
          } catch (error) {
            if (error instanceof QueryError) throw new HttpError(400, message(lang, 'badQuery', { detail: error.message }));
            throw error;
          }
        } else req.query = {};
        break;
      case 'POST':
        if (id !== undefined) throw new HttpError(404, message(lang, 'noRoute'));
        req.body = prepareWrite(data, resource, req, lang);
        break;
      case 'PUT':
      case 'PATCH':
        if (id === undefined) throw new HttpError(404, message(lang, 'noRoute'));
        // PUT merges: ra-data-simple-rest's updateMany sends partial records.
        req.method = 'PATCH';
        req.body = prepareWrite(data, resource, req, lang, existing);
        break;
      case 'DELETE':
        if (id === undefined) throw new HttpError(404, message(lang, 'noRoute'));
        locals(res).journal = handleDependants(data, resourceByName, resource, id, req.query.cascade === 'true', lang);
        locals(res).deleted = { ...existing };
        break;
      case 'OPTIONS':
      case 'HEAD':
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
    if (req.method === 'GET') {
      if (Array.isArray(payload)) {
        const total = Number(res.getHeader('X-Total-Count') ?? payload.length);
        res.setHeader('Content-Range', contentRange(name, local.start ?? 0, payload.length, total));
      }
      res.json(payload);
      return;
    }
    const entries = local.journal ?? [];
    const record = payload as { id: number };
    if (req.method === 'DELETE') entries.push({ r: name, del: (local.deleted as { id: number }).id });
    else entries.push({ r: name, put: { ...record } });
    store.journal.append(entries).then(
      () => res.json(req.method === 'DELETE' ? local.deleted : payload),
      (error: Error) => {
        console.error('journal write failed', error);
        res.status(500).json({ message: message(requestLang(req), 'diskFailed') });
      },
    );
  };
  // json-server's own error handler answers with the stack trace; let ours answer instead.
  router.stack = router.stack.filter((layer) => layer.handle.length !== 4);
  api.use(router);
  return api;
}

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
  } else {
    console.error(error);
    res.status(500).json({ message: message(lang, 'internal') });
  }
}

export const collections = resources.map((r) => r.name);
