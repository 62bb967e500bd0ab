import fs from 'node:fs';
import { linesOf, writeAtomically } from './lines';

/**
 * The data file: plain JSON that json-server, an editor or `JSON.parse` reads as it always
 * did, laid out one record per line, so the store writes it and reads it back a record at a
 * time (never the whole file as one string: at 100,000 guests that string was the memory
 * peak). A file laid out otherwise (a seed, a hand-edited file) is read whole.
 *
 *   {"attendees":[
 *   {"id":1,…},
 *   {"id":2,…}
 *   ],
 *   "_meta":{…}}
 */
export function writeSnapshot(file: string, data: Record<string, unknown>) {
  writeAtomically(file, pieces(data));
}

function* pieces(data: Record<string, unknown>): Generator<string> {
  const keys = Object.keys(data);
  if (keys.length === 0) return yield '{}\n';
  for (const [k, name] of keys.entries()) {
    const open = k === 0 ? '{' : '';
    const close = k === keys.length - 1 ? '}' : ',';
    const rows = data[name];
    if (!Array.isArray(rows)) {
      yield `${open}${JSON.stringify(name)}:${JSON.stringify(rows) ?? 'null'}${close}\n`;
      continue;
    }
    yield `${open}${JSON.stringify(name)}:[\n`;
    for (let i = 0; i < rows.length; i++) yield JSON.stringify(rows[i]) + (i < rows.length - 1 ? ',\n' : '\n');
    yield `]${close}\n`;
  }
}

const OPENS = /^\{?("(?:[^"\\]|\\.)*"):\[$/;
const VALUE = /^\{?("(?:[^"\\]|\\.)*"):(.*)[,}]$/;

/** Reads a data file; one that is not a valid JSON object is refused, saying so. */
export function readSnapshot(file: string): Record<string, unknown> {
  if (!laidOutByRecord(file)) return parseWhole(file);
  const lines = linesOf(file);
  const head = lines.next();
  if (head.done || !OPENS.test(head.value)) return parseWhole(file);
  const data: Record<string, unknown> = {};
  let rows: unknown[] | null = null;
  let closed = false;
  let comma = false;
  try {
    for (
      let line: string | undefined = head.value;
      line !== undefined;
      line = lines.next().value as string | undefined
    ) {
      if (closed) {
        if (line.trim() !== '') throw new Error('text after the end');
      } else if (rows) {
        // as JSON.parse would: a comma between records, none after the last
        const closing = line === '],' || line === ']}';
        if (rows.length > 0 && comma === closing) throw new Error('a comma missing or left over');
        if (closing) [rows, closed] = [null, line === ']}'];
        else {
          comma = line.endsWith(',');
          rows.push(JSON.parse(comma ? line.slice(0, -1) : line));
        }
      } else {
        const opens = OPENS.exec(line);
        const value = opens ? null : VALUE.exec(line);
        if (opens) own(data, JSON.parse(opens[1]), (rows = []));
        else if (value) {
          own(data, JSON.parse(value[1]), JSON.parse(value[2]));
          closed = line.endsWith('}');
        } else throw new Error('not laid out one record per line');
      }
    }
    if (!closed) throw new Error('ends before its end');
  } catch {
    // laid out otherwise after all, or torn: JSON.parse of the whole decides
    lines.return(undefined);
    return parseWhole(file);
  }
  return data;
}

/** Whether the file begins as this layout does; looked at in its first bytes, since a file
 * written on one line would otherwise be read as one line a chunk at a time. */
export function laidOutByRecord(file: string) {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const text = head.subarray(0, fs.readSync(fd, head, 0, head.length, 0)).toString('utf8');
    return /^\{"(?:[^"\\]|\\.)*":\[\n/.test(text);
  } finally {
    fs.closeSync(fd);
  }
}

/** A key as JSON.parse keeps it, __proto__ included (an assignment would set the prototype). */
const own = (data: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(data, key, { value, enumerable: true, writable: true, configurable: true });

function parseWhole(file: string): Record<string, unknown> {
  let data: unknown;
  try {
    // a byte-order mark (Notepad's "UTF-8 with BOM") is not part of the JSON
    data = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    // Never start on an empty store in place of a damaged one: that is how data gets lost.
    throw new Error(`${file} is not valid JSON (${(error as Error).message}); refusing to start`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new Error(`${file} must hold a JSON object of collections; refusing to start`);
  return data as Record<string, unknown>;
}
