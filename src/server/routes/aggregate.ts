import express, { type Request, type Response } from 'express';
import { planPickups, resourceByName, type ResourceDef, type Role } from '../../schema';
import { asyncHandler, requestLang } from '../messages';
import { present, resourceFor } from '../present';
import { QueryError } from '../protocol';
import type { ServerContext } from './context';
import { badQuery, readListQuery } from './listQuery';

/**
 * Figures the server computes from a list's filter, so no page loads rows to count them: counts
 * and sums by group (the dashboard, the ledger), and a summit's pick-up plan.
 */
export function aggregateRoutes(server: ServerContext) {
  const { records } = server;
  const router = express.Router();
  const role = (res: Response) => res.locals.user.role as Role;

  const filterOf = async (req: Request, res: Response, resource: ResourceDef, asked: string[] = []) =>
    (await readListQuery(server, req, res, resource, { asked, parts: ['filter'] })).query;

  // GET /api/attendees/pickups?filter={"summitId":5}: arrivals by day, station and hour;
  // guests nobody meets; drivers due at two stations within the hour
  router.get(
    '/attendees/pickups',
    asyncHandler(async (req, res) => {
      const resource = resourceFor('attendees', role(res), 'read', requestLang(req));
      try {
        const { page: guests } = await records.page('attendees', await filterOf(req, res, resource));
        const plan = planPickups(guests);
        const involved = new Set(plan.groups.flatMap((g) => g.ids));
        res.json({
          ...plan,
          guests: guests.filter((g) => involved.has(g.id)).map((g) => present(resourceByName.attendees, g, role(res))),
        });
      } catch (error) {
        throw badQuery(requestLang(req), error);
      }
    }),
  );

  // GET /api/agreements/aggregate?filter={…}&groupBy=status&sum=amount[&max=…][&top=10]
  router.get(
    '/:resource/aggregate',
    asyncHandler(async (req, res) => {
      const resource = resourceFor(req.params.resource, role(res), 'read', requestLang(req));
      const raw = req.query as Record<string, unknown>;
      const text = (name: string) => (typeof raw[name] === 'string' ? (raw[name] as string) : undefined);
      try {
        const groupBy = text('groupBy');
        const asked = [groupBy?.split(':')[0], text('sum'), text('max')].filter((s): s is string => !!s);
        const query = await filterOf(req, res, resource, asked);
        const top = text('top') === undefined ? undefined : Number(text('top'));
        if (top !== undefined && !(Number.isInteger(top) && top > 0)) throw new QueryError('"top" must be a count');
        res.json(
          await records.aggregate(resource, query, {
            groupBy,
            sum: text('sum'),
            max: text('max'),
            top,
          }),
        );
      } catch (error) {
        throw badQuery(requestLang(req), error);
      }
    }),
  );
  return router;
}
