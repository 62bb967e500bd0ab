import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchData } from '../bench/data';
import { newSummit, sessionFor, startTestServer, type Session, type TestServer } from '../helpers/server';

// GET /api/:resource/export: the rows a grid shows (its filter, sort and columns, what the
// role may see), as a file the server writes while sending it.

const exportOf = (session: Session, resource: string, params: Record<string, unknown>) =>
  session.api(
    `/${resource}/export?${new URLSearchParams(
      Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    )}`,
  );

async function sheetOf(res: Response) {
  expect(res.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheet, rows };
}

describe('a summit’s guest list exported by the server', () => {
  let server: TestServer;
  let zh: Session;
  let summitId: number;
  beforeAll(async () => {
    server = await startTestServer();
    zh = sessionFor(server.url, server.cookie, 'zh');
    summitId = await newSummit(server.client, '导出测试峰会');
    const guests = [
      {
        name: '王立新',
        phone: '13800000001',
        invitation: 'confirmed',
        organizationId: 1,
        arrivalAt: '2027-05-25T06:30:00.000Z',
      },
      { name: '=HYPERLINK("http://x")', phone: '13800000002', invitation: 'invited', organizationId: 2 },
      { name: '陈思远', phone: '13800000003', invitation: 'confirmed', note: '素食, "清淡"\n第二行' },
    ];
    for (const guest of guests) await server.client.create('attendees', { data: { summitId, ...guest } });
  });
  afterAll(() => server.close());

  it('XLSX: the grid’s filter, sort and columns, Chinese labels, names for links, real dates', async () => {
    const res = await exportOf(zh, 'attendees', {
      format: 'xlsx',
      filter: { summitId, invitation: 'confirmed' },
      sort: ['name', 'DESC'],
      columns: ['name', 'organizationId', 'invitation', 'arrivalAt', 'note'],
      name: '导出测试峰会嘉宾',
    });
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('导出测试峰会嘉宾.xlsx'));
    expect(res.headers.get('x-export-rows')).toBe('2');
    const { sheet, rows } = await sheetOf(res);
    // the sheet says what the rows are; the file's name, whose they are
    expect(sheet.name).toBe('参会人员');
    // a sheet's name cut at 31 characters does not end in the apostrophe Excel refuses there
    const cut = await exportOf(zh, 'attendees', { format: 'xlsx', filter: { summitId }, sheet: `${'a'.repeat(30)}'b` });
    expect((await sheetOf(cut)).sheet.name).toBe('a'.repeat(30));
    const organization = (await server.client.getOne('organizations', { id: 1 })).data.name;
    expect(rows).toEqual([
      ['姓名', '单位', '邀请状态', '抵达时间', '备注'],
      // by pinyin, as the grid sorts them: wang after chen, so first when descending
      // 14:30 in Beijing, as the grid shows it
      ['王立新', organization, '已确认', new Date('2027-05-25T14:30:00.000Z')],
      ['陈思远', undefined, '已确认', undefined, '素食, "清淡"\n第二行'],
    ]);
    expect(sheet.getColumn(4).numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('CSV: a BOM, CRLF lines, quoted where needed, formulas kept as text', async () => {
    const res = await exportOf(zh, 'attendees', {
      format: 'csv',
      filter: { summitId },
      sort: ['id', 'ASC'],
      columns: ['name', 'note'],
    });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text).toBe(
      '\uFEFF姓名,备注\r\n' +
        '王立新,\r\n' +
        `"'=HYPERLINK(""http://x"")",\r\n` +
        '陈思远,"素食, ""清淡""\n第二行"\r\n',
    );
  });

  it('text that starts like a formula: as typed in an XLSX (never a formula there), kept as text in a CSV', async () => {
    const ownSummit = await newSummit(server.client, '公式文本峰会');
    const texts = ['=1+2', '+86 会务组', '-钱进', '@张三', '甲;乙', 'a=b'];
    for (const [i, text] of texts.entries())
      await server.client.create('attendees', { data: { summitId: ownSummit, name: `公式${i}`, title: text } });
    const params = { filter: { summitId: ownSummit }, sort: ['name', 'ASC'], columns: ['name', 'title'] };
    const xlsx = await exportOf(zh, 'attendees', { format: 'xlsx', ...params });
    const bytes = new Uint8Array(await xlsx.clone().arrayBuffer());
    const { sheet, rows } = await sheetOf(xlsx);
    expect(rows.slice(1).map((row) => row[1])).toEqual(texts);
    for (let r = 2; r <= texts.length + 1; r++) expect(sheet.getCell(r, 2).type).toBe(ExcelJS.ValueType.String);
    // no apostrophe to see, nor one hidden as a quote prefix in the cells' styles
    expect(strFromU8(unzipSync(bytes)['xl/styles.xml'])).not.toContain('quotePrefix');
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
      await (await exportOf(zh, 'attendees', { format: 'csv', ...params })).arrayBuffer(),
    );
    expect(csv).toBe(
      '\uFEFF姓名,职务/职称\r\n' +
        `公式0,"'=1+2"\r\n` +
        `公式1,'+86 会务组\r\n` +
        `公式2,'-钱进\r\n` +
        `公式3,'@张三\r\n` +
        '公式4,"甲;乙"\r\n' +
        '公式5,"a=b"\r\n',
    );
  });

  it('a viewer’s export has the masked phones the viewer’s list shows', async () => {
    const viewer = await server.userWithRole('viewer');
    const listed = await (
      await viewer.api(`/attendees?filter=${JSON.stringify({ summitId })}&sort=["id","ASC"]`)
    ).json();
    const { rows } = await sheetOf(
      await exportOf(viewer, 'attendees', {
        format: 'xlsx',
        filter: { summitId },
        sort: ['id', 'ASC'],
        columns: ['name', 'phone'],
      }),
    );
    expect(rows.slice(1).map((row) => row[1])).toEqual(listed.map((row: { phone: string }) => row.phone));
    expect(rows[1][1]).not.toBe('13800000001');
    const byPhone = await exportOf(viewer, 'attendees', { format: 'csv', filter: { phone: '13800000001' } });
    expect(byPhone.status).toBe(403);
    // nor sorted by them: the order of 138****0001s would tell their hidden digits
    const sorted = await exportOf(viewer, 'attendees', { format: 'csv', sort: ['phone', 'ASC'] });
    expect(sorted.status).toBe(403);
    expect((await sorted.json()).message).toMatch(/may not filter, sort or group by personal data \(Phone\)/);
    expect((await viewer.api(`/attendees?sort=${JSON.stringify(['phone', 'DESC'])}`)).status).toBe(403);
  });

  it('masks, for a viewer, the names of linked records when a list is named by a phone number', async () => {
    const send = (path: string, body: object) => server.api(path, { method: 'POST', body: JSON.stringify(body) });
    expect((await send('/customResources', { name: 'hotlines', labelZh: '热线', titleField: 'line' })).status).toBe(
      201,
    );
    const phoneField = { resource: 'hotlines', source: 'line', labelZh: '热线号码', type: 'phone' };
    expect((await send('/customFields', phoneField)).status).toBe(201);
    const link = {
      resource: 'attendees',
      source: 'hotlineId',
      labelZh: '热线',
      type: 'reference',
      reference: 'hotlines',
    };
    expect((await send('/customFields', link)).status).toBe(201);
    const { id: hotline } = await (await send('/hotlines', { line: '13512345678' })).json();
    const guest = await (await send('/attendees', { summitId, name: '热线嘉宾', hotlineId: hotline })).json();
    const viewer = await server.userWithRole('viewer');
    const columns = ['name', 'hotlineId'];
    const csv = async (who: Session) =>
      (await exportOf(who, 'attendees', { format: 'csv', filter: { id: guest.id }, columns })).text();
    expect(await csv(server)).toContain('热线嘉宾,13512345678');
    expect(await csv(viewer)).toContain('热线嘉宾,135****5678');
    // nor found by it in the search box
    const search = async (who: Session) =>
      (await (await who.api(`/attendees?filter=${JSON.stringify({ q: '1351234' })}`)).json()).map(
        (r: { id: number }) => r.id,
      );
    expect(await search(server)).toEqual([guest.id]);
    expect(await search(viewer)).toEqual([]);
  });

  it('names the file and its sheet as asked, without what a file or sheet name may not hold', async () => {
    const res = await exportOf(zh, 'attendees', {
      format: 'xlsx',
      filter: { summitId },
      name: "'嘉宾/名单:[终稿]*?\r\n" + '😀'.repeat(100),
      sheet: "'嘉宾/名单:[终稿]*?\r\n" + '😀'.repeat(100),
    });
    const disposition = decodeURIComponent(res.headers.get('content-disposition')!.split("''")[1]);
    expect(disposition).toBe(`嘉宾 名单 终稿 ${'😀'.repeat(70)}.xlsx`);
    const { sheet } = await sheetOf(res);
    expect(sheet.name).toBe(`嘉宾 名单 终稿 ${'😀'.repeat(11)}`); // 31 UTF-16 units, no emoji cut in two
    expect(sheet.name).not.toMatch(/[/:[\]*?]/);
  });

  it.each([
    [{ format: 'pdf' }, 400, /format must be xlsx or csv/],
    [{ format: 'csv', columns: ['name', 'nope'] }, 400, /no column "nope"/],
    [{ format: 'csv', columns: '[name' }, 400, /"columns" must be a JSON list of fields/],
    [{ format: 'csv', filter: '{bad' }, 400, /filter/],
    [{ format: 'csv', unit: 'yi' }, 400, /unit must be yuan or wan/],
  ])('refuses %j saying why', async (params, status, why) => {
    const res = await exportOf(server, 'attendees', params);
    expect(res.status).toBe(status);
    expect((await res.json()).message).toMatch(why);
  });

  it('refuses columns given twice rather than exporting every column', async () => {
    const res = await server.api('/attendees/export?format=csv&columns=["name"]&columns=["phone"]');
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/"columns" must be a JSON list of fields/);
  });

  it('never names a sheet History (Excel keeps it for itself)', async () => {
    const { sheet } = await sheetOf(await exportOf(server, 'attendees', { format: 'xlsx', sheet: 'History' }));
    expect(sheet.name).toBe('History 1');
  });

  it('finds no guest for a viewer by the name of a record the viewer may not read', async () => {
    const send = (path: string, body: object) => server.api(path, { method: 'POST', body: JSON.stringify(body) });
    await send('/customResources', { name: 'dossiers', labelZh: '内部档案', readAccess: 'admins', titleField: 'code' });
    await send('/customFields', { resource: 'dossiers', source: 'code', labelZh: '代号', type: 'text' });
    await send('/customFields', {
      resource: 'attendees',
      source: 'dossierId',
      labelZh: '档案',
      type: 'reference',
      reference: 'dossiers',
    });
    const { id: dossier } = await (await send('/dossiers', { code: '蓝色代号' })).json();
    await send('/attendees', { summitId, name: '有档案的嘉宾', dossierId: dossier });
    const viewer = await server.userWithRole('viewer');
    const found = await (await viewer.api(`/attendees?filter=${JSON.stringify({ q: '蓝色代号' })}`)).json();
    expect(found).toEqual([]);
    const exported = await (
      await exportOf(viewer, 'attendees', {
        format: 'csv',
        filter: { name: '有档案的嘉宾' },
        columns: ['name', 'dossierId'],
      })
    ).text();
    expect(exported).toContain(`有档案的嘉宾,#${dossier}`);
  });

  it('gives no one a list their role may not read, nor a password column', async () => {
    const organiser = await server.userWithRole('organiser');
    expect((await exportOf(organiser, 'users', { format: 'csv' })).status).toBe(403);
    const admin = await exportOf(server, 'users', { format: 'csv', columns: ['username', 'password'] });
    expect(admin.status).toBe(400);
    const all = await (await exportOf(server, 'users', { format: 'csv' })).text();
    expect(all.split('\r\n')[0]).not.toMatch(/password|密码/i);
  });
});

describe('100,000 attendees', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seed: benchData(100_000) });
  }, 60_000);
  afterAll(() => server.close());

  it('export to an XLSX that opens with every row, while other requests go on', { timeout: 180_000 }, async () => {
    const order: string[] = [];
    const exported = exportOf(server, 'attendees', {
      format: 'xlsx',
      sort: ['id', 'ASC'],
      columns: ['name', 'phone', 'arrivalAt'],
    })
      .then(
        async (res) => (expect(res.status, res.status === 200 ? '' : await res.text()).toBe(200), res.arrayBuffer()),
      )
      .then((bytes) => (order.push('export'), bytes));
    // asked once the export has begun: answered between its slices, not after the file
    await new Promise((resolve) => setTimeout(resolve, 50));
    const page = server.api('/attendees?range=[0,24]').then((res) => (order.push('page'), res.json()));
    const [bytes, firstPage] = await Promise.all([exported, page]);
    expect(order).toEqual(['page', 'export']);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(100_001);
    const data = benchData(100_000).attendees;
    for (const i of [0, 1, 49_999, 99_999]) {
      const row = sheet.getRow(i + 2).values as unknown[];
      expect(row.slice(1, 3)).toEqual([data[i].name, data[i].phone]);
      expect((row[3] as Date).getTime()).toBe(Date.parse(data[i].arrivalAt) + 8 * 3600_000);
    }
    expect(firstPage[0].id).toBe(1);
  });

  it('exports a client gave up on stop; the server goes on answering', { timeout: 60_000 }, async () => {
    const abandoned = Array.from({ length: 10 }, async (_, i) => {
      const controller = new AbortController();
      const format = i % 2 ? 'csv' : 'xlsx';
      const res = await server.api(`/attendees/export?format=${format}`, {
        signal: controller.signal,
        headers: { 'Accept-Encoding': 'gzip' },
      });
      const reader = res.body!.getReader();
      await reader.read();
      controller.abort();
      await reader.read().catch(() => 'aborted');
    });
    await Promise.all(abandoned);
    // the server (in this process) is idle once they have stopped: no file written for no one
    // (the quietest of three one-second windows: ten exports still running would fill all three,
    // while a garbage collection or a pool's timer on a busy machine can fill one)
    const windows: number[] = [];
    for (let i = 0; i < 3 && !(windows.at(-1)! < 300); i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const busy = process.cpuUsage();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const { user, system } = process.cpuUsage(busy);
      windows.push((user + system) / 1000);
    }
    expect(Math.min(...windows)).toBeLessThan(300);
    const res = await server.api('/attendees/export?format=csv&columns=["name"]');
    const text = await res.text();
    expect(text.split('\r\n')).toHaveLength(100_002);
  });
});
