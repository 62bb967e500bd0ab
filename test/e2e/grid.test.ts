import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, shot, startAppServer } from '../helpers/app';
import { launchChromium } from '../helpers/browser';
import {
  cellText,
  clickRowMarker,
  editCell,
  headers,
  openEditor,
  paste,
  pickOption,
  selectCell,
  summitGuests,
  guestListUrl,
} from '../helpers/grid';
import { ADMIN_PASSWORD, type TestServer } from '../helpers/server';

// The spreadsheet grid, on the built app and the real server, as an organiser uses it.
let server: TestServer;
let browser: Browser;
let page: Page;
let summitId: number;

const guestList = () => guestListUrl(server.url, summitId);
const guests = () => summitGuests(server.client, summitId);
const rowsOfSummit = (id: number) => summitGuests(server.client, id);
// rows have loaded when the first cell (the summit, a reference) shows its name
const gridReady = () => expect.poll(() => page.locator('[data-testid="glide-cell-1-0"]').textContent()).toMatch(/\S/);

/** The summit's guests in a freshly loaded page: the last test's grid must not answer for this one. */
async function openGuestList() {
  await page.goto(guestList());
  await page.reload();
  await gridReady();
}

beforeAll(async () => {
  server = await startAppServer();
  // a small summit of its own, so the tests know every row
  const { data: summit } = await server.client.create('summits', {
    data: { name: '表格测试论坛', kind: 'forum', startsOn: '2027-03-01', endsOn: '2027-03-02', status: 'planning' },
  });
  summitId = summit.id as number;
  for (let i = 1; i <= 12; i++) {
    await server.client.create('attendees', {
      data: { summitId, name: `嘉宾${String(i).padStart(2, '0')}`, role: 'expert', invitation: 'invited' },
    });
  }
  browser = await launchChromium();
  page = await browser.newPage({
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  page.setDefaultTimeout(15_000);
  await logIn(page, server.url, 'admin', ADMIN_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the grid', () => {
  it('edits a cell with the keyboard; the value is saved and still there after a reload', async () => {
    await openGuestList();
    await editCell(page, '职务/职称', 0, '首席科学家');
    await expect.poll(async () => (await guests())[0].title).toBe('首席科学家');
    // Enter committed and moved down, as in Excel
    await expect.poll(() => page.getByTestId('name-box').innerText()).toBe('第 2 行 · 职务/职称');
    // an enum by its label: type to search, Enter picks
    await selectCell(page, '身份', 0);
    await openEditor(page);
    await pickOption(page, '院士');
    await expect.poll(async () => (await guests())[0].role).toBe('academician');
    await page.reload();
    await gridReady();
    await expect.poll(() => cellText(page, '职务/职称', 0)).toBe('首席科学家');
    expect(await cellText(page, '身份', 0)).toBe('院士');
    await shot(page, 'grid-edited');
  });

  it('an invalid value is refused: the message shows beside the grid and the cell reverts', async () => {
    await openGuestList();
    await editCell(page, '手机', 1, '打电话给秘书');
    const refusal = page.getByRole('alert').filter({ hasText: '第 2 行「手机」' });
    await expect.poll(() => refusal.count()).toBe(1);
    expect(await refusal.innerText()).toContain('电话号码格式不对');
    expect(await cellText(page, '手机', 1)).toBe('');
    expect((await guests())[1].phone).toBeNull();
    await shot(page, 'grid-refused');
  });

  it('Ctrl+Z undoes the last change', async () => {
    await openGuestList();
    await editCell(page, '酒店', 2, '青岚宾馆');
    await expect.poll(async () => (await guests())[2].hotel).toBe('青岚宾馆');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await guests())[2].hotel).toBeNull();
  });

  it('pastes a 3×4 block from Excel: two rows updated, two added, after a preview', async () => {
    const before = await guests();
    await openGuestList();
    await selectCell(page, '姓名', 10); // the 11th and 12th rows, then two new ones
    await paste(
      page,
      '欧阳明\t青岚市科学技术局\t局长\r\n司马琳\t江淮工业大学\t教授\r\n诸葛瑾\t青岚市科学技术局\t副局长\r\n上官云\t江淮工业大学\t研究员\r\n',
    );
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => dialog.getByTestId('paste-summary').innerText())
      .toBe('将新增 2 行。 将修改 2 行中的 6 个单元格。 所有行都可以写入。');
    // which column went where, and each overwritten cell before and after
    expect(await dialog.getByTestId('paste-columns').innerText()).toContain(
      '第 1 列 → 姓名；第 2 列 → 单位；第 3 列 → 职务/职称',
    );
    const changes = await dialog.getByTestId('paste-change').allInnerTexts();
    expect(changes).toContain('姓名：嘉宾11 → 欧阳明');
    expect(changes).toContain('职务/职称：（空） → 教授');
    expect(await dialog.locator('tr[data-outcome=create]').first().innerText()).toContain(
      '姓名：诸葛瑾 · 单位：青岚市科学技术局',
    );
    await shot(page, 'grid-paste-preview');
    await dialog.getByRole('button', { name: '写入' }).click();
    await expect
      .poll(async () => (await guests()).slice(10).map((a) => [a.name, a.title]))
      .toEqual([
        ['欧阳明', '局长'],
        ['司马琳', '教授'],
        ['诸葛瑾', '副局长'],
        ['上官云', '研究员'],
      ]);
    const after = await guests();
    expect(after).toHaveLength(before.length + 2);
    // the new guests belong to this summit, their organizations found by name
    expect(after[13]).toMatchObject({ summitId, organizationId: after[11].organizationId });
  });

  it('a paste with a cell that cannot be read writes the rest, says why, and adds the organisation it names', async () => {
    const before = await guests();
    await openGuestList();
    await selectCell(page, '姓名', 0);
    await paste(page, '嘉宾甲\t江淮工业大学\t\t国王\r\n嘉宾乙\t新成立的储能研究院\t\t专家\r\n');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByTestId('paste-summary').innerText()).toContain('1 个单元格无法识别，不会写入');
    expect(await dialog.getByTestId('paste-bad-cell').innerText()).toContain('「身份」未写入：国王: 只能是：院士');
    expect(await dialog.getByTestId('import-new-records').innerText()).toContain('新成立的储能研究院');
    await shot(page, 'grid-paste-bad-cell');
    await dialog.getByRole('button', { name: '写入' }).click();
    await expect.poll(async () => (await guests())[1].name).toBe('嘉宾乙');
    const after = await guests();
    expect(after[0]).toMatchObject({ name: '嘉宾甲', role: before[0].role }); // the bad cell: untouched
    const { data: org } = await server.client.getOne('organizations', { id: after[1].organizationId });
    expect(org).toMatchObject({ name: '新成立的储能研究院', kind: 'institute' });
    // Ctrl+Z undoes the paste as a whole
    await dialog.waitFor({ state: 'hidden' });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await guests())[1].name).toBe(before[1].name);
    expect((await guests())[0].name).toBe(before[0].name);
  });

  it('a paste after a click under the last row adds rows; the first ones are left alone', async () => {
    const before = await guests();
    await openGuestList();
    const canvas = page.locator('canvas[data-testid="data-grid-canvas"]');
    const box = (await canvas.boundingBox())!;
    // the grid holds 12+ rows of 34 px under a 38 px header: click just under the last one
    const last = await page.evaluate(() => document.querySelectorAll('[role="row"][aria-rowindex]').length);
    expect(last).toBeGreaterThan(1);
    // under the 姓名 column (found where its cell is drawn): a paste there starts in it
    await selectCell(page, '姓名', 0);
    const nameCell = (await page.getByTestId('cell-typing').boundingBox())!;
    await page.mouse.click(nameCell.x + 20, box.y + box.height - 10);
    // the cursor goes to the new row, in the column clicked
    await expect.poll(() => page.getByTestId('name-box').innerText()).toBe('新行 · 姓名');
    await paste(page, '新增于末尾\t江淮工业大学\r\n');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByTestId('paste-summary').innerText()).toContain('将新增 1 行');
    expect(await dialog.getByTestId('paste-summary').innerText()).not.toContain('将修改');
    await dialog.getByRole('button', { name: '写入' }).click();
    await expect.poll(async () => (await guests()).length).toBe(before.length + 1);
    const after = await guests();
    expect(after.slice(0, before.length).map((g) => g.name)).toEqual(before.map((g) => g.name));
    expect(after[after.length - 1].name).toBe('新增于末尾');
  });

  it('typing onto a cell clicked twice replaces it, as in Excel; a double-click opens the editor', async () => {
    await openGuestList();
    await selectCell(page, '职务/职称', 1);
    const box = (await page.getByTestId('cell-typing').boundingBox())!;
    await page.mouse.click(box.x + 10, box.y + 10);
    await page.keyboard.type('二次点击后输入', { delay: 0 });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await guests())[1].title).toBe('二次点击后输入');
  });

  it('a block with a header row fills columns by name, in any order, even into an empty list', async () => {
    const { data: empty } = await server.client.create('summits', {
      data: { name: '空名单论坛', kind: 'forum', startsOn: '2027-06-01', endsOn: '2027-06-02', status: 'planning' },
    });
    await page.goto(`${server.url}/#/summits/${empty.id}/show/attendees-summitId`);
    await page.locator('canvas[data-testid="data-grid-canvas"]').waitFor();
    const box = (await page.locator('canvas[data-testid="data-grid-canvas"]').boundingBox())!;
    await page.mouse.click(box.x + 80, box.y + 20);
    await paste(
      page,
      '手机\t姓名\t单位\t到达时间\r\n13900000001\t新嘉宾一\t江淮工业大学\t6月1日 下午3点\r\n13900000002\t新嘉宾二\t江淮工业大学\t\r\n',
    );
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByTestId('paste-summary').innerText()).toContain('将新增 2 行');
    expect(await dialog.getByTestId('paste-columns').innerText()).toBe(
      '首行是表头，按表头对应列：手机 → 手机；姓名 → 姓名；单位 → 单位；到达时间 → 抵达时间',
    );
    expect(await dialog.locator('tr[data-outcome=create]').first().innerText()).toContain(
      '抵达时间：6月1日 下午3点 → 2027-06-01 15:00',
    );
    await shot(page, 'grid-paste-header');
    await dialog.getByRole('button', { name: '写入' }).click();
    await expect
      .poll(async () => (await rowsOfSummit(empty.id as number)).map((g) => [g.name, g.phone]))
      .toEqual([
        ['新嘉宾一', '13900000001'],
        ['新嘉宾二', '13900000002'],
      ]);
  });

  it('copies a block with Ctrl+C as tab-separated text, labels as people read them', async () => {
    await openGuestList();
    await selectCell(page, '姓名', 0);
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+c');
    const rows = (await guests()).slice(0, 2);
    const orgName = async (id: number | null) =>
      id ? (await server.client.getOne('organizations', { id })).data.name : '';
    const expected = [];
    for (const a of rows)
      expected.push(
        [a.name, await orgName(a.organizationId), a.title ?? '', a.role === 'academician' ? '院士' : '专家'].join('\t'),
      );
    // rows end in CRLF, as Excel's own copies do
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(expected.join('\r\n'));
  });

  it('fills a value down into 10 rows with Ctrl+D', async () => {
    await openGuestList();
    await editCell(page, '酒店', 0, '青岚国际酒店');
    await expect.poll(async () => (await guests())[0].hotel).toBe('青岚国际酒店');
    await selectCell(page, '酒店', 0);
    for (let i = 0; i < 9; i++) await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+d');
    await expect
      .poll(async () => (await guests()).slice(0, 10).map((a) => a.hotel))
      .toEqual(Array(10).fill('青岚国际酒店'));
    expect((await guests())[10].hotel).toBeNull();
    await shot(page, 'grid-filled');
  });

  it('fills one row down with Ctrl+D: the row under it, not the one it copies', async () => {
    await openGuestList();
    await editCell(page, '酒店', 10, '青岚宾馆');
    await expect.poll(async () => (await guests())[10].hotel).toBe('青岚宾馆');
    await selectCell(page, '酒店', 10);
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+d');
    await expect.poll(async () => (await guests())[11].hotel).toBe('青岚宾馆');
  });

  it('bulk-sets the invitation status of selected rows', async () => {
    const before = (await guests()).map((a) => a.invitation);
    await openGuestList();
    await clickRowMarker(page, 3);
    await clickRowMarker(page, 5, 'Shift');
    await expect.poll(() => page.getByText('已选择 3 项').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '批量设置' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('字段').click();
    await page.getByRole('option', { name: '邀请状态' }).click();
    await dialog.getByLabel('邀请状态').click();
    await page.getByRole('option', { name: '已确认' }).click();
    await dialog.getByRole('button', { name: '应用' }).click();
    await expect
      .poll(async () => (await guests()).map((a) => a.invitation))
      .toEqual(before.map((status, i) => (i >= 3 && i <= 5 ? 'confirmed' : status)));
  });

  it('hides a column, and it stays hidden after a reload', async () => {
    await openGuestList();
    expect(await headers(page)).toContain('手机');
    await page.getByRole('button', { name: '列' }).click();
    await page.getByRole('menuitem', { name: '手机' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => headers(page)).not.toContain('手机');
    await page.reload();
    await gridReady();
    await expect.poll(() => headers(page)).toContain('姓名');
    expect(await headers(page)).not.toContain('手机');
  });

  it('saves a view and opens it again', async () => {
    await page.goto(
      `${server.url}/#/attendees?filter=${encodeURIComponent(JSON.stringify({ summitId, invitation: ['confirmed'] }))}`,
    );
    await gridReady();
    await page.getByRole('button', { name: '视图' }).click();
    await page.getByRole('menuitem', { name: '保存当前视图…' }).click();
    await page.getByLabel('视图名称').fill('已确认的嘉宾');
    await page.getByRole('button', { name: '保存' }).click();
    await page.goto(`${server.url}/#/attendees?filter=${encodeURIComponent('{}')}`);
    await gridReady();
    await expect.poll(() => page.getByText(/共 \d+ 条/).innerText()).not.toContain('共 3 条');
    await page.getByRole('button', { name: '视图' }).click();
    await page.getByRole('menuitem', { name: '已确认的嘉宾' }).click();
    await expect.poll(() => page.getByText(/共 \d+ 条/).innerText()).toContain('共 3 条');
    await shot(page, 'grid-view');
  });

  it('renames and deletes a saved view', async () => {
    await page.getByRole('button', { name: '视图' }).click();
    await page.getByRole('menuitem', { name: '已确认的嘉宾' }).getByRole('button', { name: '重命名视图' }).click();
    await page.getByLabel('视图名称').fill('已确认');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('button', { name: '视图' }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: '已确认' }).count()).toBe(1);
    await page.getByRole('menuitem', { name: '已确认' }).getByRole('button', { name: '删除视图' }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: '已确认' }).count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('opens a row’s whole form beside the grid, which keeps its place', async () => {
    await openGuestList();
    await selectCell(page, '姓名', 4);
    await page.getByRole('button', { name: '表单编辑' }).click();
    const note = page.getByRole('textbox', { name: '备注' });
    await note.fill('需要安排轮椅\n饮食：清真');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(async () => (await guests())[4].note).toBe('需要安排轮椅\n饮食：清真');
    await expect.poll(() => page.getByTestId('name-box').innerText()).toBe('第 5 行 · 姓名');
  });

  it('exports what the grid shows to Excel and CSV, every row, in Chinese', async () => {
    await openGuestList();
    const all = await guests();
    await page.getByRole('button', { name: '导出' }).click();
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /^Excel/ }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^参会人员-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [{ data: sheet }] = (await readXlsxFile(await xlsx.path())) as unknown as { data: unknown[][] }[];
    expect(sheet[0].slice(0, 3)).toEqual(['峰会', '姓名', '单位']);
    expect(sheet.slice(1).map((row) => row[1])).toEqual(all.map((a) => a.name));
    expect(sheet[1][0]).toBe('表格测试论坛'); // names, not ids
    await page.getByRole('button', { name: '导出' }).click();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /^CSV/ }).click(),
    ]);
    const text = fs.readFileSync(await csv.path(), 'utf8');
    expect(text.startsWith('\uFEFF峰会,姓名,单位')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(all.length + 2); // header, rows, and the final line end
  });

  it('a viewer’s export carries the masked phone numbers the viewer sees', async () => {
    await server.api(`/attendees/${(await guests())[0].id}`, {
      method: 'PATCH',
      body: JSON.stringify({ phone: '13912345678' }),
    });
    await server.client.create('users', {
      data: { username: 'guankan', displayName: '观看员', role: 'viewer', password: 'viewer-pass-1' },
    });
    const viewer = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    await logIn(viewer, server.url, 'guankan', 'viewer-pass-1');
    await viewer.goto(guestList());
    await viewer.getByRole('button', { name: '导出' }).click();
    const [csv] = await Promise.all([
      viewer.waitForEvent('download'),
      viewer.getByRole('menuitem', { name: /^CSV/ }).click(),
    ]);
    const text = fs.readFileSync(await csv.path(), 'utf8');
    expect(text).toContain('139****5678');
    expect(text).not.toContain('13912345678');
    await viewer.close();
  });

  it('prints the summit’s sign-in sheet from its guest list', async () => {
    await openGuestList();
    const expected = (await guests()).filter((a) => !['declined', 'toInvite', 'absent'].includes(a.invitation));
    await page.getByRole('button', { name: '导出' }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /^签到表/ }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^表格测试论坛-签到表-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [{ data }] = (await readXlsxFile(await file.path())) as unknown as { data: unknown[][] }[];
    expect(data[0][0]).toBe('表格测试论坛 签到表');
    expect(data[1]).toEqual(['序号', '姓名', '单位', '职务/职称', '签名']);
    expect(
      data
        .slice(2)
        .map((row) => row[1])
        .sort(),
    ).toEqual(expected.map((a) => a.name).sort());
  });
});
