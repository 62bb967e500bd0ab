import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** A file's lines, read a chunk at a time: a 70 MB snapshot is never one string in memory.
 * Synchronous, as the store opens before the server answers anything. */
export function* linesOf(file: string, chunkBytes = 1 << 20, maxLineChars = 16 << 20): Generator<string> {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(chunkBytes);
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, chunkBytes, null);
      if (read === 0) break;
      const lines = (rest + decoder.write(buffer.subarray(0, read))).split('\n');
      rest = lines.pop()!;
      // a line longer than any record: not a file of lines (and joining it chunk by chunk would
      // copy it again for every chunk)
      if (rest.length > maxLineChars) throw new Error(`${file}: a line longer than ${maxLineChars} characters`);
      yield* lines;
    }
    rest += decoder.end();
    if (rest !== '') yield rest;
  } finally {
    fs.closeSync(fd);
  }
}

/** `<file>.tmp-<pid>`: where a file is written before it is renamed into place */
const TEMP = '.tmp-';

/** Writes text pieces to a file a batch at a time; a crash leaves the old file or the new one,
 * never a mix (a temporary file, synced, renamed, the folder synced). */
export function writeAtomically(file: string, pieces: Iterable<string>, batchChars = 1 << 20) {
  const temp = `${file}${TEMP}${process.pid}`;
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      let batch: string[] = [];
      let size = 0;
      for (const piece of pieces) {
        batch.push(piece);
        size += piece.length;
        if (size >= batchChars) {
          writeAll(fd, batch.join(''));
          batch = [];
          size = 0;
        }
      }
      writeAll(fd, batch.join(''));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    // a full disk, say: the old file stands, and the half-written one would only hold space
    fs.rmSync(temp, { force: true });
    throw error;
  }
  const dir = fs.openSync(path.dirname(file), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
}

/** Removes the temporary files of `file` that writes cut short by a crash left behind. Only for
 * the file's owner (the store, once it holds the lock): another writer's are in use. */
export function removeLeftTemporaries(file: string) {
  const dir = path.dirname(file);
  const prefix = path.basename(file) + TEMP;
  for (const name of fs.readdirSync(dir))
    if (name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))
      fs.rmSync(path.join(dir, name), { force: true });
}

function writeAll(fd: number, text: string) {
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length;) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
}
