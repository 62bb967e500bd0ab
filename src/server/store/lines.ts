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

/** Writes text pieces to a file a batch at a time; a crash leaves the old file or the new one,
 * never a mix (a temporary file, synced, renamed, the folder synced). */
export function writeAtomically(file: string, pieces: Iterable<string>, batchChars = 1 << 20) {
  const temp = `${file}.tmp-${process.pid}`;
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
  const dir = fs.openSync(path.dirname(file), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
}

function writeAll(fd: number, text: string) {
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length;) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
}
