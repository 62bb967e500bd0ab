import { getField } from './index';
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
