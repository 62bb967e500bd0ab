import type { Item } from '@glideapps/glide-data-grid';
import { useState } from 'react';
import {
  HttpError,
  useDataProvider,
  useListContext,
  useLocaleState,
  useNotify,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { importable, resourceByName, type FieldDef, type Lang, type ResourceDef } from '../../../schema';
import { nameKey, type ReferenceNames } from '../../../schema/fromText';
import { MAX_CELL_LENGTH, MAX_IMPORT_ROWS, type ImportReport } from '../../../schema/imports';
import type { ImportChoices } from '../../import/importRequest';
import type { HuiwuDataProvider } from '../../providers/dataProvider';
import { fixedValues } from '../listContext';
import { useMoneyUnit } from '../../schema-ui/useMoney';
import type { CellChange, useCellWriter } from '../useCellWriter';
import { PasteDialog } from './PasteDialog';
import { pasteBlock, type PasteBlock } from './pasteBlock';
import { planPaste, referencedNames, type PastePlan } from './pastePlan';
import { PastePreview } from './PastePreview';

type Writer = ReturnType<typeof useCellWriter>;

/**
 * Pasting a block from Excel or WPS onto the grid. Lists that can be imported paste through
 * the import (src/server/import): every cell read as import reads it (下午3点, 高铁, a header
 * row matched by name in any order), new organisations created with the rows, the whole
 * block written at once and undone at once. The few lists that cannot be imported (accounts,
 * follow-ups, the schema's own definitions) paste cell by cell through the grid's writer.
 */
export function usePaste({
  resource,
  visible,
  omit,
  defaults,
  writer,
}: {
  resource: ResourceDef;
  visible: FieldDef[];
  omit: string[];
  defaults: Record<string, unknown>;
  writer: Writer;
}) {
  const { data = [], filterValues, page, perPage, total = 0 } = useListContext();
  const dataProvider = useDataProvider<HuiwuDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [moneyUnit] = useMoneyUnit();
  const [plan, setPlan] = useState<PastePlan | null>(null);
  const [pasting, setPasting] = useState<{
    block: PasteBlock;
    report: ImportReport | null;
    names: ImportChoices['names'];
    busy: boolean;
  } | null>(null);

  // new rows start from what the list is filtered to (the summit it shows, say)
  const start = () => fixedValues(resource, filterValues, defaults);
  // rows past the end of the page are new only on the last page; elsewhere they exist on the next
  const canCreate = () => (page - 1) * perPage + data.length >= total;

  const preview = async (block: PasteBlock, names: ImportChoices['names']) => {
    // the last preview stays up while the next is checked
    setPasting((last) => ({ block, report: last?.block === block ? last.report : null, names, busy: true }));
    try {
      const report = await dataProvider.importRows(resource.name, { body: { ...block.request, names }, dryRun: true });
      setPasting({ block, report, names, busy: false });
    } catch (error) {
      setPasting(null);
      notify((error as Error).message, { type: 'error', multiLine: true });
    }
  };

  const confirm = async () => {
    const { block, report, names } = pasting!;
    setPasting({ ...pasting!, busy: true });
    const writable = report!.rows.flatMap((row, i) =>
      row.outcome === 'create' || row.outcome === 'update' ? [i] : [],
    );
    const pick = <T,>(list: T[]) => writable.map((i) => list[i]);
    const { request } = block;
    try {
      const written = await dataProvider.importRows(resource.name, {
        body: {
          ...request,
          names,
          rows: pick(request.rows),
          lines: pick(request.lines!),
          ids: pick(request.ids),
          versions: pick(request.versions!),
        },
        dryRun: false,
      });
      // Ctrl+Z: the cells as they were, the rows that were added gone
      const before = new Map(block.records.map((record) => [String(record.id), record]));
      const changes: CellChange[] = written.rows.flatMap((row) =>
        row.outcome === 'update'
          ? (row.changed ?? []).map((field) => ({
              id: row.id as RaRecord['id'],
              field,
              before: before.get(String(row.id))?.[field] ?? null,
              after: undefined,
            }))
          : [],
      );
      const created = written.rows.flatMap((row) => (row.outcome === 'create' ? [row.id as RaRecord['id']] : []));
      const updated = [...new Set(changes.map((c) => c.id))];
      const { data: now } = updated.length ? await dataProvider.getMany(resource.name, { ids: updated }) : { data: [] };
      const others = (written.newRecords ?? []).reduce<{ resource: string; ids: RaRecord['id'][] }[]>(
        (lists, record) => {
          const list = lists.find((l) => l.resource === record.resource);
          if (list) list.ids.push(record.id as RaRecord['id']);
          else lists.push({ resource: record.resource, ids: [record.id as RaRecord['id']] });
          return lists;
        },
        [],
      );
      writer.remember(changes, created, now, others);
      setPasting(null);
      refresh();
    } catch (error) {
      const body = error instanceof HttpError ? (error.body as ImportReport | undefined) : undefined;
      if (!body?.rows) {
        setPasting({ ...pasting!, busy: false });
        notify((error as Error).message, { type: 'error', multiLine: true });
        return;
      }
      // someone changed a row meanwhile: show the block as it would go now
      void preview(block, names);
      notify((error as Error).message, { type: 'warning', multiLine: true });
    }
  };

  /** A block pasted at a cell, or into an empty list (at its start). */
  const onPaste = (target: Item | null, values: readonly (readonly string[])[]) => {
    if (values.length === 0) return;
    // said here, in the user's words, before the server would refuse it
    if (values.length > MAX_IMPORT_ROWS || values.some((row) => row.some((cell) => cell.length > MAX_CELL_LENGTH))) {
      notify(translate('huiwu.grid.paste.tooLarge', { rows: MAX_IMPORT_ROWS, characters: MAX_CELL_LENGTH }), {
        type: 'warning',
      });
      return;
    }
    if (importable(resource)) {
      const at = target ?? [0, 0];
      const block = pasteBlock({
        resource,
        visible,
        // each row at the version this grid last saw of it, its own saves included
        rows: data.map((row) => writer.latest(row.id)),
        target: { row: at[1], column: at[0] },
        values,
        defaults: start(),
        omit,
        canCreate: canCreate(),
        moneyUnit,
      });
      void preview(block, {});
      return;
    }
    if (!target) return;
    void (async () => {
      // look up the names it refers to, then show what it would do before doing it
      const names: ReferenceNames = {};
      for (const [reference, wanted] of Object.entries(referencedNames(visible, values, target[0]))) {
        const title = resourceByName[reference].titleField;
        const { data: found } = await dataProvider.getList(reference, {
          filter: { [title]: [...wanted] },
          pagination: { page: 1, perPage: wanted.size * 2 },
          sort: { field: 'id', order: 'ASC' },
        });
        // a name two records share is ambiguous (-1): the user must give the id
        const byName = new Map<string, number>();
        for (const row of found) {
          const name = nameKey(row[title]);
          byName.set(name, byName.has(name) ? -1 : (row.id as number));
        }
        names[reference] = byName;
      }
      setPlan(
        planPaste({
          canCreate: canCreate(),
          resource,
          columns: visible,
          rows: data,
          target: { row: target[1], column: target[0] },
          values,
          names,
          defaults: start(),
          lang: locale as Lang,
          moneyUnit,
        }),
      );
    })();
  };

  const confirmPlan = async () => {
    const current = plan!;
    setPlan(null);
    const created: RaRecord['id'][] = [];
    for (const record of current.creates) {
      try {
        created.push((await dataProvider.create(resource.name, { data: record })).data.id);
      } catch (error) {
        notify((error as Error).message, { type: 'error' });
      }
    }
    await writer.apply(current.changes, created);
    refresh();
  };

  const dialog = (
    <>
      <PastePreview plan={plan} resource={resource.name} onConfirm={confirmPlan} onCancel={() => setPlan(null)} />
      {pasting?.report && (
        <PasteDialog
          resource={resource}
          block={pasting.block}
          report={pasting.report}
          names={pasting.names}
          onNames={(names) => void preview(pasting.block, names)}
          onConfirm={confirm}
          onCancel={() => setPasting(null)}
          busy={pasting.busy}
        />
      )}
    </>
  );
  return { onPaste, dialog };
}
