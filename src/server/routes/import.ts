import express, { type Request, type Response } from 'express';
import { importable, type Role } from '../../schema';
import { MAX_IMPORT_ROWS } from '../../schema/imports';
import { actorOf } from '../audit';
import { jsonBody } from '../body';
import { runImport } from '../import';
import { importQueue } from '../import/queue';
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
 * once (src/server/import). Who may import, and whether the body is too large, is known before
 * it is read; then it is admitted (import/queue.ts), read, and planned in its turn.
 */
export function importRoutes(server: ServerContext, importLimit: number) {
  const router = express.Router();
  const queue = importQueue(importLimit);
  const tooLarge = (req: Request) =>
    new HttpError(
      413,
      message(requestLang(req), 'importTooLarge', {
        limit: `${Math.round(importLimit / 1024 / 1024)} MB`,
        max: MAX_IMPORT_ROWS.toLocaleString('en'),
      }),
    );
  const json = jsonBody({ limit: importLimit });
  const readBody = (req: Request, res: Response) =>
    new Promise<void>((resolve, reject) =>
      json(req, res, (error?: unknown) => {
        if ((error as { type?: string } | undefined)?.type === 'entity.too.large') reject(tooLarge(req));
        else if (error) reject(error);
        else resolve();
      }),
    );
  router.post(
    '/:resource/import',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      const role = res.locals.user.role as Role;
      const asked = resourceFor(req.params.resource, role, 'write', lang);
      if (!importable(asked)) throw new HttpError(400, message(lang, 'notImportable', { resource: asked.label[lang] }));
      const dryRun = dryRunOf(req);
      if (Number(req.headers['content-length']) > importLimit) throw tooLarge(req);
      const place = queue.admit(req, res);
      const gone = new AbortController();
      res.on('close', () => gone.abort());
      try {
        // read before its turn: an upload arriving a few bytes a second holds up nobody
        await readBody(req, res);
        const done = await place.turn();
        if (!done) return; // the client went while waiting
        try {
          const report = await runImport({
            records: server.records,
            actor: actorOf(res.locals.user),
            role,
            resource: asked,
            body: req.body,
            dryRun,
            lang,
            now: server.now(),
            signal: gone.signal,
          });
          res.json(report);
        } finally {
          done();
        }
      } catch (error) {
        // the client went (a preview stops then): no one to answer
        if (gone.signal.aborted) return;
        throw error;
      } finally {
        place.leave();
      }
    }),
  );
  return router;
}
