import type { ReactElement } from 'react';
import { SimpleForm, useLocaleState } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { Lang, ResourceDef } from '../../schema';
import { reasonText } from '../../schema/messages';
import { checkWrite } from '../../schema/validate';
import { FieldInput } from './FieldInput';

/** The form for creating or editing a record. The same checks as the server run as the
 * user leaves each field; what only the server knows (a reference that vanished) comes back
 * per field. */
export const SchemaForm = ({
  resource,
  omit = [],
  only = {},
  toolbar,
  alsoRequired = () => [],
}: {
  resource: ResourceDef;
  /** fields not shown (the follow-up's agreement, when the form opens from it) */
  omit?: string[];
  /** per enum field, the values offered (the moves a status may make) */
  only?: Record<string, string[]>;
  toolbar?: ReactElement | false;
  /** fields required here beyond the schema's, given what is filled in (an open agreement's
   * follow-up needs its next day) */
  alsoRequired?: (values: Record<string, unknown>) => string[];
}) => {
  const [locale] = useLocaleState();
  const validate = (values: Record<string, unknown>) => {
    const { reasons } = checkWrite(resource, values);
    for (const source of alsoRequired(values))
      if (values[source] == null || values[source] === '') reasons[source] ??= { code: 'required' };
    return Object.fromEntries(
      Object.entries(reasons)
        .filter(([, reason]) => reason.code !== 'unknownField')
        .map(([source, reason]) => [source, reasonText(reason, locale as Lang)]),
    );
  };
  const defaults = Object.fromEntries(
    resource.fields.filter((field) => field.default !== undefined).map((field) => [field.source, field.default]),
  );
  return (
    // checked as the user leaves each field, then again as they correct it
    <SimpleForm
      validate={validate}
      defaultValues={defaults}
      mode="onBlur"
      reValidateMode="onChange"
      sx={{ maxWidth: 720 }}
      toolbar={toolbar}
    >
      <Fields resource={resource} omit={omit} only={only} alsoRequired={alsoRequired} />
    </SimpleForm>
  );
};

/** The inputs, marked required as the values filled in so far make them. */
const Fields = ({
  resource,
  omit,
  only,
  alsoRequired,
}: {
  resource: ResourceDef;
  omit: string[];
  only: Record<string, string[]>;
  alsoRequired: (values: Record<string, unknown>) => string[];
}) => {
  const values = useWatch();
  const required = new Set(alsoRequired(values));
  const shown = (when: Record<string, string[]> = {}) =>
    Object.entries(when).every(([source, wanted]) => wanted.includes(String(values[source])));
  return resource.fields
    .filter((field) => !omit.includes(field.source) && shown(field.shownWhen))
    .map((field) => (
      <FieldInput key={field.source} field={field} only={only[field.source]} required={required.has(field.source)} />
    ));
};
