import express, { type NextFunction, type Request, type Response } from 'express';
import jsonServer from 'json-server';
import {
  allows,
  DEFINITION_RESOURCES,
  enums,
  getField,
  importable,
  maskPersonal,
  planPickups,
  resourceByName,
  resources,
  roleSeesPersonalData,
  systemFields,
  type Lang,
  type ResourceDef,
  type Role,
} from '../schema';
import { actorOf, type AuditTrail } from './audit';
import { createAuthRouter, requireSession, type AuthServices } from './auth/routes';
import { hashPassword } from './auth/passwords';
import { aggregate } from './aggregates';
import { createListPath } from './listPath';
import { queryMatcher } from './query';
import { handleDependants } from './deletes';
import { runImport } from './import';
import { asyncHandler, HttpError, message, requestLang } from './messages';
import { contentRange, QueryError, translateListQuery } from './protocol';
import { findById, type Row } from './records';
import { createSearch } from './search';
import { schemaGeneration } from '../schema/custom';
import { changeRow, customRows, loadCustomSchema, planListDelete } from './customSchema';
import type { JournalEntry } from './store/journal';
import type { Store } from './store/store';
import { guardLastAdmin, withoutSecrets } from './users';
import { prepareCreate, prepareParentUpdate, prepareUpdate, type ParentUpdate, type WriteContext } from './writes';

export interface ApiOptions extends AuthServices {
  /** largest request body, as body-parser understands it ('1mb') */
  bodyLimit?: string;
  /** largest import (a spreadsheet's rows as JSON) */
  importLimit?: string;
  /** the time, for what "today" means (overdue); tests set it */
  now?: () => number;
  /** every list and create through json-server's own router, as the reference the fast path
   * must agree with (tests run both) */
  plainPaths?: boolean;
}

interface Locals {
  user: Row;
  resource?: ResourceDef;
  start?: number;
  journal?: JournalEntry[];
  before?: Row;
  data?: unknown;
  /** what a new record changes in the record it refers to (a follow-up in its agreement) */
  parent?: ParentUpdate | null;
}

const locals = (res: Response) => res.locals as Locals;

/** Own properties only: `/api/constructor` is not a resource. */
const lookupResource = (name: string): ResourceDef | undefined =>
  Object.hasOwn(resourceByName, name) ? resourceByName[name] : undefined;

const roleLabel = (role: unknown, lang: Lang) => enums.userRole.find((o) => o.id === role)?.label[lang] ?? String(role);

function forbid(lang: Lang, role: unknown, resource: ResourceDef, action: 'read' | 'write') {
  const verb = { read: { zh: '查看', en: 'read' }, write: { zh: '修改', en: 'change' } }[action][lang];
  return new HttpError(
    403,
    message(lang, 'forbidden', { role: roleLabel(role, lang), action: verb, resource: resource.label[lang] }),
  );
}

/** What a role gets to see of a record: never a password hash; personal data masked for viewers. */
function present(resource: ResourceDef, row: Row, role: Role): Row {
  const shown = withoutSecrets(row);
  // values of fields an admin hid or deleted stay stored, unserved, until the field is back
  const known = knownKeys(resource);
  for (const key of Object.keys(shown)) if (!known.has(key)) delete shown[key];
  if (roleSeesPersonalData(role)) return shown;
  for (const field of resource.fields)
    if (field.personal && shown[field.source] != null) shown[field.source] = maskPersonal(shown[field.source]);
  return shown;
}

const keysOf = new WeakMap<ResourceDef, { generation: number; keys: Set<string> }>();
/** The keys a record of this resource is served with: its fields (as the schema is now) and the system's. */
function knownKeys(resource: ResourceDef) {
  let kept = keysOf.get(resource);
  if (!kept || kept.generation !== schemaGeneration()) {
    kept = {
      generation: schemaGeneration(),
      keys: new Set([...systemFields, ...resource.fields.map((f) => f.source)]),
    };
    keysOf.set(resource, kept);
  }
  return kept.keys;
}

/** Viewers may not filter or group by personal data: they could find out a masked number. */
function refusePersonal(resource: ResourceDef, keys: string[], role: Role, lang: Lang) {
  if (roleSeesPersonalData(role)) return;
  const personal = keys
    .map((key) => getField(resource, key.replace(/_(gte|lte|ne|like)$/, '')))
    .find((f) => f?.personal);
  if (personal) throw new HttpError(403, message(lang, 'personalFilter', { field: personal.label[lang] }));
}

/** Turns the search box's text into the ids it matches, so json-server never searches ids,
 * codes or timestamps. */
function applySearch(
  search: ReturnType<typeof createSearch>,
  resource: ResourceDef,
  query: Record<string, string | string[]>,
  role: Role,
) {
  if (query.q === undefined) return;
  const ids = search(resource, String(query.q), roleSeesPersonalData(role));
  delete query.q;
  const wanted = query.id === undefined ? ids : ids.filter((id) => ([] as string[]).concat(query.id).includes(id));
  query.id = wanted.length > 0 ? wanted : ['\u0000no match'];
}

/**
 * The REST API: login, then an edge that checks the session and the role, speaks
 * ra-data-simple-rest and validates against the schema, in front of json-server's router,
 * whose answers are journalled to disk (with their audit entries) before they are sent.
 */
export function createApi(options: ApiOptions) {
  const { store, audit, bodyLimit = '1mb', importLimit = '64mb', now = Date.now, plainPaths = false } = options;
  // the schema admins extended, from the stored definitions (see src/schema/custom.ts)
  loadCustomSchema(store.data);
  const listPage = createListPath(store, resourceByName);
  const search = createSearch(store);
  const api = express.Router();
  const data = store.data;
  // Records from before versions existed start at 1.
  for (const resource of resources) for (const row of data[resource.name] ?? []) row.version ??= 1;

  api.use((req, _res, next) => {
    // Memory may hold a change the disk refused: answer nothing until a restart re-reads it.
    if (store.journal.failure) throw new HttpError(503, message(requestLang(req), 'diskFailed'));
    next();
  });
  // Imports are large and parsed only once the session is known; everything else is small.
  const smallJson = express.json({ limit: bodyLimit, strict: false });
  api.use((req, res, next) => (IMPORT_PATH.test(req.path) ? next() : smallJson(req, res, next)));
  api.use('/auth', createAuthRouter(options));
  api.use(requireSession(options));
  api.post(
    '/:resource/import',
    // who may import is known before a large body is read
    (req, res, next) => {
      const lang = requestLang(req);
      const resource = lookupResource(req.params.resource);
      if (!resource) throw new HttpError(404, message(lang, 'noRoute'));
      const user = locals(res).user;
      if (!allows(user.role as Role, resource, 'write')) throw forbid(lang, user.role, resource, 'write');
      if (!importable(resource))
        throw new HttpError(400, message(lang, 'notImportable', { resource: resource.label[lang] }));
      locals(res).resource = resource;
      next();
    },
    express.json({ limit: importLimit }),
    asyncHandler(async (req, res) => {
      const report = await runImport({
        store,
        audit,
        actor: actorOf(locals(res).user),
        role: locals(res).user.role as Role,
        resource: locals(res).resource!,
        body: req.body,
        dryRun: dryRunOf(req),
        lang: requestLang(req),
        now: now(),
      });
      res.json(report);
    }),
  );

  // The admins' additions to the schema, for the app to apply: every signed-in user needs them.
  // Only the lists a role may read, and their fields: a list kept to admins stays unnamed to others.
  api.get('/schema', (_req, res) => {
    const role = locals(res).user.role as Role;
    const rows = customRows(data);
    // a hidden list has no resource: only admins see its definition
    const hidden = new Set(
      rows.customResources
        .filter(
          (row) => role !== 'admin' && !(resourceByName[row.name] && allows(role, resourceByName[row.name], 'read')),
        )
        .map((row) => row.name),
    );
    res.json({
      customResources: rows.customResources.filter((row) => !hidden.has(row.name)),
      customFields: rows.customFields.filter((row) => !hidden.has(row.resource)),
    });
  });

  // a summit's pick-ups: arrivals by day, station and hour; guests nobody meets; double-booked drivers
  api.get(
    '/attendees/pickups',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      const resource = resourceByName.attendees;
      const role = locals(res).user.role as Role;
      if (!allows(role, resource, 'read')) throw forbid(lang, role, resource, 'read');
      try {
        const { query } = translateListQuery(
          resource,
          { filter: (req.query as Record<string, unknown>).filter },
          now(),
          locals(res).user,
        );
        refusePersonal(resource, Object.keys(query), role, lang);
        applySearch(search, resource, query, role);
        const guests = (data.attendees ?? []).filter(queryMatcher(query));
        const plan = planPickups(guests);
        const involved = new Set(plan.groups.flatMap((g) => g.ids));
        res.json({ ...plan, guests: guests.filter((g) => involved.has(g.id)).map((g) => present(resource, g, role)) });
      } catch (error) {
        if (error instanceof QueryError) throw new HttpError(400, message(lang, 'badQuery', { detail: error.message }));
        throw error;
      }
    }),
  );

  api.get(
    '/:resource/aggregate',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      const resource = lookupResource(req.params.resource);
      if (!resource) throw new HttpError(404, message(lang, 'noRoute'));
      const role = locals(res).user.role as Role;
      if (!allows(role, resource, 'read')) throw forbid(lang, role, resource, 'read');
      const raw = req.query as Record<string, unknown>;
      const text = (name: string) => (typeof raw[name] === 'string' ? (raw[name] as string) : undefined);
      try {
        const { query } = translateListQuery(resource, { filter: raw.filter }, now(), locals(res).user);
        const groupBy = text('groupBy');
        const asked = [groupBy?.split(':')[0], text('sum'), text('max')].filter((s): s is string => !!s);
        refusePersonal(resource, [...Object.keys(query), ...asked], role, lang);
        applySearch(search, resource, query, role);
        const top = text('top') === undefined ? undefined : Number(text('top'));
        if (top !== undefined && !(Number.isInteger(top) && top > 0)) throw new QueryError('"top" must be a count');
        res.json(
          aggregate(store.data[resource.name] ?? [], resource, query, {
            groupBy,
            sum: text('sum'),
            max: text('max'),
            top,
          }),
        );
      } catch (error) {
        if (error instanceof QueryError) throw new HttpError(400, message(lang, 'badQuery', { detail: error.message }));
        throw error;
      }
    }),
  );

  api.use(
    '/:resource/:id?',
    asyncHandler(async (req, res, next) => {
      const lang = requestLang(req);
      const resource = lookupResource(req.params.resource);
      // X-HTTP-Method-Override would let a POST reach json-server as a DELETE past the edge.
      delete req.headers['x-http-method-override'];
      if (!resource || req.path !== '/') throw new HttpError(404, message(lang, 'noRoute'));
      const user = locals(res).user;
      const role = user.role as Role;
      const reading = req.method === 'GET' || req.method === 'HEAD';
      if (!allows(role, resource, reading ? 'read' : 'write'))
        throw forbid(lang, role, resource, reading ? 'read' : 'write');
      // scrypt is slow and asynchronous: hash first, so the checks and the write below stay in one turn
      const body = req.body as Record<string, unknown> | undefined;
      const passwordHash =
        typeof body?.password === 'string' && body.password.length >= 8 ? await hashPassword(body.password) : undefined;

      const id = req.params.id;
      locals(res).resource = resource;
      locals(res).journal = [];
      const existing = id === undefined ? undefined : findById(data[resource.name], id);
      if (id !== undefined && !existing) throw new HttpError(404, message(lang, 'notFound'));
      if ((req.method === 'POST' && id !== undefined) || (!reading && req.method !== 'POST' && id === undefined)) {
        throw new HttpError(404, message(lang, 'noRoute'));
      }
      // a write's body is JSON or nothing: a form or text body would pass unchecked
      if (!reading && req.method !== 'DELETE' && req.headers['content-type'] && !req.is('application/json'))
        throw new HttpError(415, message(lang, 'notJson'));
      if (!reading && (!body || typeof body !== 'object' || Array.isArray(body)) && req.method !== 'DELETE') {
        throw new HttpError(400, message(lang, 'notObject'));
      }
      const ctx: WriteContext = { data, audit, actor: actorOf(user), lang, passwordHash, now: now() };
      locals(res).before = existing && { ...existing };

      switch (req.method) {
        case 'GET':
        case 'HEAD':
          if (id !== undefined) {
            req.query = {};
            break;
          }
          try {
            const { query, start } = translateListQuery(resource, req.query as Record<string, unknown>, now(), user);
            refusePersonal(resource, Object.keys(query), role, lang);
            applySearch(search, resource, query, role);
            req.query = query;
            locals(res).start = start;
            if (!plainPaths) {
              // json-server sorts every row on every request (and compares each with every id a
              // search matched): answered here instead, the same way (see listPath.ts)
              const { page, total } = listPage(resource.name, query);
              res.setHeader('X-Total-Count', String(total));
              locals(res).data = page;
              render(req, res);
              return;
            }
          } catch (error) {
            if (error instanceof QueryError)
              throw new HttpError(400, message(lang, 'badQuery', { detail: error.message }));
            throw error;
          }
          break;
        case 'POST': {
          const record = prepareCreate(ctx, resource, body!);
          locals(res).parent = prepareParentUpdate(ctx, resource, record, resourceByName);
          locals(res).journal = applyConversions(ctx);
          req.body = { ...record, id: store.takeId(resource.name) };
          if (!plainPaths) {
            // json-server's insert looks for the new id among every row first; the id is ours
            // and new, so the row is added here, answered as json-server answers (201, Location)
            (data[resource.name] ??= []).push(req.body);
            res.status(201).location(`${req.protocol}://${req.get('host')}${req.originalUrl}/${req.body.id}`);
            locals(res).data = req.body;
            render(req, res);
            return;
          }
          break;
        }
        case 'PUT':
        case 'PATCH': {
          // PUT merges: ra-data-simple-rest's updateMany sends partial records.
          req.method = 'PATCH';
          req.body = prepareUpdate(ctx, resource, body!, existing!);
          if (resource.name === 'users') guardLastAdmin(data, existing!, { ...existing!, ...req.body }, lang);
          locals(res).journal = applyConversions(ctx);
          break;
        }
        case 'DELETE':
          if (resource.name === 'users') guardLastAdmin(data, existing!, null, lang);
          locals(res).journal = handleDependants(ctx, resourceByName, resource, id, req.query.cascade === 'true');
          if (resource.name === 'customResources') locals(res).journal!.push(...planListDelete(ctx, existing!));
          break;
        default:
          throw new HttpError(405, message(lang, 'noRoute'));
      }
      next();
    }),
  );

  /** Values a schema change converts (a text field become a number): changed now, in the same
   * turn as the definition, and journalled in the same line. */
  function applyConversions(ctx: WriteContext): JournalEntry[] {
    return (ctx.conversions ?? []).flatMap(({ resource: name, row, fields }) =>
      changeRow(audit, ctx.actor, name, row, fields),
    );
  }

  // Every answer json-server would send passes here: journal first, then answer.
  const render = (req: Request, res: Response) => {
    const local = locals(res);
    const resource = local.resource!;
    const role = local.user.role as Role;
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
        res.setHeader('Content-Range', contentRange(resource.name, local.start ?? 0, payload.length, total));
        res.json(payload.map((row: Row) => present(resource, row, role)));
      } else res.json(present(resource, payload as Row, role));
      return;
    }
    const entries = local.journal ?? [];
    const actor = actorOf(local.user);
    let answer: Row;
    if (req.method === 'DELETE') {
      answer = local.before!;
      entries.push({ r: resource.name, del: answer.id });
      const trail = audit.record(actor, 'delete', resource.name, answer, null);
      if (trail) entries.push(trail);
    } else {
      // A copy now: the stored row may change again before the disk answers.
      answer = { ...(payload as Row) };
      entries.push({ r: resource.name, put: answer });
      const trail = audit.record(
        actor,
        req.method === 'POST' ? 'create' : 'update',
        resource.name,
        local.before ?? null,
        answer,
      );
      if (trail) entries.push(trail);
      // the agreement moves with its follow-up, in the same journal line
      const parent = local.parent;
      if (parent) {
        const before = { ...parent.existing };
        Object.assign(parent.existing, parent.fields);
        entries.push({ r: parent.resource.name, put: { ...parent.existing } });
        const parentTrail = audit.record(actor, 'update', parent.resource.name, before, parent.existing);
        if (parentTrail) entries.push(parentTrail);
      }
    }
    if (resource.name === 'users' && local.before?.disabled !== true && answer.disabled === true)
      options.sessions.endAllOf(answer.id as number);
    // a definition changed: the next request already meets the new schema
    if (DEFINITION_RESOURCES.has(resource.name)) {
      loadCustomSchema(data);
      router = makeRouter();
    }
    store.journal.append(entries).then(
      () => res.json(present(resource, answer, role)),
      (error: Error) => {
        console.error('journal write failed; stopping writes until restart', error);
        res.status(500).json({ message: message(requestLang(req), 'diskFailed') });
      },
    );
  };
  /** json-server's router over the live data. It routes the collections it finds when made,
   * so it is made again when an admin adds a list. */
  function makeRouter() {
    // foreignKeySuffix that matches nothing: json-server's own cascade would also delete rows
    // whose optional reference is null; the schema-aware edge handles dependants instead.
    const made = jsonServer.router(data, { foreignKeySuffix: '\u0000' }) as ReturnType<typeof jsonServer.router> & {
      render: (req: Request, res: Response) => void;
    };
    made.render = render;
    // json-server's own error handler answers with the stack trace; let ours answer instead.
    made.stack = made.stack.filter((layer) => layer.handle.length !== 4);
    // Its own body parsers would read a form-encoded body the edge never checked (the edge
    // reads JSON only): only the body the edge prepared may reach it.
    made.stack = made.stack.filter((layer) => !['jsonParser', 'urlencodedParser'].includes(layer.handle.name));
    // json-server pauses every collection route for 1 ms (its `delay` middleware). That gap
    // would let another request change a record between the edge's checks and the write; with
    // it gone, check and write happen in one turn of the event loop, with nothing in between.
    for (const layer of made.stack) {
      const sub = layer.handle as { stack?: { handle: { name: string } }[] };
      if (sub.stack) sub.stack = sub.stack.filter((inner) => inner.handle.name !== 'delay');
    }
    return made;
  }
  let router = makeRouter();
  api.use((req, res, next) => router(req, res, next));
  return api;
}

/** ?dryRun=true previews, absent or false writes; anything else is a mistake, not a write. */
function dryRunOf(req: Request): boolean {
  // ?dryrun=true misspelt would otherwise write: nothing but dryRun is read here
  const unknown = Object.keys(req.query).find((name) => name !== 'dryRun');
  if (unknown !== undefined)
    throw new HttpError(
      400,
      message(requestLang(req), 'importBody', { detail: `unknown parameter ${unknown.slice(0, 40)}` }),
    );
  const value = req.query.dryRun;
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new HttpError(400, message(requestLang(req), 'importBody', { detail: 'dryRun must be true or false' }));
}

const IMPORT_PATH = /^\/[^/]+\/import\/?$/;

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
