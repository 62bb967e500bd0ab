import '@glideapps/glide-data-grid/dist/index.css';
import {
  CompactSelection,
  DataEditor,
  type DataEditorRef,
  type EditableGridCell,
  type GridCell,
  type GridColumn,
  type GridSelection,
  type Item,
} from '@glideapps/glide-data-grid';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { alpha, useTheme } from '@mui/material/styles';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useListContext, useLocaleState, useNotify, usePermissions, useTranslate, type RaRecord } from 'react-admin';
import { allows, namedFilterTest, roleSeesPersonalData, type FieldDef, type ResourceDef } from '../../schema';
import { ConflictDialog } from '../schema-ui/ConflictDialog';
import { formatDay } from '../schema-ui/time';
import { useMoney } from '../schema-ui/useMoney';
import { defaultColumnWidth } from './columnWidth';
import { cellFor, fieldCellRenderer, valueOfEdit } from './cells';
import { TYPED_TYPES } from './fieldCell';
import { usePaste } from './paste/usePaste';
import { GridEmpty } from './GridEmpty';
import { fixedValues } from './listContext';
import { gridTheme, refusedTheme, savingTheme } from './theme';
import { useCellWriter } from './useCellWriter';
import type { useGridLayout } from './useGridLayout';
import { parseTsv } from './tsv';
import { NEW_ROW_ID, useNewRow } from './useNewRow';
import { useNewRowCursor } from './useNewRowCursor';
import { useReferenceTitles } from './useReferenceTitles';
import { copySelection } from './copySelection';
import { CellTyping, type CellTypingHandle, type Typed, type TypingTarget } from './typing/CellTyping';
import { forwardKey, pressOnGrid } from './typing/forwardKey';
import { keepFocus } from './typing/keepFocus';
import { useTypedValue } from './typing/useTypedValue';

const noSelection: GridSelection = { columns: CompactSelection.empty(), rows: CompactSelection.empty() };
const cursorAt = (col: number, row: number): GridSelection => ({
  ...noSelection,
  current: { cell: [col, row], range: { x: col, y: row, width: 1, height: 1 }, rangeStack: [] },
});
// Stable across renders: a new array or theme object makes the grid rebuild, which would
// reset an editor the user is typing in when fresh data arrives.
const renderers = [fieldCellRenderer];
const keybindings = { downFill: true, rightFill: true, search: false };
const MOVE_KEYS: Record<Typed['move'], [key: string, shift: boolean] | null> = {
  down: ['ArrowDown', false],
  up: ['ArrowUp', false],
  right: ['Tab', false],
  left: ['Tab', true],
  none: null,
};

/**
 * Every resource's list as a spreadsheet (Glide Data Grid, MIT): type into cells, copy and
 * paste blocks with Excel or WPS, fill down, select rows, sort, resize, move and freeze
 * columns. It reads react-admin's list context (data, sort, filters, page, selection) and
 * writes through the data provider, so every change passes the server's validation.
 */
export const SchemaGrid = ({
  resource,
  columns: gridColumns,
  omit = [],
  defaults = {},
  onOpen,
  onCursor,
  onEditThrough,
}: {
  resource: ResourceDef;
  /** the user's column layout (GridView reads it once for the toolbar and the grid) */
  columns: ReturnType<typeof useGridLayout>;
  /** columns not shown here (the summit, on a summit's guest list) */
  omit?: string[];
  /** values of rows added by a paste, besides the list's own filter */
  defaults?: Record<string, unknown>;
  onOpen?: (id: RaRecord['id']) => void;
  /** told the record under the cursor, for the toolbar's "details" and "form" buttons */
  onCursor?: (id: RaRecord['id'] | null) => void;
  /** a cell whose field moves only through another record (an agreement's status) was
   * opened: that record's form takes over */
  onEditThrough?: (field: FieldDef, record: RaRecord) => void;
}) => {
  const {
    data = [],
    sort,
    setSort,
    onSelect,
    onUnselectItems,
    selectedIds,
    filterValues,
    page,
    perPage,
  } = useListContext();
  const { permissions: role } = usePermissions();
  const editable = allows(role, resource, 'write');
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const muiTheme = useTheme();
  const theme = useMemo(() => gridTheme(muiTheme), [muiTheme]);
  const { layout, visible: all, setLayout } = gridColumns;
  const visible = all.filter((field) => !omit.includes(field.source));
  const writer = useCellWriter(resource);
  const notify = useNotify();
  const newRow = useNewRow({
    resource,
    context: fixedValues(resource, filterValues, defaults),
    // a list with no column shown (a new list before its first field) has no cell to type into
    editable: editable && visible.length > 0,
    writer,
  });
  const { titles, yearOf } = useReferenceTitles(resource, newRow.index < 0 ? data : [...data, newRow.record]);
  const [selection, setSelection] = useState<GridSelection>(noSelection);
  const gridRef = useRef<DataEditorRef>(null);
  const typing = useRef<CellTypingHandle>(null);
  const typedValue = useTypedValue(resource);
  const reading = useRef<Promise<unknown>>(Promise.resolve());
  // where the cursor's cell is drawn, for the editor that types onto it
  const [bounds, setBounds] = useState<TypingTarget['bounds'] | null>(null);
  // the user clicked under the last row (when): pastes add rows there
  const below = useRef({ at: 0, on: false, moved: false, column: 0 });
  const [, setBelowShown] = useState(false);
  const [scrolled, setScrolled] = useState(0);

  // A new page, order or filter starts with nothing selected; a saved edit keeps the cursor.
  const view = JSON.stringify([page, perPage, sort, filterValues]);
  useEffect(() => {
    setSelection(noSelection);
    onUnselectItems();
    writer.clearRefused();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the view changes
  }, [view]);
  // Ticked rows are react-admin's selectedIds (by id), drawn at wherever those rows are now.
  const tickedRows = useMemo(
    () =>
      data.reduce(
        (rows, row, index) => (selectedIds.includes(row.id) ? rows.add(index) : rows),
        CompactSelection.empty(),
      ),
    [data, selectedIds],
  );

  const money = useMoney();
  const display = (field: FieldDef, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '';
    switch (field.type) {
      case 'enum':
        return translate(`enums.${field.enum}.${value}`, { _: String(value) });
      case 'reference':
        return titles[field.source]?.get(value) ?? '';
      case 'date':
      case 'datetime':
        return formatDay(value, field.type, locale);
      case 'money':
        return money.format(Number(value));
      case 'boolean':
        return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
      default:
        return String(value);
    }
  };

  // rows a named filter marks (overdue agreements), on today's Beijing day
  // expanded once per render, not once per row drawn
  const marks = Object.keys(resource.namedFilters ?? {})
    .filter((name) => resource.namedFilters![name].highlight)
    .map((name) => namedFilterTest(resource, name, Date.now()));
  const highlighted = (row: RaRecord) => marks.some((test) => test(row));
  const highlightTheme = useMemo(() => ({ bgCell: alpha(muiTheme.palette.error.main, 0.08) }), [muiTheme]);

  const columns: GridColumn[] = visible.map((field) => ({
    id: field.source,
    title:
      translate(`resources.${resource.name}.fields.${field.source}`) +
      (sort.field === field.source ? (sort.order === 'ASC' ? ' ↑' : ' ↓') : ''),
    width: layout.widths[field.source] ?? defaultColumnWidth(resource, field),
  }));

  const getCellContent = ([col, row]: Item): GridCell => {
    const field = visible[col];
    if (row === newRow.index) {
      // what the list fixes shows there already: the summit a row typed there joins
      const value = newRow.record[field.source];
      return newRow.cell(field, cellFor(field, value, display(field, value), !field.setBy, yearOf(newRow.record)));
    }
    const record = data[row];
    const pending = writer.pending(record?.id, field.source);
    const value = pending ? pending.value : record?.[field.source];
    // the record's id rides along with the cell into its editor: rows may move (a refresh
    // re-sorts the page) while the user types, and the edit must reach this record
    // typed into only where a plain edit may change it
    const typed = editable && !field.setBy && !field.immutable;
    const cell = Object.assign(cellFor(field, value, display(field, value), typed, yearOf(record), money.unit), {
      rowId: record?.id,
      at: `${col}:${row}`,
    });
    if (pending) return { ...cell, themeOverride: savingTheme };
    if (writer.refused(record?.id, field.source)) return { ...cell, themeOverride: refusedTheme };
    return cell;
  };

  const onCellsEdited = (edits: readonly { location: Item; value: EditableGridCell }[]) => {
    // the new row's cells (its editor, a fill, a clear): kept until the row is saved
    const typedNew = edits.filter(({ location: [, row] }) => row === newRow.index);
    if (typedNew.length)
      newRow.set(
        Object.fromEntries(typedNew.map(({ location: [col], value }) => [visible[col].source, valueOfEdit(value)])),
      );
    const changes = edits.flatMap(({ location: [col, row], value }) => {
      if (row === newRow.index) return [];
      // an edit in the cell's own editor: the record it was opened on; a fill (a copy of
      // another cell, a single row's too) or a clear: the rows it covers now
      const own = edits.length === 1 && (value as { at?: string }).at === `${col}:${row}`;
      const id = own ? ((value as { rowId?: RaRecord['id'] }).rowId ?? data[row]?.id) : data[row]?.id;
      const record = data.find((r) => r.id === id);
      if (id === undefined) return [];
      const source = visible[col].source;
      const shown = writer.pending(id, source);
      return [
        {
          id,
          field: source,
          before: shown ? shown.value : (record?.[source] ?? null),
          after: valueOfEdit(value as GridCell),
        },
      ];
    });
    void writer.apply(changes);
    return true;
  };

  const { onPaste, dialog: pasteDialog } = usePaste({ resource, visible, omit, defaults, writer });

  const onGridSelectionChange = (next: GridSelection) => {
    // A click under the last row selects nothing, whatever the grid does when it takes the
    // focus after it (it puts the cursor on the first cell): a paste there adds rows, it does
    // not overwrite the first ones.
    // With a new row, that click puts the cursor on it, in the column clicked, as in Excel.
    if (Date.now() - below.current.at < 400 && !below.current.moved) {
      if (newRow.index >= 0) next = cursorAt(below.current.column, newRow.index);
      else if (next.current) next = noSelection;
    } else if (next.current) below.current = { at: 0, on: false, moved: true, column: 0 };
    setSelection(next);
    onCursor?.(next.current ? (data[next.current.cell[1]]?.id ?? null) : null);
    const ids = next.rows
      .toArray()
      .map((row) => data[row]?.id)
      .filter((id) => id !== undefined);
    if (ids.length !== selectedIds.length || ids.some((id) => !selectedIds.includes(id))) onSelect(ids);
  };

  const onColumnMoved = (from: number, to: number) => {
    const shown = visible.map((f) => f.source);
    const [moved] = shown.splice(from, 1);
    shown.splice(to, 0, moved);
    // hidden and omitted columns keep their places around the moved one
    const order = layout.order.filter((s) => s !== moved);
    const after = to === 0 ? -1 : order.indexOf(shown[to - 1]);
    order.splice(after + 1, 0, moved);
    setLayout({ ...layout, order });
  };

  // Paste from the event's own text: Glide would ask the Clipboard API, which makes the
  // browser ask the user for permission. Listening on window in the capture phase, set up
  // before the grid's own listener (layout effects run first), lets this one answer alone.
  const container = useRef<HTMLDivElement>(null);
  const latest = useRef({ onPaste, selection, editable });
  latest.current = { onPaste, selection, editable };
  const typingNow = () => typing.current?.typing() ?? false;
  const rowsNow = () => latestRows.current;
  const belowNow = () => below.current.on;
  const latestRows = useRef(data.length);
  latestRows.current = data.length;
  useLayoutEffect(() => {
    const listener = (event: ClipboardEvent) => {
      const { onPaste: paste, selection: at, editable: canWrite } = latest.current;
      const text = event.clipboardData?.getData('text/plain');
      const empty = rowsNow() === 0;
      if (
        !container.current?.contains(document.activeElement) ||
        (!at.current && !empty && !belowNow()) ||
        text === undefined
      )
        return;
      // typing into a cell: the text pastes into what is typed, as in Excel
      if (typingNow()) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      // under the last row: new rows; nothing selected in an empty list: its start
      const cell = at.current?.cell ?? (belowNow() ? ([below.current.column, rowsNow()] as Item) : null);
      if (canWrite) paste(cell, parseTsv(text));
    };
    window.addEventListener('paste', listener, true);
    return () => window.removeEventListener('paste', listener, true);
  }, []);

  const canvas = () => container.current?.querySelector<HTMLElement>('canvas[data-testid="data-grid-canvas"]');
  useEffect(() => {
    const el = canvas();
    if (el) keepFocus(el, () => typing.current?.holds() ?? false);
  });
  /** A key for the grid, pressed by the user or for them: a move of their own, after a click under the rows. */
  const toGrid = (key: string | React.KeyboardEvent, shift = false) => {
    below.current.moved = true;
    return typeof key === 'string' ? (pressOnGrid(canvas(), key, shift), true) : forwardKey(canvas(), key);
  };
  const current = selection.current?.cell;
  useLayoutEffect(() => {
    const b = current ? gridRef.current?.getBounds(current[0], current[1]) : undefined;
    setBounds(b ? { x: b.x, y: b.y, width: b.width, height: b.height } : null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- where the cell is drawn changes with these
  }, [current?.[0], current?.[1], scrolled, layout, data.length, newRow.index]);
  const cursorField = current ? visible[current[0]] : undefined;
  const cursorRecord = current ? data[current[1]] : undefined;
  const onNewRow = !!current && current[1] === newRow.index;
  const target: TypingTarget | null =
    cursorField && (cursorRecord || onNewRow) && bounds
      ? {
          field: cursorField,
          rowId: onNewRow ? NEW_ROW_ID : cursorRecord!.id,
          cell: `${current![0]}:${current![1]}`,
          bounds,
          // a new record takes what is fixed once made
          typable:
            editable && TYPED_TYPES.has(cursorField.type) && !cursorField.setBy && (onNewRow || !cursorField.immutable),
        }
      : null;
  const cursorLabel = cursorField
    ? translate(onNewRow ? 'huiwu.grid.newRowBox' : 'huiwu.grid.nameBox', {
        row: current![1] + 1,
        field: translate(`resources.${resource.name}.fields.${cursorField.source}`),
      })
    : '';

  const newRowCursor = useNewRowCursor({
    newRow,
    rows: data.length,
    cursor: current,
    visible,
    moveTo: (col, row) => setSelection(cursorAt(col, row)),
    reading,
  });

  /** Text typed onto the new row: read as any typed text, kept with the row; Enter saves it. */
  const onTypedNew = (typed: Typed) => {
    const move = MOVE_KEYS[typed.move];
    if (move) toGrid(move[0], move[1]);
    const { field, cell } = typed.target;
    newRowCursor.begin(Number(cell.split(':')[0]));
    reading.current = reading.current.then(async () => {
      try {
        const read = await typedValue(typed, newRow.record);
        if ('reason' in read) {
          notify(read.reason, { type: 'warning' });
          return newRow.refuse(field.source, read.reason);
        }
        newRow.set(
          { [field.source]: read.value },
          read.created ? [{ resource: read.created.resource, ids: [read.created.id] }] : [],
        );
        if (typed.move === 'down') await newRowCursor.enter();
      } catch (error) {
        newRow.refuse(field.source, (error as Error).message);
      }
    });
  };

  /** Text typed onto a cell: read as import reads it, saved, and the cursor moves on at once. */
  const onTyped = (typed: Typed) => {
    if (typed.target.rowId === NEW_ROW_ID) return onTypedNew(typed);
    const move = MOVE_KEYS[typed.move];
    if (move) toGrid(move[0], move[1]);
    const { rowId, field } = typed.target;
    const record = data.find((r) => r.id === rowId);
    // reading may ask the server (a name, a summit's year): an undo waits for it, so Ctrl+Z
    // pressed meanwhile undoes this, not the change before
    reading.current = reading.current.then(async () => {
      try {
        const read = await typedValue(typed, record);
        if ('reason' in read) {
          // said where it is seen: the message under the grid may be out of view
          notify(read.reason, { type: 'warning' });
          return writer.refuse(rowId, field.source, read.reason);
        }
        const shown = writer.pending(rowId, field.source);
        void writer.apply(
          [
            {
              id: rowId as RaRecord['id'],
              field: field.source,
              before: shown ? shown.value : (record?.[field.source] ?? null),
              after: read.value,
            },
          ],
          [],
          read.created ? [{ resource: read.created.resource, ids: [read.created.id] }] : [],
        );
      } catch (error) {
        writer.refuse(rowId, field.source, (error as Error).message);
      }
    });
  };

  /** What a cut clears: the cells of the block a plain edit may empty (a name is required: it
   * stays, copied, as the rest of its row is cleared). */
  const clearedBy = (at: GridSelection) => {
    const range = at.current?.range;
    if (!range) return [];
    return Array.from({ length: range.height }, (_, r) => data[range.y + r]).flatMap((record) =>
      !record
        ? []
        : visible
            .slice(range.x, range.x + range.width)
            .filter((field) => !field.required && !field.setBy && !field.immutable && record[field.source] != null)
            .map((field) => ({ id: record.id, field: field.source, before: record[field.source], after: null })),
    );
  };
  const somethingSelected = () => !!selection.current || selection.rows.length > 0 || selection.columns.length > 0;
  const copiedText = () =>
    copySelection(selection, data.length, getCellContent, visible.length, [
      translate('ra.boolean.true'),
      translate('ra.boolean.false'),
    ]);

  /** The grid's own shortcuts, pressed while the cursor rests on a cell. */
  const onShortcut = (event: React.KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.shiftKey && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      void reading.current.then(() => writer.undo());
      return true;
    }
    // Esc on the new row drops what was typed into it, as a form's cancel
    if (event.key === 'Escape' && onNewRow && Object.keys(newRow.values).length) {
      event.preventDefault();
      newRow.clear();
      return true;
    }
    if (mod && event.key === 'Enter' && cursorRecord && onOpen && editable) {
      event.preventDefault();
      onOpen(cursorRecord.id);
      return true;
    }
    return false;
  };

  const refused = Object.entries(writer.refusedList);
  return (
    <Box
      ref={container}
      sx={{ width: '100%' }}
      // the grid never keeps the keyboard: the cell editor below takes it, so an input method
      // composes onto the cell (Glide's canvas is not editable)
      onFocus={(event) => {
        if (canvas()?.contains(event.target as Node)) typing.current?.focus();
      }}
      onMouseDownCapture={(event) => {
        // the grid's scroller lies over its canvas: where the pointer is, not what it hit, tells
        const area = canvas()?.getBoundingClientRect();
        if (!area || event.clientX < area.left || event.clientX > area.right || event.clientY > area.bottom) return;
        // the keyboard now, not when Glide focuses its canvas a frame later: keys typed
        // meanwhile would go nowhere (Glide stops the mousedown moving the focus); not from
        // Glide's own editor, which a click outside commits
        if (event.clientY >= area.top && !document.getElementById('portal')?.contains(document.activeElement))
          typing.current?.focus();
        const last = data.length ? gridRef.current?.getBounds(0, data.length - 1) : undefined;
        const under = event.clientY > (last ? last.y + last.height : area.top + 38);
        // the column under the pointer: a paste there starts in it, as in Excel
        const column = visible.findIndex((_, col) => {
          const b = gridRef.current?.getBounds(col, 0);
          return !!b && event.clientX >= b.x && event.clientX < b.x + b.width;
        });
        below.current = { at: under ? Date.now() : 0, on: under, moved: false, column: Math.max(0, column) };
        setBelowShown(under);
      }}
      onCopy={(event) => {
        if (typing.current?.typing() || !somethingSelected()) return;
        event.preventDefault();
        event.clipboardData.setData('text/plain', copiedText());
      }}
      onCut={(event) => {
        // Excel's cut, for a grid that does not move cells: copied, then cleared
        if (typing.current?.typing() || !somethingSelected()) return;
        event.preventDefault();
        event.clipboardData.setData('text/plain', copiedText());
        if (editable) void writer.apply(clearedBy(selection));
      }}
    >
      {/* Excel's name box: where the cursor is */}
      <Typography
        data-testid="name-box"
        variant="caption"
        color="text.secondary"
        sx={{ display: 'block', px: 1, minHeight: 20 }}
      >
        {cursorField && (cursorRecord || onNewRow)
          ? cursorLabel
          : below.current.on && editable
            ? translate('huiwu.grid.belowData')
            : ''}
      </Typography>
      <Box sx={{ position: 'relative' }}>
        <DataEditor
          ref={gridRef}
          columns={columns}
          rows={data.length + (newRow.index < 0 ? 0 : 1)}
          getCellContent={getCellContent}
          customRenderers={renderers}
          onCellsEdited={editable ? onCellsEdited : undefined}
          onCellActivated={([col, row]) => {
            const field = visible[col];
            if (editable && field?.setBy && data[row] && onEditThrough) onEditThrough(field, data[row]);
          }}
          getRowThemeOverride={(row) => (data[row] && highlighted(data[row]) ? highlightTheme : undefined)}
          // Enter in the new row's full editor (a picker, a date) saves the row, as typing's does
          onFinishedEditing={(value, [, down]) => {
            if (value && down === 1 && onNewRow) void reading.current.then(newRowCursor.enter);
          }}
          onPaste={false}
          fillHandle={editable}
          // as in Excel: a second click on the cursor's cell does nothing; typing edits, a double-click opens the editor
          cellActivationBehavior="double-click"
          keybindings={keybindings}
          getCellsForSelection
          gridSelection={{ ...selection, rows: tickedRows }}
          onGridSelectionChange={onGridSelectionChange}
          rowMarkers="both"
          rowSelectionMode="multi"
          freezeColumns={Math.min(layout.freeze, visible.length)}
          onHeaderClicked={(col) => {
            const field = visible[col].source;
            // a viewer's masked numbers are not sorted (the order would tell their hidden digits)
            if (visible[col].personal && !roleSeesPersonalData(role)) return;
            setSort({ field, order: sort.field === field && sort.order === 'ASC' ? 'DESC' : 'ASC' });
          }}
          onColumnResize={(column, size) =>
            setLayout({ ...layout, widths: { ...layout.widths, [String(column.id)]: size } })
          }
          onColumnMoved={onColumnMoved}
          theme={theme}
          rowHeight={34}
          headerHeight={38}
          smoothScrollX
          smoothScrollY
          onVisibleRegionChanged={() => setScrolled((n) => n + 1)}
          width="100%"
          height={Math.max(320, Math.min(36 * (data.length + 2) + 20, window.innerHeight - 250))}
        />
        <GridEmpty
          top={38 + (newRow.index < 0 ? 0 : 34) + 24}
          canType={newRow.index >= 0}
          noColumns={visible.length === 0}
        />
      </Box>
      <CellTyping
        ref={typing}
        target={target}
        onCommit={onTyped}
        onGridKey={toGrid}
        onShortcut={onShortcut}
        ownedByGrid={(element) => !!element && !!canvas()?.contains(element)}
        label={target ? cursorLabel : translate('huiwu.grid.noCell')}
      />
      {/* screen readers hear each save; sighted users see the cell colour */}
      <Box role="status" aria-live="polite" sx={{ position: 'absolute', left: -9999 }}>
        {writer.announcement}
      </Box>
      {newRow.status && (
        <Typography
          data-testid="new-row-status"
          variant="body2"
          color={newRow.missing.length || Object.keys(newRow.errors).length ? 'warning.main' : 'text.secondary'}
          sx={{ mt: 1 }}
        >
          {newRow.status}
        </Typography>
      )}
      {refused.length > 0 && (
        <Box role="alert" sx={{ mt: 1 }}>
          {refused.map(([key, reason]) => {
            const [id, field] = key.split('.');
            const row = data.findIndex((r) => String(r.id) === id);
            return (
              <Typography key={key} variant="body2" color="error">
                {translate('huiwu.grid.refused', {
                  row: row + 1,
                  field: translate(`resources.${resource.name}.fields.${field}`),
                  reason,
                })}
              </Typography>
            );
          })}
        </Box>
      )}
      {pasteDialog}
      <ConflictDialog
        resource={resource.name}
        conflict={writer.conflict?.conflict ?? null}
        onKeepTheirs={() => void writer.resolve('theirs')}
        onApplyMine={() => void writer.resolve('mine')}
      />
    </Box>
  );
};
