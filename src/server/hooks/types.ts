import type { ResourceDef } from '../../schema';
import type { Reasons } from '../../schema/validate';
import type { Lang, Role } from '../../schema';
import type { Actor } from '../audit';
import type { Step } from '../store/recordStore';
import type { Row } from '../records';
import type { WriteView } from '../store/recordStore';

/**
 * What a resource adds to the generic pipeline (check → commit → present): its own rules,
 * declared once here rather than as branches in the routes. Checks run with the schema's, before
 * anything is written, and may refuse or bring steps of their own into the same commit;
 * `committed` runs right after the commit (the write is answered once what it returns settles).
 */
export interface Hooks {
  /** a new record (no `existing`) or a change (merged over `existing`): more reasons, more steps */
  check?(ctx: CheckContext, resource: ResourceDef, record: Row, reasons: Reasons, existing?: Row): Promise<Step[]>;
  /** a record about to go: a refusal (thrown) or steps that go with it */
  remove?(ctx: CheckContext, resource: ResourceDef, existing: Row): Promise<Step[]>;
  /** what follows a commit: a schema rebuilt, sessions ended */
  committed?(ctx: Writer, resource: ResourceDef, before: Row | null, after: Row | null): void | Promise<void>;
}

/** What a write is checked against: the data as it is, who writes, in which language to refuse. */
export interface CheckContext {
  /** the records as the write reads them, no other write in between */
  view: WriteView;
  actor: Actor | null;
  /** the writer's role: what a refusal may show them of the stored record */
  role: Role;
  lang: Lang;
  /** the hash of `body.password`, computed before the synchronous checks (scrypt is slow) */
  passwordHash?: string;
  /** the time of the write (reply dates, check-in times); the server's clock */
  now?: number;
  /** the resource's own rules (src/server/hooks) */
  hooks: (resource: ResourceDef) => Hooks[];
}

/** Who writes, before the write reads anything. */
export type Writer = Omit<CheckContext, 'view'>;
