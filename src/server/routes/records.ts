import express, { type Request, type Response } from 'express';
import { getField, resourceByName, type ResourceDef, type Role } from '../../schema';
import { actorOf } from '../audit';
import { hashPassword } from '../auth/passwords';
import { checkCreate, checkUpdate, invalid } from '../checks';
import type { CheckContext, Writer } from '../hooks/types';
import { checkDelete } from '../deletes';
import { asyncHandler, HttpError, message, requestLang } from '../messages';
import { present, resourceFor } from '../present';
import { contentRange } from '../protocol';
import type { Row } from '../records';
import type { ServerContext } from './context';
import { readListQuery } from './listQuery';
import type { Plan, RecordStore, WriteView } from '../store/recordStore';

/**
 * ra-data-simple-rest's routes, each one straight through: which list and whether the role may
 * (404, 403), the request read once (the list query parsed, the body checked against the
 * schema, the data and the resource's own rules), then one commit of everything the write
 * brings, then what the role may see of the answer, sent once the disk holds it.
 */
export function recordRoutes(server: ServerContext) {
  const { records, now } = server;
  const router = express.Router();
  const role = (res: Response) => res.locals.user.role as Role;

  // GET /api/attendees?sort=["name","ASC"]&range=[0,24]&filter={…}: a page, its total in Content-Range
  router.get(
    '/:resource',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      const resource = resourceFor(req.params.resource, role(res), 'read', lang);
      const { query, start } = await readListQuery(server, req, res, resource);
      const { page, total } = await server.listPage(req, res, resource, query);
      res.setHeader('X-Total-Count', String(total));
      res.setHeader('Content-Range', contentRange(resource.name, start, page.length, total));
      res.json(page.map((row) => present(resource, row, role(res))));
    }),
  );

  // GET /api/attendees/12: one record
  router.get(
    '/:resource/:id',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      const resource = resourceFor(req.params.resource, role(res), 'read', lang);
      res.json(present(resource, await stored(records, resource, req.params.id, lang), role(res)));
    }),
  );

  // POST /api/attendees: a new record, and whatever goes with it (the agreement a follow-up moves)
  router.post(
    '/:resource',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      const resource = resourceFor(req.params.resource, role(res), 'write', lang);
      const input = body(req, resource, lang);
      const ctx = await context(req, res, resource, input);
      const [answer] = await write(ctx, (view) => checkCreate({ ...ctx, view }, resource, input));
      res.status(201).location(`${req.protocol}://${req.get('host')}${req.originalUrl}/${answer.id}`);
      res.json(present(resource, answer, role(res)));
    }),
  );

  // PUT (and PATCH) /api/attendees/12: merges, from the version the client started from. A PUT
  // must say which version that was: it sends the record as the client saw it, and without the
  // version its stale fields would undo whatever changed since. A PATCH names only the fields
  // it changes (a tap at the check-in desk), so it may apply them to the record as it is now.
  const update = asyncHandler(async (req, res) => {
    const lang = requestLang(req);
    const resource = resourceFor(req.params.resource, role(res), 'write', lang);
    const input = body(req, resource, lang);
    if (req.method === 'PUT' && (input.version ?? null) === null)
      throw new HttpError(400, message(lang, 'versionRequired'));
    const ctx = await context(req, res, resource, input);
    let existing: Row | undefined;
    const [answer] = await write(ctx, async (view) => {
      existing = await stored(view, resource, req.params.id, ctx.lang);
      return checkUpdate({ ...ctx, view }, resource, input, existing);
    });
    // nothing changed: the record as it is
    res.json(present(resource, answer ?? { ...existing! }, role(res)));
  });
  router.put('/:resource/:id', update);
  router.patch('/:resource/:id', update);

  // DELETE /api/summits/1[?cascade=true]: refused while others need it, unless they go too
  router.delete(
    '/:resource/:id',
    asyncHandler(async (req, res) => {
      const resource = resourceFor(req.params.resource, role(res), 'write', requestLang(req));
      const ctx = await context(req, res, resource);
      const [answer] = await write(ctx, async (view) => {
        const existing = await stored(view, resource, req.params.id, ctx.lang);
        return checkDelete({ ...ctx, view }, resourceByName, resource, existing, req.query.cascade === 'true');
      });
      res.json(present(resource, answer, role(res)));
    }),
  );

  router.all('*', (req) => {
    throw new HttpError(404, message(requestLang(req), 'noRoute'));
  });

  /** The stored record the URL names, or 404: as a read finds it, or as a write does. */
  async function stored(
    from: RecordStore | WriteView,
    resource: ResourceDef,
    id: string,
    lang: CheckContext['lang'],
  ): Promise<Row> {
    const row = 'find' in from ? await from.find(resource.name, id) : (await from.get(resource.name, [id]))[0];
    if (!row) throw new HttpError(404, message(lang, 'notFound'));
    return row;
  }

  /** A write's body: a JSON object (a form or text body would pass unchecked) of single values,
   * objects only where a field holds them: a list or object anywhere else (a version nested
   * thousands deep) is refused by its field before anything reads it. */
  function body(req: Request, resource: ResourceDef, lang: CheckContext['lang']): Record<string, unknown> {
    if (req.headers['content-type'] && !req.is('application/json')) throw new HttpError(415, message(lang, 'notJson'));
    const value = req.body as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw new HttpError(400, message(lang, 'notObject'));
    const nested = Object.entries(value).filter(
      ([key, inner]) => typeof inner === 'object' && inner !== null && getField(resource, key)?.type !== 'json',
    );
    if (nested.length > 0)
      throw invalid(resource, Object.fromEntries(nested.map(([key]) => [key, { code: 'notSingleValue' }])), lang);
    return value as Record<string, unknown>;
  }

  /** Who writes, and when. A new password is hashed first (scrypt is slow): then the checks and
   * the commit that follow run in one turn, and no other request comes in between. Only a
   * resource with a password field has one, and only once the role and the body's shape passed:
   * nothing else a request sends makes the server hash. */
  async function context(
    req: Request,
    res: Response,
    resource: ResourceDef,
    input: Record<string, unknown> = {},
  ): Promise<Writer> {
    const field = resource.fields.find((f) => f.type === 'password');
    const password = field && input[field.source];
    return {
      actor: actorOf(res.locals.user),
      role: role(res),
      lang: requestLang(req),
      passwordHash: typeof password === 'string' && password.length >= 8 ? await hashPassword(password) : undefined,
      now: now(),
      hooks: server.hooks,
    };
  }

  /** Plans and commits one write, lets the resources' own rules follow, answers once on disk:
   * each step's record as this write left it (none when nothing changed). */
  function write(ctx: Writer, plan: Plan): Promise<Row[]> {
    // what follows a commit (sessions ended in a database, a schema rebuilt) is done before the answer
    return records.write(ctx.actor, plan, async (name, before, after) => {
      const resource = resourceByName[name];
      if (resource)
        await Promise.all(server.hooks(resource).map((hooks) => hooks.committed?.(ctx, resource, before, after)));
    });
  }

  return router;
}
