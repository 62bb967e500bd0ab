import express, { type Request } from 'express';
import { importable, type Role } from '../../schema';
import { actorOf } from '../audit';
import { runImport } from '../import';
import { asyncHandler, HttpError, message, requestLang } from '../messages';
import { resourceFor } from '../present';
import type { ServerContext } from './context';

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

/**
 * POST /api/attendees/import[?dryRun=true]: rows of a spreadsheet, previewed or written all at
 * once (src/server/import). Who may import is known before a large body is read.
 */
export function importRoutes(server: ServerContext, importLimit: string) {
  const router = express.Router();
  router.post(
    '/:resource/import',
    (req, res, next) => {
      const lang = requestLang(req);
      const resource = resourceFor(req.params.resource, res.locals.user.role as Role, 'write', lang);
      if (!importable(resource))
        throw new HttpError(400, message(lang, 'notImportable', { resource: resource.label[lang] }));
      res.locals.resource = resource;
      next();
    },
    express.json({ limit: importLimit }),
    asyncHandler(async (req, res) => {
      const report = await runImport({
        records: server.records,
        commits: server.commits,
        actor: actorOf(res.locals.user),
        role: res.locals.user.role as Role,
        resource: res.locals.resource,
        body: req.body,
        dryRun: dryRunOf(req),
        lang: requestLang(req),
        now: server.now(),
      });
      res.json(report);
    }),
  );
  return router;
}
