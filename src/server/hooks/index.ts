import type { ResourceDef } from '../../schema';
import { definitionHooks } from './definitions';
import { parentHooks } from './parents';
import type { Hooks } from './types';
import { leaveHooks, sessionHooks } from './sessions';
import { userHooks } from './users';

export type { Hooks } from './types';

/** Every resource's own rules, found by name (accounts, the schema's definitions) or by what the
 * schema says of it (a child that moves its parent). */
export function hookRegistry(services: {
  endSessionsOf: (userId: number) => void | Promise<void>;
  rebuildSchema: () => Promise<void>;
}) {
  const byName: Record<string, Hooks> = {
    users: userHooks(services.endSessionsOf),
    leaves: leaveHooks,
    lectures: sessionHooks,
    ...definitionHooks(services.rebuildSchema),
  };
  return (resource: ResourceDef): Hooks[] =>
    [
      Object.hasOwn(byName, resource.name) ? byName[resource.name] : undefined,
      resource.setsParent ? parentHooks : undefined,
    ].filter((hooks): hooks is Hooks => !!hooks);
}
