import express from 'express';
import type { Role } from '../../schema';
import { asyncHandler, requestLang } from '../messages';
import { resourceFor } from '../present';
import type { RecordStore } from '../store/recordStore';

/** the newest entries a record's history shows */
const SHOWN = 200;

/**
 * GET /api/<resource>/<id>/history: a record's audit entries, newest first, for whoever may
 * change the record (an organiser reads a guest's: who answered what on the reply page, and
 * when), where the whole audit trail is for admins only.
 */
export function historyRoutes(records: RecordStore) {
  const router = express.Router();
  router.get(
    '/:resource/:id/history',
    asyncHandler(async (req, res) => {
      const resource = resourceFor(req.params.resource, res.locals.user.role as Role, 'write', requestLang(req));
      const { page } = await records.page('audit', {
        resource: resource.name,
        recordId: String(req.params.id),
        _sort: 'at',
        _order: 'DESC',
        _start: '0',
        _end: String(SHOWN),
      });
      res.setHeader('Cache-Control', 'no-store');
      // entries of one moment in the order they were written
      res.json(page.sort((a, b) => String(b.at).localeCompare(String(a.at)) || Number(b.id) - Number(a.id)));
    }),
  );
  return router;
}
