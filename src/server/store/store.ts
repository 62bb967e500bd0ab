import fs from 'node:fs';
import path from 'node:path';
import { Journal, readJournal, type JournalEntry } from './journal';
import { laidOutByRecord, readSnapshot, writeSnapshot } from './snapshotFile';
import { collectStartupGarbage } from './startupGarbage';
import { isDiskFull } from './diskFull';
import { removeLeftTemporaries } from './lines';
import { lockDataFile } from './lock';

export type Row = Record<string, unknown> & { id: number | string };
export type Data = Record<string, Row[]>;

/** Kept in the snapshot beside the collections, never handed to json-server. */
interface Meta {
  /** the next id per collection: ids are never reused, even after the newest is deleted */
  nextId: Record<string, number>;
}
const META = '_meta';

export interface Store {
  data: Data;
  journal: Journal;
  /** Set when the disk was full at start, so the journal could not be folded into a snapshot:
   * reads are served, every write refused (embeddedCommit.ts) until a restart finds room. */
  readOnly: Error | null;
  /** the id a new record of this collection gets */
  takeId(collection: string): number;
  /** Writes the whole state as the new snapshot and empties the journal. */
  snapshot(): void;
  /** Waits for pending writes, then releases the files. */
  close(): Promise<void>;
}

function applyEntry(data: Data, entry: JournalEntry) {
  const rows = (data[entry.r] ??= []);
  if ('put' in entry) {
    const index = rows.findIndex((row) => row.id === entry.put.id);
    if (index === -1) rows.push(entry.put);
    else rows[index] = entry.put;
  } else {
    const index = rows.findIndex((row) => row.id === entry.del);
    if (index !== -1) rows.splice(index, 1);
  }
}

const numericIds = (rows: Row[]) => rows.map((row) => Number(row.id)).filter(Number.isFinite);

/**
 * Opens the live data: the snapshot (created from the seed on first start) plus the journal
 * of changes since, which is then folded into a fresh snapshot.
 */
export function openStore(options: {
  dataFile: string;
  seedFile: string;
  collections: string[];
  /** the journal's size at which it is folded into a new snapshot */
  journalBytes?: number;
}): Store {
  const { dataFile, seedFile, collections, journalBytes } = options;
  const journalFile = `${dataFile}.journal`;
  fs.mkdirSync(path.dirname(dataFile), { recursive: true });
  const unlock = lockDataFile(dataFile);
  try {
    // a snapshot cut short by a crash (or, before, by a full disk): only holding space
    removeLeftTemporaries(dataFile);
    // a journal without its data file, even an empty one (emptied when a snapshot took in
    // everything): the data was there once, and starting from the seed would quietly lose it.
    // Only a folder with neither is new.
    if (!fs.existsSync(dataFile) && fs.existsSync(journalFile))
      throw new Error(
        `${dataFile} is missing but its journal ${journalFile} is not; refusing to start (put the data file back, or move the journal away to start from the seed)`,
      );
    if (!fs.existsSync(dataFile)) {
      const seed = fs.existsSync(seedFile) ? readSnapshot(seedFile) : {};
      writeSnapshot(dataFile, seed);
    }
    const { [META]: meta, ...data } = readSnapshot(dataFile) as Data & { [META]?: Meta };
    const nextId: Record<string, number> = { ...meta?.nextId };
    const { entries, validBytes } = readJournal(journalFile);
    if (fs.existsSync(journalFile)) fs.truncateSync(journalFile, validBytes);
    for (const entry of entries) {
      applyEntry(data, entry);
      // an id seen in the journal is taken, even if its record was deleted since
      if ('put' in entry && Number.isFinite(Number(entry.put.id))) {
        nextId[entry.r] = Math.max(nextId[entry.r] ?? 1, Number(entry.put.id) + 1);
      }
    }
    for (const name of collections) data[name] ??= [];
    // a loop, not Math.max(...ids): 100,000 arguments overflow the stack
    for (const [name, rows] of Object.entries(data))
      for (const id of numericIds(rows)) nextId[name] = Math.max(nextId[name] ?? 1, id + 1);

    const store: Store = {
      data,
      journal: undefined as unknown as Journal,
      readOnly: null,
      takeId: (collection) => {
        const id = nextId[collection] ?? 1;
        nextId[collection] = id + 1;
        return id;
      },
      snapshot() {
        writeSnapshot(dataFile, { ...store.data, [META]: { nextId } });
        store.journal.truncate();
      },
      async close() {
        await store.journal.drain();
        store.journal.close();
        unlock();
      },
    };
    store.journal = new Journal(journalFile, () => store.snapshot(), journalBytes);
    // a journal to fold in, or a file laid out otherwise (a seed copied over it, an older
    // version's): written afresh, so the next start reads it a record at a time
    if (entries.length > 0 || !laidOutByRecord(dataFile)) {
      try {
        store.snapshot();
      } catch (error) {
        // the data file and the journal still hold everything: serve it, and write nothing
        // more to a disk that has no room for it
        if (!isDiskFull(error)) throw error;
        store.readOnly = error as Error;
        console.error(
          `Huiwu starts read-only: the disk is full, so ${journalFile} could not be folded into ${dataFile} (${(error as Error).message}). Free disk space and restart to make changes.`,
        );
      }
    }
    collectStartupGarbage();
    return store;
  } catch (error) {
    unlock();
    throw error;
  }
}
