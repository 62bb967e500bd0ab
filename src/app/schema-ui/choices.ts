import { enums, type FieldDef } from '../../schema';

/** Enum options as react-admin choices; the names are i18n keys, which inputs and fields
 * translate by default. */
export const choicesFor = (field: FieldDef) =>
  (enums[field.enum ?? ''] ?? []).map((option) => ({ id: option.id, name: `enums.${field.enum}.${option.id}` }));
