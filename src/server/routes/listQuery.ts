import type { Request, Response } from 'express';
import type { ResourceDef, Role } from '../../schema';
import { HttpError, message, requestLang } from '../messages';
import { refusePersonal } from '../present';
import { QueryError, translateListQuery } from '../protocol';
import type { ServerContext } from './context';

/**
 * A request's list query, read once, as every route that lists reads it (a page, figures, an
 * export): json-server's form of it, refused where a viewer filters by personal data (or asks
 * for it by `asked`: a group, a sum), the search box turned into ids. A query that cannot be
 * read is a 400 saying why.
 */
export async function readListQuery(
  server: ServerContext,
  req: Request,
  res: Response,
  resource: ResourceDef,
  options: { asked?: string[]; parts?: string[] } = {},
) {
  const lang = requestLang(req);
  const role = res.locals.user.role as Role;
  const raw = req.query as Record<string, unknown>;
  try {
    const given = options.parts ? Object.fromEntries(options.parts.map((part) => [part, raw[part]])) : raw;
    const { query, start } = translateListQuery(resource, given, server.now(), res.locals.user);
    // sorted by a masked number, the order of 138****1234s would tell their hidden digits
    const sortedBy = typeof query._sort === 'string' ? query._sort.split(',') : [];
    refusePersonal(resource, [...Object.keys(query), ...sortedBy, ...(options.asked ?? [])], role, lang);
    await server.applySearch(resource, query, role);
    return { query, start };
  } catch (error) {
    throw badQuery(lang, error);
  }
}

/** A query's mistake as the 400 that names it; anything else as it was. */
export const badQuery = (lang: ReturnType<typeof requestLang>, error: unknown) =>
  error instanceof QueryError ? new HttpError(400, message(lang, 'badQuery', { detail: error.message })) : error;
