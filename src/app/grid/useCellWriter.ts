import { useRef, useState } from 'react';
import { useDataProvider, useListContext, useNotify, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { sameValue, type ResourceDef } from '../../schema';
import type { Conflict } from '../schema-ui/ConflictDialog';

export interface CellChange {
  id: RaRecord['id'];
  field: string;
  before: unknown;
  after: unknown;
}

/** One user action (an edit, a paste, a fill) that Ctrl+Z undoes as a whole. */
interface Step {
  changes: CellChange[];
  created: RaRecord['id'][];
  /** records of other lists the action added (a new organisation a paste or a cell named) */
  others?: OtherRecords;
}

/** Cells a colleague changed too since this user's copy (the server's 409, which wrote none
 * of the record's cells): held until the user keeps theirs or applies their own. */
export interface CellConflict {
  id: RaRecord['id'];
  cells: CellChange[];
  conflict: Conflict;
}

/** Records of other lists, by list. */
export type OtherRecords = { resource: string; ids: RaRecord['id'][] }[];

const key = (id: unknown, field: string) => `${id}.${field}`;
/**
 * Saves cells at once, through the data provider (so through the server's validation):
 * shows them as saving, reverts and explains a refused one, and keeps the steps Ctrl+Z undoes.
 * Writes to one record go one after another, each from the version the last one returned, so
 * quick successive edits (and an undo right after a save) are never mistaken for a
 * colleague's change. A colleague's change to the same cell meanwhile is put to the user
 * (`conflict`, `resolve`); to other cells of the record, the server keeps both.
 */
export function useCellWriter(resource: ResourceDef) {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const { data, resource: listed, page, perPage, sort, filterValues } = useListContext();
  const [pending, setPending] = useState<Record<string, unknown>>({});
  const [refused, setRefused] = useState<Record<string, string>>({});
  // what was last said, and of which rows: another page, order, filter or list shows other
  // rows, and a notice about the old ones (已新增一行) stayed in the live region
  const shownRows = JSON.stringify([listed, page, perPage, sort, filterValues]);
  const [said, setSaid] = useState({ text: '', of: shownRows });
  const setAnnouncement = (text: string) => setSaid({ text, of: shownRows });
  const announcement = said.of === shownRows ? said.text : '';
  const [conflicts, setConflicts] = useState<CellConflict[]>([]);
  const undoStack = useRef<Step[]>([]);
  // the newest copy of each record this grid has written, and the write queue per record
  const written = useRef(new Map<unknown, RaRecord>());
  const queues = useRef(new Map<unknown, Promise<unknown>>());

  const latest = (id: unknown): RaRecord => {
    const shown = data?.find((row) => row.id === id);
    const mine = written.current.get(id);
    if (!shown) return mine ?? ({ id } as RaRecord);
    return mine && Number(mine.version) > Number(shown.version) ? mine : shown;
  };

  const writeRecord = (id: unknown, cells: CellChange[]) => {
    const run = async () => {
      const previous = latest(id);
      const { data: saved } = await dataProvider.update(resource.name, {
        id: id as RaRecord['id'],
        data: { ...previous, ...Object.fromEntries(cells.map((c) => [c.field, c.after])) },
        previousData: previous,
      });
      written.current.set(id, saved);
    };
    const next = (queues.current.get(id) ?? Promise.resolve()).then(run, run);
    queues.current.set(
      id,
      next.catch(() => undefined),
    );
    return next;
  };

  /** Writes changes grouped by record; returns the ones the server accepted. */
  async function write(changes: CellChange[]): Promise<CellChange[]> {
    setPending((p) => ({ ...p, ...Object.fromEntries(changes.map((c) => [key(c.id, c.field), c.after])) }));
    setRefused((r) =>
      Object.fromEntries(Object.entries(r).filter(([k]) => !changes.some((c) => key(c.id, c.field) === k))),
    );
    const byRecord = new Map<unknown, CellChange[]>();
    for (const change of changes) byRecord.set(change.id, [...(byRecord.get(change.id) ?? []), change]);
    const accepted: CellChange[] = [];
    const messages: string[] = [];
    const conflicted: CellConflict[] = [];
    await Promise.all(
      [...byRecord].map(async ([id, cells]) => {
        try {
          await writeRecord(id, cells);
          accepted.push(...cells);
        } catch (error) {
          const { status, body, message } = error as {
            status?: number;
            body?: Partial<Conflict> & { errors?: Record<string, string> };
            message: string;
          };
          if (status === 409 && body?.conflicts && body.current) {
            // the record as it is now: what the user's choice is written over
            written.current.set(id, body.current);
            conflicted.push({ id: id as RaRecord['id'], cells, conflict: body as Conflict });
            return;
          }
          const reasons = body?.errors ?? {};
          setRefused((r) => ({
            ...r,
            ...Object.fromEntries(cells.map((c) => [key(c.id, c.field), reasons[c.field] ?? message])),
          }));
          messages.push(message);
        }
      }),
    );
    setPending((p) =>
      Object.fromEntries(Object.entries(p).filter(([k]) => !changes.some((c) => key(c.id, c.field) === k))),
    );
    if (conflicted.length) setConflicts((list) => [...list, ...conflicted]);
    if (messages.length) {
      notify(messages[0], { type: 'error', multiLine: true });
      setAnnouncement(messages[0]);
    } else if (conflicted.length) setAnnouncement(conflicted[0].conflict.message);
    else if (accepted.length) setAnnouncement(translate('huiwu.grid.saved', { smart_count: accepted.length }));
    refresh();
    return accepted;
  }

  /** Saves a user action and remembers it for Ctrl+Z (at once, so an undo pressed while it is
   * still saving undoes this one, not the one before). */
  async function apply(changes: CellChange[], created: RaRecord['id'][] = [], others: OtherRecords = []) {
    const real = changes.filter((c) => !sameValue(c.before, c.after));
    if (real.length === 0 && created.length === 0) return [];
    const step: Step = { changes: real, created, others };
    undoStack.current.push(step);
    const accepted = real.length ? await write(real) : [];
    step.changes = accepted;
    if (accepted.length === 0 && created.length === 0) undoStack.current = undoStack.current.filter((s) => s !== step);
    return accepted;
  }

  async function undo() {
    const step = undoStack.current.pop();
    if (!step) return;
    const reverted = await write(step.changes.map((c) => ({ ...c, before: c.after, after: c.before })));
    // what could not be reverted stays undoable
    const left = step.changes.filter((c) => !reverted.some((r) => r.id === c.id && r.field === c.field));
    if (left.length) undoStack.current.push({ changes: left, created: [] });
    // the rows it added, then what they named that it added too (nothing refers to those now)
    for (const { resource: name, ids } of [{ resource: resource.name, ids: step.created }, ...(step.others ?? [])]) {
      if (ids.length === 0) continue;
      try {
        await dataProvider.deleteMany(name, { ids });
      } catch (error) {
        // an organisation a colleague has linked to meanwhile stays: it is in use, not left over
        if (name !== resource.name && (error as { status?: number }).status === 409) continue;
        notify((error as Error).message, { type: 'error' });
      }
    }
    refresh();
  }

  /** A change written elsewhere (a paste through the import), for Ctrl+Z to undo as a whole;
   * `records` are the changed records as now stored, the versions an undo starts from. */
  const remember = (
    changes: CellChange[],
    created: RaRecord['id'][],
    records: RaRecord[] = [],
    others: OtherRecords = [],
  ) => {
    for (const record of records) written.current.set(record.id, record);
    if (changes.length || created.length) undoStack.current.push({ changes, created, others });
  };

  /** The user's answer to the first conflict: their cells saved over the colleague's values, or
   * the colleague's kept (the record's other cells of that save are saved either way). */
  async function resolve(keep: 'mine' | 'theirs') {
    const [first] = conflicts;
    if (!first) return;
    setConflicts((list) => list.slice(1));
    const { current, conflicts: fields } = first.conflict;
    const cells = first.cells
      .filter((cell) => keep === 'mine' || !(cell.field in fields))
      .map((cell) => ({ ...cell, before: current[cell.field] ?? null }));
    if (cells.length) await apply(cells);
    else refresh();
  }

  /** A value the grid itself could not read (typed text that is no date): shown like a refusal. */
  const refuse = (id: unknown, field: string, reason: string) => {
    setRefused((r) => ({ ...r, [key(id, field)]: reason }));
    setAnnouncement(reason);
  };

  return {
    apply,
    undo,
    /** the newest copy of a record this grid knows (its own save may be newer than the list) */
    latest,
    refuse,
    remember,
    /** the first save that met a colleague's change to the same cell, until resolved */
    conflict: conflicts[0] ?? null,
    resolve,
    /** forgets refusals shown for rows no longer in view */
    clearRefused: () => setRefused({}),
    /** the value being saved in a cell, if any */
    pending: (id: unknown, field: string) => (key(id, field) in pending ? { value: pending[key(id, field)] } : null),
    refused: (id: unknown, field: string) => refused[key(id, field)],
    refusedList: refused,
    announcement,
    /** says something to screen readers (a row added) */
    announce: setAnnouncement,
  };
}
