import { useRef, useState } from 'react';
import { useDataProvider, useListContext, useNotify, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import type { ResourceDef } from '../../schema';

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
}

const key = (id: unknown, field: string) => `${id}.${field}`;

/**
 * Saves cells at once, through the data provider (so through the server's validation):
 * shows them as saving, reverts and explains a refused one, and keeps the steps Ctrl+Z undoes.
 */
export function useCellWriter(resource: ResourceDef) {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const { data } = useListContext();
  const [pending, setPending] = useState<Record<string, unknown>>({});
  const [refused, setRefused] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState('');
  const undoStack = useRef<Step[]>([]);

  const rowOf = (id: unknown) => data?.find((row) => row.id === id);

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
    await Promise.all(
      [...byRecord].map(async ([id, cells]) => {
        const previous = rowOf(id) ?? { id };
        try {
          await dataProvider.update(resource.name, {
            id: id as RaRecord['id'],
            data: { ...previous, ...Object.fromEntries(cells.map((c) => [c.field, c.after])) },
            previousData: previous as RaRecord,
          });
          accepted.push(...cells);
        } catch (error) {
          const { body, message } = error as { body?: { errors?: Record<string, string> }; message: string };
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
    if (messages.length) notify(messages[0], { type: 'error', multiLine: true });
    if (accepted.length) setAnnouncement(translate('huiwu.grid.saved', { smart_count: accepted.length }));
    if (messages.length) setAnnouncement(messages[0]);
    refresh();
    return accepted;
  }

  async function apply(changes: CellChange[], created: RaRecord['id'][] = []) {
    const real = changes.filter((c) => JSON.stringify(c.before ?? null) !== JSON.stringify(c.after ?? null));
    const accepted = real.length ? await write(real) : [];
    if (accepted.length || created.length) undoStack.current.push({ changes: accepted, created });
    return accepted;
  }

  async function undo() {
    const step = undoStack.current.pop();
    if (!step) return;
    await write(step.changes.map((c) => ({ ...c, before: c.after, after: c.before })));
    if (step.created.length) await dataProvider.deleteMany(resource.name, { ids: step.created });
    refresh();
  }

  return {
    apply,
    undo,
    pending: (id: unknown, field: string) => (key(id, field) in pending ? { value: pending[key(id, field)] } : null),
    refused: (id: unknown, field: string) => refused[key(id, field)],
    refusedList: refused,
    announcement,
  };
}
