import fs from 'node:fs';
import path from 'node:path';

/** One change to the store. Both kinds are idempotent, so replaying an entry that the
 * snapshot already holds is harmless: that is what makes compaction crash-safe. The entries
 * of one request (a record, its dependants, its audit trail) share one line, so they land or
 * vanish together. */
export type JournalEntry =
  | { r: string; put: Record<string, unknown> & { id: number | string } }
  | { r: string; del: number | string };

interface Waiter {
  line: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * An append-only log of changes next to the snapshot. `append` resolves only once the entry
 * is on disk (fdatasync); concurrent appends share one sync (group commit), so the cost of a
 * write does not grow with the size of the data.
 */
export class Journal {
  private fd: number;
  private queue: Waiter[] = [];
  private flushing = false;
  private bytes: number;

  constructor(
    readonly file: string,
    private readonly onLarge: (bytes: number) => void = () => {},
    private readonly largeBytes = 32 * 1024 * 1024,
  ) {
    this.fd = fs.openSync(file, 'a');
    this.bytes = fs.fstatSync(this.fd).size;
  }

  append(entries: JournalEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    const line = JSON.stringify(entries) + '\n';
    return new Promise((resolve, reject) => {
      this.queue.push({ line, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush() {
    this.flushing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      const buffer = Buffer.from(batch.map((w) => w.line).join(''));
      try {
        await writeAll(this.fd, buffer);
        await new Promise<void>((ok, fail) => fs.fdatasync(this.fd, (e) => (e ? fail(e) : ok())));
        this.bytes += buffer.length;
        batch.forEach((w) => w.resolve());
      } catch (error) {
        batch.forEach((w) => w.reject(error as Error));
      }
      if (this.bytes > this.largeBytes) this.onLarge(this.bytes);
    }
    this.flushing = false;
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

/** Reads every complete entry. A torn last line (a crash mid-append, never acknowledged)
 * is dropped; a damaged line elsewhere is reported, not silently skipped. */
export function readJournal(file: string): JournalEntry[] {
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const entries: JournalEntry[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      entries.push(...(JSON.parse(line) as JournalEntry[]));
    } catch {
      const isLast = lines.slice(index + 1).every((rest) => rest.trim() === '');
      if (!isLast) throw new Error(`${file}: line ${index + 1} is damaged; refusing to start`);
    }
  });
  return entries;
}

/** Writes a file so that a crash leaves either the old or the new content, never a mix. */
export function writeFileAtomic(file: string, content: string) {
  const temp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  const dir = fs.openSync(path.dirname(file), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
}
