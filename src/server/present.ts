import {
  allows,
  enums,
  getField,
  maskPersonal,
  resourceByName,
  roleSeesPersonalData,
  systemFields,
  type Lang,
  type ResourceDef,
  type Role,
} from '../schema';
import { schemaGeneration } from '../schema/custom';
import { withoutSecrets } from './hooks/users';
import { HttpError, message } from './messages';
import type { Row } from './records';

/**
 * Who may do what, and what a role gets to see of a record: the rules every route applies
 * the same way, declared by the schema (roles per resource, personal fields).
 */

/** Own properties only: `/api/constructor` is not a resource. */
export const lookupResource = (name: string): ResourceDef | undefined =>
  Object.hasOwn(resourceByName, name) ? resourceByName[name] : undefined;

const roleLabel = (role: unknown, lang: Lang) => enums.userRole.find((o) => o.id === role)?.label[lang] ?? String(role);

/** 403 in the reader's words, naming the role, the action and the list. */
export function forbid(lang: Lang, role: unknown, resource: ResourceDef, action: 'read' | 'write') {
  const verb = { read: { zh: '查看', en: 'read' }, write: { zh: '修改', en: 'change' } }[action][lang];
  return new HttpError(
    403,
    message(lang, 'forbidden', { role: roleLabel(role, lang), action: verb, resource: resource.label[lang] }),
  );
}

/** The resource a route names, if the role may read (or write) it: else 404 or 403. */
export function resourceFor(name: string, role: Role, action: 'read' | 'write', lang: Lang): ResourceDef {
  const resource = lookupResource(name);
  if (!resource) throw new HttpError(404, message(lang, 'noRoute'));
  if (!allows(role, resource, action)) throw forbid(lang, role, resource, action);
  return resource;
}

const keysOf = new WeakMap<ResourceDef, { generation: number; keys: Set<string> }>();
/** The keys a record of this resource is served with: its fields (as the schema is now) and the system's. */
function knownKeys(resource: ResourceDef) {
  let kept = keysOf.get(resource);
  if (!kept || kept.generation !== schemaGeneration()) {
    kept = {
      generation: schemaGeneration(),
      keys: new Set([...systemFields, ...resource.fields.map((f) => f.source)]),
    };
    keysOf.set(resource, kept);
  }
  return kept.keys;
}

/** What a role gets to see of a record: never a password hash; personal data masked for viewers. */
export function present(resource: ResourceDef, row: Row, role: Role): Row {
  const shown = withoutSecrets(row);
  // values of fields an admin hid or deleted stay stored, unserved, until the field is back
  const known = knownKeys(resource);
  for (const key of Object.keys(shown)) if (!known.has(key)) delete shown[key];
  if (roleSeesPersonalData(role)) return shown;
  for (const field of resource.fields)
    if (field.personal && shown[field.source] != null) shown[field.source] = maskPersonal(shown[field.source]);
  return shown;
}

/** Viewers may not filter or group by personal data: they could find out a masked number. */
export function refusePersonal(resource: ResourceDef, keys: string[], role: Role, lang: Lang) {
  if (roleSeesPersonalData(role)) return;
  const personal = keys
    .map((key) => getField(resource, key.replace(/_(gte|lte|ne|like)$/, '')))
    .find((f) => f?.personal);
  if (personal) throw new HttpError(403, message(lang, 'personalFilter', { field: personal.label[lang] }));
}
