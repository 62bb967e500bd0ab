import { checkCustomField, checkCustomResource, planListDelete } from '../customSchema';
import type { Hooks } from './types';

/**
 * The schema's own definitions (an admin's fields and lists): checked against the data (a key
 * taken, a type the stored values cannot follow), converting the values that follow in the
 * same commit; a list deleted with its fields; and once committed, the schema rebuilt before
 * the next request is read.
 */
export const definitionHooks = (rebuild: () => Promise<void>): Record<string, Hooks> => ({
  customFields: {
    check: (ctx, _resource, record, reasons, existing) => checkCustomField(ctx, record, reasons, existing),
    committed: rebuild,
  },
  customResources: {
    check: (ctx, _resource, record, reasons, existing) => checkCustomResource(ctx, record, reasons, existing),
    remove: (ctx, _resource, existing) => planListDelete(ctx, existing),
    committed: rebuild,
  },
});
