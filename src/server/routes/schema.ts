import express from 'express';
import { allows, resourceByName, type Role } from '../../schema';
import { customRows, DEFINITIONS } from '../customSchema';
import { asyncHandler } from '../messages';
import type { ServerContext } from './context';

/**
 * GET /api/schema: the admins' additions to the schema, for the app to apply; every signed-in
 * user needs them. Only the lists a role may read, and their fields: a list kept to admins
 * stays unnamed to others.
 */
export function schemaRoutes(server: ServerContext) {
  const router = express.Router();
  router.get(
    '/schema',
    asyncHandler(async (_req, res) => {
      const role = res.locals.user.role as Role;
      const rows = customRows(await server.records.load(DEFINITIONS));
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
        // a field an admin hid is for admins to show again: others are not told it exists
        customFields: rows.customFields.filter((row) => !hidden.has(row.resource) && (role === 'admin' || !row.hidden)),
      });
    }),
  );
  return router;
}
