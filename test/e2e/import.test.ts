import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoggedIn, shot, startAppServer } from '../helpers/app';
import { rowsOf, tempDir, type TestServer } from '../helpers/server';

// An organiser imports a guest list that arrived as a GBK CSV from a partner's Excel.
let server: TestServer;
let browser: Browser;
let page: Page;
let summitId: number;

const guests = async () => await rowsOf(server.client, 'attendees', { summitId }, 100);

/** A CSV as Chinese Excel saves it: GBK, a title row above the header, CRLF. */
function guestListFile() {
  const lines = [
    '导入测试论坛嘉宾名单,,,,,,',
    '姓名,工作单位,职务,手机号码,身份,到达时间,饮食禁忌',
    '韩立,青岚恒力智能装备有限公司,总工程师,13811112222,专家,2027/4/1 9:30,清真',
    '南宫婉,东临数控机床股份有限公司,董事长,13811113333,企业家,,',
    '厉飞雨,,记者,13811114444,媒体,2027-04-01 14:05,素食',
    '墨大夫,不存在的公司,教授,打电话,专家,,',
  ];
  const file = path.join(tempDir(), '嘉宾名单.csv');
  fs.writeFileSync(file, iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'));
  return file;
}

beforeAll(async () => {
  server = await startAppServer();
  const { data: summit } = await server.client.create('summits', {
    data: { name: '导入测试论坛', kind: 'forum', startsOn: '2027-04-01', endsOn: '2027-04-02', status: 'planning' },
  });
  summitId = summit.id as number;
  ({ browser, page } = await openLoggedIn(server, { acceptDownloads: true }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('importing a guest list', () => {
  it('uploads a GBK file, maps a column, previews every row, imports the valid ones and offers the rest as a file', async () => {
    await page.goto(`${server.url}/#/summits/${summitId}/show/attendees-summitId`);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles(guestListFile());

    // the header under the title row is found, its columns guessed; the summit comes from the page
    const mapping = dialog.getByRole('table', { name: '文件中的列' });
    await mapping.waitFor();
    expect(await dialog.innerText()).toContain('嘉宾名单.csv：共 4 行（GBK/GB18030）');
    expect(await dialog.innerText()).toContain('所有行都将导入本页的峰会');
    const fieldOf = (header: string) => mapping.getByRole('combobox', { name: header, exact: true });
    expect(await fieldOf('姓名').inputValue()).toBe('name');
    expect(await fieldOf('工作单位').inputValue()).toBe('organizationId');
    expect(await fieldOf('手机号码').inputValue()).toBe('phone');
    expect(await fieldOf('到达时间').inputValue()).toBe('arrivalAt');
    expect(await fieldOf('饮食禁忌').inputValue()).toBe('diet');
    // put the dietary needs into the note instead: remembered for the next file
    await fieldOf('饮食禁忌').selectOption('note');
    await shot(page, 'import-mapping');

    await dialog.getByRole('button', { name: '预览' }).click();
    const counts = dialog.getByTestId('import-counts');
    await expect.poll(() => counts.innerText()).toContain('新增 3');
    expect(await counts.innerText()).toContain('不能导入 1');
    const preview = dialog.getByRole('table', { name: '每一行将会怎样' });
    // invalid rows first, with the reason under each bad cell
    const bad = preview.locator('tr[data-outcome=invalid]');
    expect(await bad.innerText()).toContain('电话号码格式不对');
    // its organisation would be new, but the row cannot be imported: nothing is created for it
    expect(await dialog.getByTestId('import-new-records').count()).toBe(0);
    await shot(page, 'import-preview');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: '下载有问题的行' }).click(),
    ]);
    const invalidFile = path.join(tempDir(), download.suggestedFilename());
    await download.saveAs(invalidFile);
    const [{ data: sheet }] = (await readXlsxFile(invalidFile)) as unknown as { data: unknown[][] }[];
    expect(sheet[0]).toEqual([
      '原文件行号',
      '姓名',
      '工作单位',
      '职务',
      '手机号码',
      '身份',
      '到达时间',
      '饮食禁忌',
      '不能导入或留空的原因',
    ]);
    expect(sheet).toHaveLength(2);
    expect(sheet[1][0]).toBe(6);
    expect(sheet[1][8]).toContain('手机: 电话号码格式不对');

    await dialog.getByRole('button', { name: '导入 3 行有效数据，跳过 1 行' }).click();
    await expect
      .poll(() => dialog.getByTestId('import-done').innerText())
      .toContain('新增 3 条，更新 0 条，0 条无变化，跳过 1 行有问题的数据');
    const imported = await guests();
    expect(imported.map((g) => g.name)).toEqual(['韩立', '南宫婉', '厉飞雨']);
    expect(imported[0]).toMatchObject({
      title: '总工程师',
      phone: '13811112222',
      role: 'expert',
      arrivalAt: '2027-04-01T01:30:00.000Z', // 9:30 in Beijing
      note: '清真',
      invitation: 'toInvite',
    });
    expect(imported[2].organizationId).toBeNull();
    await dialog.getByRole('button', { name: '关闭' }).click();
    // the guest grid behind shows them
    await expect.poll(() => page.locator('[data-testid^="glide-cell-"]').filter({ hasText: '南宫婉' }).count()).toBe(1);

    // the same file again: the mapping is remembered, and nobody is added twice
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await dialog.locator('input[type=file]').setInputFiles(guestListFile());
    await expect.poll(() => dialog.getByRole('combobox', { name: '饮食禁忌', exact: true }).inputValue()).toBe('note');
    await dialog.getByRole('button', { name: '预览' }).click();
    await expect.poll(() => counts.innerText()).toContain('无变化 3');
    expect(await counts.innerText()).toContain('新增 0');
    await shot(page, 'import-again');
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(await guests()).toHaveLength(3);

    // exporting this guest list gives these three, not every summit's guests
    await page.getByRole('button', { name: '导出' }).click();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /^CSV/ }).click(),
    ]);
    const lines = fs
      .readFileSync(await csv.path(), 'utf8')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(4);
    // in the grid's order, by name in pinyin: han, li, nan
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(['韩立', '厉飞雨', '南宫婉']);
  });

  it('previews and imports a 10,000-row workbook into the whole attendee list', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['Name', 'Phone', 'Arrives at']);
    for (let i = 0; i < 10_000; i++)
      sheet.addRow([`批量嘉宾${i}`, `150${String(i).padStart(8, '0')}`, new Date(Date.UTC(2027, 3, 1, 8, i % 60))]);
    const file = path.join(tempDir(), '万人名单.xlsx');
    fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));

    await page.goto(`${server.url}/#/attendees`);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles(file);
    // no summit column: every row goes to the summit chosen here
    await expect.poll(() => dialog.innerText()).toContain('以下必填字段没有对应的列：峰会');
    await dialog.getByTestId('import-fixed-summitId').selectOption({ label: '导入测试论坛' });
    await dialog.getByRole('button', { name: '预览' }).click();
    await expect.poll(() => dialog.getByTestId('import-counts').innerText()).toContain('新增 10000');
    expect(await dialog.innerText()).toContain('仅显示前 200 行，共 10000 行');
    await dialog.getByRole('button', { name: '导入 10000 行' }).click();
    await expect.poll(() => dialog.getByTestId('import-done').innerText()).toContain('新增 10000 条');
    const { total } = await server.client.getList('attendees', {
      filter: { summitId },
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 1 },
    });
    expect(total).toBe(10_003);
  });

  it('says what is wrong with a file it cannot read', async () => {
    await page.goto(`${server.url}/#/summits/${summitId}/show/attendees-summitId`);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const dialog = page.getByRole('dialog');
    const xls = path.join(tempDir(), '旧表格.xls');
    fs.writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    await dialog.locator('input[type=file]').setInputFiles(xls);
    await expect.poll(() => dialog.getByRole('alert').innerText()).toContain('另存为 .xlsx 或 CSV');
  });

  it('a million-row sheet and a zip bomb are refused with a message, and the page keeps answering', async () => {
    await page.goto(`${server.url}/#/summits/${summitId}/show/attendees-summitId`);
    await page.reload();
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const dialog = page.getByRole('dialog');
    // a million rows of a guest list: 25 MB of text, read in the worker, refused by its row count
    const million = path.join(tempDir(), '百万行.csv');
    const lines = ['姓名,手机'];
    for (let i = 0; i < 1_000_000; i++) lines.push(`嘉宾${i},139${String(i).padStart(8, '0')}`);
    fs.writeFileSync(million, lines.join('\n'));
    const started = Date.now();
    await dialog.locator('input[type=file]').setInputFiles(million);
    // while the worker reads, the page answers at once
    expect(await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done('drawn'))))).toBe('drawn');
    await expect.poll(() => dialog.getByRole('alert').innerText(), { timeout: 30_000 }).toContain('50,000');
    expect(Date.now() - started).toBeLessThan(30_000);

    // an .xlsx whose directory says it unpacks to gigabytes
    const { zipSync, strToU8 } = await import('fflate');
    const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/worksheets/sheet1.xml': strToU8('<x/>') });
    const view = new DataView(zip.buffer);
    for (let at = 0; at < zip.length - 4; at++)
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 0xfffffff0, true);
    const bomb = path.join(tempDir(), '炸弹.xlsx');
    fs.writeFileSync(bomb, zip);
    await dialog.locator('input[type=file]').setInputFiles(bomb);
    await expect.poll(() => dialog.getByRole('alert').innerText()).toContain('文件太大');
    await shot(page, 'import-refused-bomb');
  }, 60_000);
});
