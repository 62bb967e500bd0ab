import type { ResourceDef } from '../../schema';
import type { Reasons } from '../../schema/validate';
import type { CheckContext } from '../checks';
import type { Step } from '../commit';
import type { Row } from '../records';

/**
 * What a resource adds to the generic pipeline (check → commit → present): its own rules,
 * declared once here rather than as branches in the routes. Checks run with the schema's, before
 * anything is written, and may refuse or bring steps of their own into the same commit;
 * `committed` runs right after the commit, in the same turn.
 */
export interface Hooks {
  /** a new record (no `existing`) or a change (merged over `existing`): more reasons, more steps */
  check?(ctx: CheckContext, resource: ResourceDef, record: Row, reasons: Reasons, existing?: Row): Step[];
  /** a record about to go: a refusal (thrown) or steps that go with it */
  remove?(ctx: CheckContext, resource: ResourceDef, existing: Row): Step[];
  /** what follows a commit: a schema rebuilt, sessions ended */
  committed?(ctx: CheckContext, resource: ResourceDef, before: Row | null, after: Row | null): void;
}
