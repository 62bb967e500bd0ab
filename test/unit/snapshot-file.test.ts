import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readSnapshot, writeSnapshot } from '../../src/server/store/snapshotFile';
import { tempDir } from '../helpers/server';

// The data file, written and read a record at a time, still plain JSON for anyone else.
const file = () => path.join(tempDir(), 'data.json');

const DATA = {
  attendees: [
    { id: 1, name: '王立新', note: '第一行\n第二行 "引号" \\ 反斜杠', phone: null },
    { id: 2, name: 'Ann', tags: ['a', 'b'], nested: { x: [1, { y: '],' }] } },
    { id: 3, name: '],' },
  ],
  series: [],
  'odd "name"': [{ id: 'x' }],
  _meta: { nextId: { attendees: 4 } },
};

describe('the data file', () => {
  it('is valid JSON laid out one record per line, and reads back as written', () => {
    const f = file();
    writeSnapshot(f, DATA);
    const text = fs.readFileSync(f, 'utf8');
    expect(JSON.parse(text)).toEqual(DATA);
    expect(text.split('\n').slice(0, 5)).toEqual([
      '{"attendees":[',
      JSON.stringify(DATA.attendees[0]) + ',',
      JSON.stringify(DATA.attendees[1]) + ',',
      JSON.stringify(DATA.attendees[2]),
      '],',
    ]);
    expect(readSnapshot(f)).toEqual(DATA);
  });

  it.each([
    ['an empty object', {}],
    ['only settings', { _meta: { nextId: {} } }],
    ['only an empty list', { audit: [] }],
  ])('round-trips %s', (_, data) => {
    const f = file();
    writeSnapshot(f, data);
    expect(JSON.parse(fs.readFileSync(f, 'utf8'))).toEqual(data);
    expect(readSnapshot(f)).toEqual(data);
  });

  it.each([
    ['on one line (as versions before wrote it)', JSON.stringify(DATA)],
    ['indented by hand', JSON.stringify(DATA, null, 2)],
    ['one record per line, but a record across two', '{"a":[\n{"id":1,\n"x":2}\n]}\n'],
  ])('reads a file laid out otherwise: %s', (_, text) => {
    const f = file();
    fs.writeFileSync(f, text);
    expect(readSnapshot(f)).toEqual(JSON.parse(text));
  });

  it.each([
    ['cut off in a list', (text: string) => text.slice(0, text.indexOf('"odd'))],
    ['cut off before its last brace', (text: string) => text.slice(0, text.lastIndexOf('}'))],
    ['with text after the end', (text: string) => text + 'x\n'],
    ['with a damaged record', (text: string) => text.replace('"Ann"', '"Ann')],
    ['with a comma missing between records', (text: string) => text.replace(/\},\n\{"id":3/, '}\n{"id":3')],
    ['with a comma after the last record', (text: string) => text.replace(/("name":"\],"\})\n\]/, '$1,\n]')],
  ])('refuses a file %s, saying why, rather than starting empty', (_, damage) => {
    const f = file();
    writeSnapshot(f, DATA);
    fs.writeFileSync(f, damage(fs.readFileSync(f, 'utf8')));
    expect(() => readSnapshot(f)).toThrow(/is not valid JSON [\s\S]*; refusing to start/);
  });

  it('reads a file saved with a byte-order mark, and keys JSON.parse keeps (__proto__)', () => {
    const f = file();
    fs.writeFileSync(f, '\uFEFF' + JSON.stringify({ attendees: [{ id: 1 }] }));
    expect(readSnapshot(f)).toEqual({ attendees: [{ id: 1 }] });
    writeSnapshot(f, JSON.parse('{"__proto__":[{"id":1}],"a":[]}'));
    const data = readSnapshot(f);
    expect(Object.keys(data)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });

  it('refuses a file that is JSON but not an object of lists', () => {
    const f = file();
    fs.writeFileSync(f, '[1,2]');
    expect(() => readSnapshot(f)).toThrow(/must hold a JSON object of collections/);
  });

  it('reads a large file a chunk at a time, records split across chunks, never the whole as one string', () => {
    const f = file();
    const rows = Array.from({ length: 5000 }, (_, i) => ({ id: i + 1, name: `嘉宾${i}`.repeat(30) }));
    writeSnapshot(f, { attendees: rows });
    expect(fs.statSync(f).size).toBeGreaterThan(1 << 20);
    const whole = vi.spyOn(fs, 'readFileSync');
    expect(readSnapshot(f)).toEqual({ attendees: rows });
    expect(whole).not.toHaveBeenCalled();
    whole.mockRestore();
  });
});
