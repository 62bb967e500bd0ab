import { getField } from './fields';
import type { ResourceDef } from './types';

/**
 * A record that moves its parent (a follow-up moving its agreement, see `setsParent`): what a
 * new one starts from, and which moves it may ask for. Shared by the follow-up form, the grid's
 * status cell and the board.
 */

/** The field of the child that points at the parent. */
export const parentLink = (child: ResourceDef) =>
  child.setsParent ? getField(child, child.setsParent.reference) : undefined;

/**
 * A new child of `parent`: the schema's defaults; the link to the parent; what the schema says
 * it inherits (the agreement's officer is the follow-up's officer); today for required dates;
 * then what the user already chose (the column a card was dropped on).
 */
export function childDefaults(
  child: ResourceDef,
  parentResource: ResourceDef,
  parent: Record<string, unknown>,
  today: string,
  preset: Record<string, unknown> = {},
): Record<string, unknown> {
  const link = parentLink(child);
  const values: Record<string, unknown> = {};
  for (const field of child.fields) {
    if (field.default !== undefined) values[field.source] = field.default;
    if (child.setsParent?.inherit?.includes(field.source) && parent[field.source] != null)
      values[field.source] = parent[field.source];
    if (field.type === 'date' && field.required && values[field.source] === undefined) values[field.source] = today;
  }
  if (link) values[link.source] = parent.id;
  return { ...values, ...preset };
}

/** The values each of the child's fields may take when it moves a parent field with a
 * lifecycle: the moves allowed from the parent's current value. */
export function allowedMoves(
  child: ResourceDef,
  parentResource: ResourceDef,
  parent: Record<string, unknown>,
): Record<string, string[]> {
  const moves: Record<string, string[]> = {};
  for (const [parentField, ownField] of Object.entries(child.setsParent?.fields ?? {})) {
    const transitions = getField(parentResource, parentField)?.transitions;
    if (transitions) moves[ownField] = transitions[String(parent[parentField])] ?? [];
  }
  return moves;
}

/** The child field that moves this parent field (status → statusAfter). */
export const childFieldFor = (child: ResourceDef, parentField: string) => child.setsParent?.fields[parentField];

/** The parent field with a lifecycle that a child moves (the agreement's status), if any. */
export const lifecycleOf = (child: ResourceDef, parentResource: ResourceDef) =>
  Object.keys(child.setsParent?.fields ?? {}).find((key) => getField(parentResource, key)?.transitions);

/** Whether the parent can move no more from this value (completed, terminated). */
export const isFinal = (parentResource: ResourceDef, field: string, value: unknown) =>
  getField(parentResource, field)?.transitions?.[String(value)]?.length === 0;

/**
 * The child's fields a new one must give to move its parent, beyond the schema's: while the
 * parent stays open after it, every other mirrored field (an open agreement has a next
 * follow-up day). The server refuses without them; the form marks them.
 */
export function requiredForParent(
  child: ResourceDef,
  parentResource: ResourceDef,
  parent: Record<string, unknown>,
  values: Record<string, unknown>,
): string[] {
  const link = child.setsParent;
  const lifecycle = lifecycleOf(child, parentResource);
  if (!link || !lifecycle) return [];
  const status = values[link.fields[lifecycle]] ?? parent[lifecycle];
  if (isFinal(parentResource, lifecycle, status)) return [];
  return Object.entries(link.fields)
    .filter(([parentField]) => parentField !== lifecycle)
    .map(([, own]) => own);
}
