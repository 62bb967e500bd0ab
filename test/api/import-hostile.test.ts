import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSummit, rowsOf, startTestServer, type Session, type TestServer } from '../helpers/server';

// What an attack on the import found (each answered 200 or 500, wrote, or leaked before):
// malformed fields of the request, pastes naming one record twice, a dry run spelled another
// way, choices keyed by another spelling, names of records a role may not read, characters
// that disguise a name.
let server: TestServer;
let organiser: Session;
let summitId: number;

beforeAll(async () => {
  server = await startTestServer();
  organiser = await server.userWithRole('organiser');
  summitId = await newSummit(server.client, '防护测试论坛');
});
afterAll(() => server.close());

const send = async (body: unknown, query = '', who: Session = organiser) => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await who.api(`/attendees/import${query}`, { method: 'POST', body: text });
  return { status: res.status, body: await res.json() };
};
/** JSON nested deeper than any serialiser here will write: as a hostile client sends it. */
const nestedJson = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const guest = (name: string) => ({ columns: ['name'], rows: [[name]], fixed: { summitId } });
const count = async (resource: string) => (await rowsOf(server.client, resource, {}, 5000)).length;

describe('a malformed import is refused before anything is read or written', () => {
  it('line numbers, ids, versions and keys must be what they say', async () => {
    const before = await count('attendees');
    const plain = JSON.stringify(guest('甲')).slice(0, -1);
    for (const raw of [
      `${plain},"lines":[${nestedJson(50_000)}]}`,
      `${plain},"key":["id"],"ids":[${nestedJson(50_000)}]}`,
    ]) {
      const { status } = await send(raw, '');
      expect(status).toBe(400);
    }
    for (const body of [
      { ...guest('甲'), lines: ['X'.repeat(100_000)] },
      { ...guest('甲'), lines: [1, 2] },
      { ...guest('甲'), key: [['summitId']] },
      { ...guest('甲'), key: ['id'], ids: [1], versions: ['999'] },
      { ...guest('甲'), key: ['id'], ids: [1], versions: 7 },
      { ...guest('甲'), ids: [1] },
      { ...guest('甲'), columns: ['arrivalAt:date:junk'] },
      { ...guest('甲'), meaning: { noSuchField: { a: 'b' } } },
      { ...guest('甲'), names: { organizations: { 某单位: '5' } } },
      { ...guest('甲'), names: { organizations: { 某单位: 'bogus' } } },
      { ...guest('甲'), rows: [['x'.repeat(10_001)]] },
    ]) {
      const { status, body: answer } = await send(body);
      expect(status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(answer.message).toMatch(/malformed/);
    }
    expect(await count('attendees')).toBe(before);
  });

  it('a cell that is not text is refused by its row and its column, however deep it nests', async () => {
    const plain = JSON.stringify({ ...guest('乙'), columns: ['name', 'title'] });
    const raw = plain.replace('"rows":[["乙"]]', `"rows":[["乙","院长"],["丙",${nestedJson(5000)}]]`);
    const { status, body } = await send(raw, '?dryRun=true');
    expect(status).toBe(400);
    expect(body.message).toMatch(/row 2, column 2 \(title\)/);
  });

  it('too many columns, one field from too many, or a column that is no name: refused, not joined row by row', async () => {
    const many = { columns: ['name', ...Array(600).fill(null)], rows: [['甲']], fixed: { summitId } };
    expect((await send(many)).status).toBe(400);
    const repeated = {
      columns: ['name', ...Array(5).fill('note')],
      rows: [['甲', 'a', 'b', 'c', 'd', 'e']],
      fixed: { summitId },
    };
    expect((await send(repeated)).status).toBe(400);
    const odd = await send(`{"columns":[{"toString":1}],"rows":[["x"]]}`);
    expect(odd.status).toBe(400);
    const deep = await send(`{"columns":[${nestedJson(50_000)}],"rows":[["x"]]}`);
    expect(deep.status).toBe(400);
    // what was wrong is named, not echoed whole
    const huge = await send({ columns: ['x'.repeat(1_000_000)], rows: [['甲']] });
    expect(huge.status).toBe(400);
    expect(JSON.stringify(huge.body).length).toBeLessThan(1000);
  });

  it('a dry run spelled another way writes nothing: it is refused', async () => {
    const before = await count('attendees');
    for (const query of [
      '?dryRun=1',
      '?dryRun=TRUE',
      '?dryRun',
      '?dryRun=true&dryRun=true',
      '?dryRun[]=true',
      '?dryrun=true',
      '?DryRun=true',
    ])
      expect((await send(guest('乙'), query)).status, query).toBe(400);
    expect(await count('attendees')).toBe(before);
    expect((await send(guest('乙'), '?dryRun=true')).body.written).toBe(false);
  });
});

describe('rows that would slip past the checks', () => {
  it('a paste naming one record twice writes it once, checked as stored', async () => {
    const { data: g } = await server.client.create('attendees', {
      data: { summitId, name: '被粘贴两次的嘉宾', role: 'guest', invitation: 'confirmed' },
    });
    const { status, body } = await send({
      columns: ['invitation', 'hotel'],
      rows: [
        ['absent', 'A'],
        ['declined', 'B'],
      ],
      key: ['id'],
      ids: [g.id, g.id],
      versions: [g.version, g.version],
    });
    expect(status).toBe(400);
    expect(body.rows[1].errors['']).toContain('Same record as line');
    const { data: now } = await server.client.getOne('attendees', { id: g.id });
    expect(now).toMatchObject({ invitation: 'confirmed', version: 1 });
  });

  it('a paste onto an id that does not exist says only that', async () => {
    const { body } = await send({ columns: ['hotel'], rows: [['A']], key: ['id'], ids: [999_999] }, '?dryRun=true');
    expect(body.rows[0]).toMatchObject({ outcome: 'invalid', errors: { '': 'No record with id 999999' } });
  });

  it('the ids kept for new records cannot be typed', async () => {
    const { body } = await send(
      {
        columns: ['name', 'organizationId'],
        rows: [
          ['丙', '一家新单位'],
          ['丁', '#9007199253740991'],
        ],
        fixed: { summitId },
      },
      '?dryRun=true',
    );
    expect(body.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['create', 'invalid']);
    expect(body.rows[1].errors.organizationId).toContain('No record with id');
  });

  it('a choice made for a new name holds for its other spellings', async () => {
    const { body } = await send(
      {
        columns: ['name', 'organizationId'],
        rows: [
          ['戊', '变体单位'],
          ['己', '变体 单位'],
        ],
        fixed: { summitId },
        names: { organizations: { 变体单位: null } },
        badCells: 'emptyCell',
      },
      '?dryRun=true',
    );
    expect(body.newRecords).toEqual([]);
    expect(body.rows.map((r: { emptied?: object }) => Object.keys(r.emptied ?? {}))).toEqual([
      ['organizationId'],
      ['organizationId'],
    ]);
  });

  it('the preview names no record of a list the role may not read', async () => {
    await server.api('/customFields', {
      method: 'POST',
      body: JSON.stringify({
        resource: 'attendees',
        source: 'ownerUser',
        labelZh: '负责人',
        type: 'reference',
        reference: 'users',
      }),
    });
    const { body } = await send(
      { columns: ['name', 'ownerUser'], rows: [['庚', '#1']], fixed: { summitId } },
      '?dryRun=true',
    );
    expect(JSON.stringify(body)).not.toContain('admin');
    const byName = await send(
      { columns: ['name', 'ownerUser'], rows: [['辛', 'admin']], fixed: { summitId } },
      '?dryRun=true',
    );
    expect(byName.body.rows[0].outcome).toBe('invalid');
  });
});

describe('characters that disguise a name', () => {
  it('right-to-left marks and lone surrogates are refused; invisible spaces are dropped', async () => {
    const bad = await send(
      {
        columns: ['name', 'title'],
        rows: [
          ['\u202e伪装', ''],
          ['\ud800坏', ''],
          ['癸', '制表\t符'],
        ],
        fixed: { summitId },
      },
      '?dryRun=true',
    );
    expect(bad.body.rows.map((r: { errors?: Record<string, string> }) => r.errors?.name ?? r.errors?.title)).toEqual([
      expect.stringContaining('cannot be stored'),
      expect.stringContaining('cannot be stored'),
      expect.stringContaining('cannot be stored'),
    ]);
    // a zero-width space copied along from a document: the organisation is the one Huiwu knows
    const { data: org } = await server.client.create('organizations', {
      data: { name: '东临科创基金', kind: 'other' },
    });
    for (const mark of ['\u200b', '\u200c', '\u200d', '\u00ad', '\u200e', '\u2060', '\ufeff']) {
      const invisible = await send(
        { columns: ['name', 'organizationId'], rows: [[`壬${mark}`, `东临${mark}科创基金`]], fixed: { summitId } },
        '?dryRun=true',
      );
      expect(invisible.body.newRecords, JSON.stringify(mark)).toEqual([]);
      expect(invisible.body.rows[0].outcome).toBe('create');
      // how it was read, where trimming alone would not show it
      if (mark !== '\ufeff') expect(invisible.body.rows[0].read?.name).toBe('壬');
    }
    expect(org.id).toBeGreaterThan(0);
  });
});
