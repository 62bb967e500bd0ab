import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, storedText } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const importRows = (resource: string, body: unknown, options: { dryRun?: boolean; lang?: string } = {}) =>
  server.api(`/${resource}/import${options.dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Accept-Language': options.lang ?? 'en' },
  });

const all = async (resource: string, filter: object = {}) =>
  (
    await server.client.getList(resource, {
      filter,
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 1000 },
    })
  ).data;

const columns = ['summitId', 'name', 'organizationId', 'phone', 'role', 'arrivalAt', 'repliedOn'];

describe('importing rows from a spreadsheet', () => {
  it('previews each row: new, update matched by phone within the summit, unchanged, invalid per cell, duplicate', async () => {
    const before = await all('attendees');
    const zhang = before.find((a) => a.name === '张伟')!;
    const res = await importRows(
      'attendees',
      {
        columns,
        key: ['summitId', 'phone'],
        lines: [2, 3, 4, 5, 6],
        rows: [
          // 张伟 again, same phone written with spaces, a new title-less role: an update
          ['智能制造高峰论坛', '张伟', '江淮工业大学', '139 0000 1111', '院士', '2026-12-04 18:00', ''],
          // a new guest with an Excel date serial (46000 = 2025-12-09) and a Chinese date-time
          ['智能制造高峰论坛', '李娜', '江淮智能装备有限公司', '13700002222', '专家', '2026年12月4日 9:30', '46000'],
          // the same new guest again further down the file
          ['智能制造高峰论坛', '李娜', '', '13700002222', '', '', ''],
          // invalid: bad phone, bad date (the new organisation would have been created)
          ['智能制造高峰论坛', '王五', '不存在的单位', 'call me', '', '明天', ''],
          // invalid: no name (required)
          ['智能制造高峰论坛', '', '', '13700003333', '', '', ''],
        ],
      },
      { dryRun: true },
    );
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.written).toBe(false);
    const outcomes = report.rows.map((r: { outcome: string }) => r.outcome);
    expect(outcomes).toEqual(['update', 'create', 'invalid', 'invalid', 'invalid']);
    expect(report.rows[0]).toMatchObject({ id: zhang.id, changed: ['role', 'arrivalAt'] });
    expect(report.rows[2].errors['']).toContain('line 3');
    expect(report.rows[3].errors).toEqual({
      phone: expect.stringContaining('Not a phone number'),
      arrivalAt: expect.stringContaining('2026-05-25 14:30'),
    });
    expect(report.rows[4].errors).toEqual({ name: 'Required' });
    expect(report.counts).toEqual({ create: 1, update: 1, unchanged: 0, invalid: 3 });
    // an organisation named only by a row that cannot be imported is not created
    expect(report.newRecords).toEqual([]);
    expect(await all('attendees')).toEqual(before);
  });
});

describe('committing an import', () => {
  const guests = (summit: string) => [
    [summit, '赵敏', '江淮工业大学', '13600000001', '专家', '2026-12-04 10:00', ''],
    [summit, '钱进', '省农业机械学会', '13600000002', 'entrepreneur', '', '2026/11/20'],
    [summit, '孙悦', '', '13600000003', '', '', ''],
  ];

  it('writes nothing at all when one row is invalid, and says which', async () => {
    const before = await all('attendees');
    const stored = await storedText(server);
    const rows = [...guests('智能制造高峰论坛'), ['智能制造高峰论坛', '周八', '', '12', '', '', '']];
    const res = await importRows('attendees', { columns, key: ['summitId', 'phone'], rows }, { lang: 'zh' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.message).toBe('有 1 行不能导入（原因见各行），所以一行也没有写入。修改后再导入。');
    expect(body.written).toBe(false);
    expect(body.rows[3]).toMatchObject({ outcome: 'invalid', errors: { phone: expect.stringContaining('电话号码') } });
    expect(await all('attendees')).toEqual(before);
    expect(await storedText(server)).toBe(stored);
  });

  it('writes every row at once, with its audit entry, and a second import of the same file changes nothing', async () => {
    const before = await all('attendees');
    const first = await importRows('attendees', {
      columns,
      key: ['summitId', 'phone'],
      rows: guests('石墨烯产业大会'),
    });
    expect(first.status).toBe(200);
    const report = await first.json();
    expect(report).toMatchObject({ written: true, counts: { create: 3, update: 0, unchanged: 0, invalid: 0 } });
    const after = await all('attendees');
    expect(after).toHaveLength(before.length + 3);
    const zhao = after.find((a) => a.id === report.rows[0].id)!;
    expect(zhao).toMatchObject({
      summitId: 2,
      name: '赵敏',
      organizationId: 2,
      role: 'expert',
      invitation: 'toInvite', // the schema's default
      arrivalAt: '2026-12-04T02:00:00.000Z', // 10:00 in Beijing
      version: 1,
    });
    expect(after.find((a) => a.id === report.rows[1].id)).toMatchObject({
      role: 'entrepreneur',
      repliedOn: '2026-11-20',
    });
    const trail = await all('audit', { resource: 'attendees', recordId: String(zhao.id) });
    expect(trail).toMatchObject([{ action: 'import', username: 'admin', after: { name: '赵敏' } }]);

    const again = await importRows('attendees', {
      columns,
      key: ['summitId', 'phone'],
      rows: guests('石墨烯产业大会'),
    });
    expect((await again.json()).counts).toEqual({ create: 0, update: 0, unchanged: 3, invalid: 0 });
    expect(await all('attendees')).toHaveLength(before.length + 3);
  });

  it('gives every row the values the list fixes (the summit whose guest list it is), whatever the file says', async () => {
    const { data: summit } = await server.client.create('summits', {
      data: { name: '空白峰会', kind: 'summit', startsOn: '2027-01-10', endsOn: '2027-01-11', status: 'planning' },
    });
    const res = await importRows('attendees', {
      columns,
      key: ['summitId', 'phone'],
      rows: guests('智能制造高峰论坛'),
      fixed: { summitId: summit.id },
    });
    expect((await res.json()).counts).toMatchObject({ create: 3 });
    expect((await all('attendees', { summitId: summit.id })).map((a) => a.name)).toEqual(['赵敏', '钱进', '孙悦']);
  });

  it('finds organisations by their name, keeps names unique within the file, and survives a restart', async () => {
    const res = await importRows('organizations', {
      columns: ['name', 'kind', 'city'],
      key: ['name'],
      rows: [
        ['江淮工业大学', '高校', '合肥市'],
        ['东海新材料研究院', 'institute', '宁波'],
      ],
    });
    const report = await res.json();
    expect(report.counts).toEqual({ create: 1, update: 1, unchanged: 0, invalid: 0 });
    expect(report.rows[0]).toMatchObject({ outcome: 'update', id: 2, changed: ['city'] });
    await server.close();
    server = await startTestServer({ dir: server.dir });
    const orgs = await all('organizations');
    expect(orgs.find((o) => o.id === 2)).toMatchObject({ city: '合肥市', version: 2 });
    expect(orgs.find((o) => o.name === '东海新材料研究院')).toMatchObject({ kind: 'institute', city: '宁波' });
  });

  it('imports ten thousand rows in one request', async () => {
    const count = async () =>
      (
        await server.client.getList('attendees', {
          filter: { summitId: 2 },
          sort: { field: 'id', order: 'ASC' },
          pagination: { page: 1, perPage: 1 },
        })
      ).total;
    const before = await count();
    const rows = Array.from({ length: 10_000 }, (_, i) => [
      '石墨烯产业大会',
      `嘉宾${i}`,
      i % 2 ? '江淮工业大学' : '',
      `150${String(i).padStart(8, '0')}`,
      '',
      '',
      '',
    ]);
    const res = await importRows('attendees', { columns, key: ['summitId', 'phone'], rows });
    expect(res.status).toBe(200);
    expect((await res.json()).counts.create).toBe(10_000);
    expect(await count()).toBe((before ?? 0) + 10_000);
  });
});

describe('matching rows to the people already there', () => {
  const summitOf = async (name: string) => {
    const { data } = await server.client.create('summits', {
      data: { name, kind: 'summit', startsOn: '2027-02-01', endsOn: '2027-02-02', status: 'planning' },
    });
    return data.id as number;
  };
  const run = (summitId: number, rows: string[][], dryRun = false) =>
    importRows(
      'attendees',
      { columns: ['name', 'phone', 'title'], key: ['summitId', 'phone'], fixed: { summitId }, rows },
      { dryRun },
    ).then((res) => res.json());

  it('finds a guest without a phone by name, so a second import adds nobody', async () => {
    const summitId = await summitOf('匹配测试一');
    expect((await run(summitId, [['周到', '', '顾问']])).counts).toMatchObject({ create: 1 });
    expect((await run(summitId, [['周到', '', '高级顾问']])).counts).toMatchObject({ create: 0, update: 1 });
    // and again once the next file has the phone: the same person, now with a number
    expect((await run(summitId, [['周到', '13512345678', '高级顾问']])).counts).toMatchObject({ update: 1 });
    expect(await all('attendees', { summitId })).toMatchObject([{ name: '周到', phone: '13512345678' }]);
  });

  it('knows +86 and spaced numbers as the same phone, and stores mobiles as 11 digits', async () => {
    const summitId = await summitOf('匹配测试二');
    await run(summitId, [['吴用', '135 0000 8888', '']]);
    expect((await all('attendees', { summitId }))[0].phone).toBe('13500008888');
    const again = await run(summitId, [['吴用', '+86 135-0000-8888', '参谋']], true);
    expect(again.rows[0]).toMatchObject({ outcome: 'update', changed: ['title'] });
  });

  it('keeps two people with the same name but different phones apart', async () => {
    const summitId = await summitOf('匹配测试三');
    await run(summitId, [['王伟', '13600001111', '']]);
    const report = await run(
      summitId,
      [
        ['王伟', '13600002222', ''],
        ['王伟', '13600001111', '教授'],
      ],
      true,
    );
    expect(report.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['create', 'update']);
  });

  it('stores what an update sets as the schema stores it', async () => {
    const summitId = await summitOf('匹配测试四');
    await run(summitId, [['孙立', '13700005555', '']]);
    await importRows('attendees', {
      columns: ['phone'],
      key: ['summitId', 'phone'],
      fixed: { summitId, organizationId: '3' },
      rows: [['13700005555']],
    });
    expect((await all('attendees', { summitId }))[0].organizationId).toBe(3);
  });
});

describe('who may import what', () => {
  it('refuses viewers, accounts, unknown columns and keys, with a message', async () => {
    const viewer = await server.userWithRole('viewer');
    const body = JSON.stringify({ columns: ['name'], rows: [['某人']] });
    const denied = await viewer.api('/attendees/import?dryRun=true', { method: 'POST', body });
    expect(denied.status).toBe(403);
    const users = await importRows('users', { columns: ['username'], rows: [['x']] });
    expect(users.status).toBe(400);
    expect((await users.json()).message).toBe('Users cannot be imported');
    // a follow-up moves its agreement one decision at a time: not by the thousand
    const followups = await importRows('followups', { columns: ['note'], rows: [['x']] });
    expect((await followups.json()).message).toBe('Follow-ups cannot be imported');
    const column = await importRows('attendees', { columns: ['shoeSize'], rows: [['42']] });
    expect((await column.json()).message).toBe('The import is malformed: column 1: shoeSize');
    const key = await importRows('attendees', { columns: ['name'], rows: [['某人']], key: ['hotel'] });
    expect((await key.json()).message).toBe('The import is malformed: key ["hotel"]');
  });
});
