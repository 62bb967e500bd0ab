import type { Request, Response } from 'express';
import type { ResourceDef, Role } from '../../schema';
import type { AuditTrail } from '../audit';
import type { Hooks } from '../hooks';
import type { Row } from '../records';
import type { Store } from '../store/store';

/** What every route of the API shares: the store, the audit trail, the clock, the resources'
 * own rules, and how a list query is answered (the fast path, or json-server's as reference). */
export interface ServerContext {
  store: Store;
  audit: AuditTrail;
  now: () => number;
  hooks: (resource: ResourceDef) => Hooks[];
  /** a page of a list, and the total it is part of */
  listPage(
    req: Request,
    res: Response,
    resource: ResourceDef,
    query: Record<string, string | string[]>,
  ): Promise<{ page: Row[]; total: number }>;
  /** the search box's text (query.q) turned into the ids it matches */
  applySearch(resource: ResourceDef, query: Record<string, string | string[]>, role: Role): void;
}
