import fs from 'node:fs';

/** One change to the store. Both kinds are idempotent, so replaying an entry that the
 * snapshot already holds is harmless: that is what makes compaction crash-safe. The entries
 * of one request (a record, its dependants, its audit trail) share one line, so they land or
 * vanish together. */
export type JournalEntry =
  { r: string; put: Record<string, unknown> & { id: number | string } } | { r: string; del: number | string };

/** the journal's size at which it is folded into a snapshot, unless the store says otherwise */
const JOURNAL_BYTES = 32 * 1024 * 1024;

interface Waiter {
  line: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * An append-only log of changes next to the snapshot. `append` resolves only once the entry
 * is on disk (fdatasync); concurrent appends share one sync (group commit), so the cost of a
 * write does not grow with the size of the data. A failed write is cut off again and the
 * journal refuses everything after it: the caller must stop rather than carry on with
 * memory that the disk does not hold.
 */
export class Journal {
  private fd: number;
  private queue: Waiter[] = [];
  private flushing: Promise<void> | null = null;
  private bytes: number;
  /** when the next snapshot may be tried, after one failed */
  private compactAfter = 0;
  failure: Error | null = null;

  constructor(
    readonly file: string,
    private readonly onLarge: (bytes: number) => void = () => {},
    private readonly largeBytes = JOURNAL_BYTES,
  ) {
    this.fd = fs.openSync(file, 'a');
    this.bytes = fs.fstatSync(this.fd).size;
  }

  /** how many writes were appended, in all and per collection: what a cache of the data
   * compares to know it is stale */
  changes = 0;
  private changed = new Map<string, number>();

  changesOf(collection: string) {
    return this.changed.get(collection) ?? 0;
  }

  append(entries: JournalEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    this.changes++;
    for (const entry of entries) this.changed.set(entry.r, (this.changed.get(entry.r) ?? 0) + 1);
    if (this.failure) return Promise.reject(this.failure);
    const line = JSON.stringify(entries) + '\n';
    return new Promise((resolve, reject) => {
      this.queue.push({ line, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush() {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      const buffer = Buffer.from(batch.map((w) => w.line).join(''));
      try {
        if (this.failure) throw this.failure;
        await writeAll(this.fd, buffer);
        await new Promise<void>((ok, fail) => fs.fdatasync(this.fd, (e) => (e ? fail(e) : ok())));
        this.bytes += buffer.length;
        batch.forEach((w) => w.resolve());
      } catch (error) {
        this.failure ??= error as Error;
        // Leave no half-written line behind for the next start to trip over.
        try {
          fs.ftruncateSync(this.fd, this.bytes);
        } catch {
          /* the disk is already failing; the next start drops a torn tail anyway */
        }
        batch.forEach((w) => w.reject(this.failure!));
      }
      if (!this.failure && this.bytes > this.largeBytes && Date.now() >= this.compactAfter) this.compact();
    }
    this.flushing = null;
  }

  /** Folds the journal into a snapshot. Its failing (a full disk) fails no write: those before it
   * are on disk in the journal and were acknowledged, and the journal keeps growing until a
   * snapshot succeeds; tried again a minute later, not on every write. */
  private compact() {
    try {
      this.onLarge(this.bytes);
    } catch (error) {
      this.compactAfter = Date.now() + 60_000;
      console.error(`${this.file}: could not fold the journal into a snapshot; writes go on in the journal`, error);
    }
  }

  /** Resolves once everything appended so far is on disk (or has failed). */
  async drain() {
    while (this.flushing) await this.flushing;
  }

  /** Empties the journal once a snapshot holds everything in it. */
  truncate() {
    fs.ftruncateSync(this.fd, 0);
    fs.fsyncSync(this.fd);
    this.bytes = 0;
  }

  close() {
    fs.closeSync(this.fd);
  }
}

function writeAll(fd: number, buffer: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const step = (offset: number) =>
      fs.write(fd, buffer, offset, buffer.length - offset, null, (error, written) => {
        if (error) reject(error);
        else if (offset + written < buffer.length) step(offset + written);
        else resolve();
      });
    step(0);
  });
}

/**
 * Reads every complete entry, and how many bytes they take. Only a last line without its
 * newline can be torn (a crash mid-append, never acknowledged): it is left out, and the
 * caller cuts the file back to `validBytes`. A complete line that does not parse is damage,
 * reported rather than skipped.
 */
export function readJournal(file: string): { entries: JournalEntry[]; validBytes: number } {
  if (!fs.existsSync(file)) return { entries: [], validBytes: 0 };
  const text = fs.readFileSync(file, 'utf8');
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  const entries: JournalEntry[] = [];
  const refuse = (index: number, what: string) =>
    new Error(
      `${file}: line ${index + 1} ${what}; refusing to start (fix or delete that line, or move the journal away to start from the data file alone, without the changes the journal holds)`,
    );
  complete.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw refuse(index, 'is damaged');
    }
    // One entry per line was the first format; a line is now the array of one request.
    for (const entry of Array.isArray(parsed) ? parsed : [parsed]) {
      const problem = shapeProblem(entry);
      if (problem) throw refuse(index, `is not a journal entry (${problem})`);
      entries.push(entry as JournalEntry);
    }
  });
  return { entries, validBytes: Buffer.byteLength(complete) };
}

const isId = (id: unknown) => (typeof id === 'number' && Number.isFinite(id)) || (typeof id === 'string' && id !== '');

/** What makes an entry other than the two shapes `append` writes, or null. A hand-edited line
 * of another shape would otherwise load as nonsense: a record without an id, or nothing. */
function shapeProblem(entry: unknown): string | null {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return 'not an object';
  const { r, put, del, ...rest } = entry as Record<string, unknown>;
  if (typeof r !== 'string' || r === '') return 'no list named in "r"';
  if ((put === undefined) === (del === undefined) || Object.keys(rest).length > 0) return 'not one "put" or one "del"';
  if (put === undefined) return isId(del) ? null : '"del" names no id';
  if (!put || typeof put !== 'object' || Array.isArray(put)) return '"put" holds no record';
  return isId((put as Record<string, unknown>).id) ? null : 'a "put" without an id';
}
