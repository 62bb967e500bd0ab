import fs from 'node:fs';
import path from 'node:path';
import { Journal, readJournal, writeFileAtomic, type JournalEntry } from './journal';

export type Data = Record<string, Array<Record<string, unknown> & { id: number | string }>>;

export interface Store {
  data: Data;
  journal: Journal;
  /** Writes the whole state as the new snapshot and empties the journal. */
  snapshot(): void;
  close(): void;
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

function readSnapshot(file: string): Data {
  const text = fs.readFileSync(file, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // Never start on an empty store in place of a damaged one: that is how data gets lost.
    throw new Error(`${file} is not valid JSON (${(error as Error).message}); refusing to start`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`${file} must hold a JSON object of collections; refusing to start`);
  }
  return data as Data;
}

/**
 * Opens the live data: the snapshot (created from the seed on first start) plus the journal
 * of changes since, which is then folded into a fresh snapshot.
 */
export function openStore(options: { dataFile: string; seedFile: string; collections: string[] }): Store {
  const { dataFile, seedFile, collections } = options;
  const journalFile = `${dataFile}.journal`;
  fs.mkdirSync(path.dirname(dataFile), { recursive: true });
  if (!fs.existsSync(dataFile)) {
    const seed = fs.existsSync(seedFile) ? readSnapshot(seedFile) : {};
    writeFileAtomic(dataFile, JSON.stringify(seed));
  }
  const data = readSnapshot(dataFile);
  const replayed = readJournal(journalFile);
  replayed.forEach((entry) => applyEntry(data, entry));
  for (const name of collections) data[name] ??= [];

  const store: Store = {
    data,
    journal: undefined as unknown as Journal,
    snapshot() {
      writeFileAtomic(dataFile, JSON.stringify(store.data));
      store.journal.truncate();
    },
    close() {
      store.journal.close();
    },
  };
  store.journal = new Journal(journalFile, () => store.snapshot());
  if (replayed.length > 0) store.snapshot();
  return store;
}
