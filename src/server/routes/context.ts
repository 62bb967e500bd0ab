import type { Request, Response } from 'express';
import type { ResourceDef, Role } from '../../schema';
import type { Hooks } from '../hooks';
import type { Row } from '../records';
import type { ListQuery, RecordStore, Scan } from '../store/recordStore';

/** What every route of the API shares: the store, the clock, the resources' own rules, and how
 * a list query is answered (the store's, or json-server's as the reference). */
export interface ServerContext {
  records: RecordStore;
  now: () => number;
  hooks: (resource: ResourceDef) => Hooks[];
  /** a page of a list, and the total it is part of */
  listPage(
    req: Request,
    res: Response,
    resource: ResourceDef,
    query: ListQuery,
  ): Promise<{ page: Row[]; total: number }>;
  /** every row of a list query, in its order, `size` at a time (an export) */
  scanRows(req: Request, res: Response, resource: ResourceDef, query: ListQuery, size: number): Promise<Scan>;
  /** the search box's text (query.q) turned into the ids it matches */
  applySearch(resource: ResourceDef, query: ListQuery, role: Role): Promise<void>;
}
