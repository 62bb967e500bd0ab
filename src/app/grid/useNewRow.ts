import { GridCellKind, type GridCell } from '@glideapps/glide-data-grid';
import { useRef, useState } from 'react';
import {
  useDataProvider,
  useListContext,
  useLocaleState,
  useNotify,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { importable, type FieldDef, type Lang, type ResourceDef } from '../../schema';
import { reasonText } from '../../schema/messages';
import { checkWrite } from '../../schema/validate';
import { TYPED_TYPES } from './fieldCell';
import { missingTheme, newRowTheme, refusedTheme } from './theme';
import type { OtherRecords, useCellWriter } from './useCellWriter';

/** The id the new row's cells carry while it is no record yet. */
export const NEW_ROW_ID = '(new row)';

/** Whether the grid offers an empty row for new records of this list: one whose new records
 * the grid can fill (every required field typed into a cell, or fixed by the list). */
export const takesNewRow = (resource: ResourceDef, context: Record<string, unknown>) =>
  importable(resource) &&
  resource.fields
    .filter((f) => f.required && f.default === undefined && !(f.source in context))
    .every((f) => TYPED_TYPES.has(f.type) && !f.setBy);

/**
 * The empty row under the last one, as in Excel: what is typed into its cells is kept here
 * until its required fields are filled, then Enter (or leaving the row) saves it as a new
 * record of the list, with what the list fixes (the summit of a summit's guests). Only on the
 * last page, where a new record belongs, of lists whose new records the grid can fill.
 */
export function useNewRow({
  resource,
  context,
  editable,
  writer,
}: {
  resource: ResourceDef;
  /** what the list fixes for its rows (see listContext) */
  context: Record<string, unknown>;
  editable: boolean;
  writer: ReturnType<typeof useCellWriter>;
}) {
  const { data = [], page, perPage, total = 0, isPending } = useListContext();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // the latest values at once (a save right after a typed value), and as state to draw them
  const values = useRef<Record<string, unknown>>({});
  const others = useRef<OtherRecords>([]);
  const [shown, setShown] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const saving = useRef(false);

  const lastPage = (page - 1) * perPage + data.length >= total;
  const index = editable && !isPending && takesNewRow(resource, context) && lastPage ? data.length : -1;

  /** The required fields still empty (none while nothing is typed). */
  const missingIn = (typed: Record<string, unknown>): FieldDef[] => {
    if (Object.keys(typed).length === 0) return [];
    const { reasons } = checkWrite(resource, { ...context, ...typed });
    return resource.fields.filter((f) => reasons[f.source]?.code === 'required');
  };

  const set = (changes: Record<string, unknown>, created: OtherRecords = []) => {
    values.current = { ...values.current, ...changes };
    for (const key of Object.keys(changes)) if (values.current[key] == null) delete values.current[key];
    others.current = [...others.current, ...created];
    setShown(values.current);
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([source]) => !(source in changes))));
  };

  const clear = () => {
    values.current = {};
    others.current = [];
    setShown({});
    setErrors({});
  };

  /** Saves the row if it is complete; else returns the fields it still needs. */
  const save = async (): Promise<FieldDef[]> => {
    const typed = values.current;
    if (Object.keys(typed).length === 0 || saving.current) return [];
    const missing = missingIn(typed);
    if (missing.length) return missing;
    saving.current = true;
    try {
      const { data: created } = await dataProvider.create(resource.name, { data: { ...context, ...typed } });
      // Ctrl+Z takes the row away again, and the records its cells added
      writer.remember([], [created.id as RaRecord['id']], [], others.current);
      clear();
      writer.announce(translate('huiwu.grid.newRowSaved'));
      refresh();
    } catch (error) {
      const { body, message } = error as { body?: { errors?: Record<string, string> }; message: string };
      setErrors(body?.errors && Object.keys(body.errors).length ? body.errors : { '': message });
      notify(message, { type: 'error', multiLine: true });
    } finally {
      saving.current = false;
    }
    return [];
  };

  const missing = missingIn(shown);
  const label = (f: FieldDef) => translate(`resources.${resource.name}.fields.${f.source}`);
  const list = (fields: string[]) => fields.join(locale === 'zh' ? '、' : ', ');
  /** What the row still needs, or what the server said of it, in the user's words. */
  const status = !Object.keys(shown).length
    ? ''
    : Object.keys(errors).length
      ? translate('huiwu.grid.newRowRefused', {
          reasons: list(
            Object.entries(errors).map(([source, reason]) => {
              const field = resource.fields.find((f) => f.source === source);
              return field ? `${label(field)}${locale === 'zh' ? '：' : ': '}${reason}` : reason;
            }),
          ),
        })
      : missing.length
        ? translate('huiwu.grid.newRowMissing', {
            fields: list(missing.map((f) => (locale === 'zh' ? `「${label(f)}」` : label(f)))),
          })
        : translate('huiwu.grid.newRowReady');

  const hint = reasonText({ code: 'required' }, locale as Lang);
  /** A cell of the row, from the one its value makes: once something is typed, a required
   * field still empty says so. */
  const cell = (field: FieldDef, base: GridCell): GridCell => {
    const withId = Object.assign(base, { rowId: NEW_ROW_ID });
    if (errors[field.source]) return { ...withId, themeOverride: refusedTheme };
    if (!missing.some((f) => f.source === field.source)) return { ...withId, themeOverride: newRowTheme };
    const shown =
      withId.kind === GridCellKind.Custom
        ? { ...withId, data: { ...(withId.data as object), display: hint } }
        : { ...withId, displayData: hint };
    return { ...shown, copyData: '', themeOverride: missingTheme } as GridCell;
  };

  return {
    /** the new row's index in the grid, -1 when there is none */
    index,
    /** what is typed so far */
    values: shown,
    /** the row as a record would be: the list's values and what is typed */
    record: { ...context, ...shown } as RaRecord,
    missing,
    errors,
    status,
    set,
    /** forgets what was typed (Esc on the row) */
    clear,
    refuse: (source: string, reason: string) => setErrors((e) => ({ ...e, [source]: reason })),
    save,
    cell,
  };
}
