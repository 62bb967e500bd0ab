import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoggedIn, shot, startAppServer } from '../helpers/app';
import { cellText, paste, selectCell, settle } from '../helpers/grid';
import type { TestServer } from '../helpers/server';

// Money in one unit, the user's choice: 元 everywhere by default, 万元 everywhere once chosen.
let server: TestServer;
let browser: Browser;
let page: Page;
let total: number;

beforeAll(async () => {
  server = await startAppServer();
  const res = await server.api('/agreements/aggregate?sum=amount');
  total = (await res.json()).sum;
  ({ browser, page } = await openLoggedIn(server, { viewport: { width: 1600, height: 1000 }, acceptDownloads: true }));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const agreementsGrid = () => `${server.url}/#/agreements?filter=${encodeURIComponent('{}')}&sort=id&order=ASC`;
/** the board's column totals, as numbers in the unit they show */
const columnTotals = async () =>
  (await page.locator('[data-testid^="sum-"]').allInnerTexts()).map((text) => Number(text.replace(/[^\d.]/g, '')));

async function chooseUnit(label: string) {
  // the app bar slides away as a page scrolls down, back as it scrolls up, as a user does
  await page.mouse.wheel(0, -10_000);
  await page.getByRole('button', { name: /管理员|个人中心/ }).click();
  await page.getByRole('menuitem', { name: label }).waitFor();
  await shot(page, 'money-unit-menu');
  await page.getByRole('menuitem', { name: label }).click();
}

describe('money in one unit', () => {
  it('shows yuan everywhere by default, the board’s total to the yuan', async () => {
    await page.goto(agreementsGrid());
    await expect.poll(() => cellText(page, '项目名称', 0)).toBe('智能焊接机器人联合实验室');
    await shot(page, 'grid-money-yuan');
    await page.goto(`${server.url}/#/agreements-board`);
    await expect.poll(() => page.getByTestId('board-total').innerText()).toContain('¥');
    const shown = await page.getByTestId('board-total').innerText();
    expect(shown).toBe(`共 55 个项目，金额合计 ¥${total.toLocaleString('en')}`);
    // the columns add up to the total shown
    await expect.poll(async () => (await columnTotals()).reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('shows 万元 everywhere once chosen: grid, page, board, dashboard; kept after a reload', async () => {
    await chooseUnit('金额以万元显示');
    await expect
      .poll(() => page.getByTestId('board-total').innerText())
      .toBe(`共 55 个项目，金额合计 ${(total / 10_000).toLocaleString('en')}万元`);
    await expect.poll(async () => (await columnTotals()).reduce((a, b) => a + b, 0)).toBe(total / 10_000);
    await expect.poll(() => page.getByTestId('card-1').innerText()).toContain('300万元');
    await shot(page, 'board-wan');
    await page.goto(agreementsGrid());
    await expect.poll(() => cellText(page, '项目名称', 0)).toBe('智能焊接机器人联合实验室');
    await shot(page, 'grid-money-wan');
    await page.goto(`${server.url}/#/agreements/1/show`);
    await expect.poll(() => page.getByText('300万元').count()).toBeGreaterThan(0);
    await page.goto(`${server.url}/#/`);
    await page.reload();
    await expect.poll(() => page.getByText(/金额 [\d,.]+万元/).count()).toBe(1);
    await page.getByTestId('chart-industry').locator('.MuiBarChart-element').first().waitFor();
    await shot(page, 'dashboard-wan');
    await page.getByTestId('chart-industry').scrollIntoViewIfNeeded();
    await shot(page, 'dashboard-chart-wan');
    await chooseUnit('金额以元显示');
    await expect.poll(() => page.getByText(/金额 ¥[\d,]+ ·/).count()).toBe(1);
    await page.getByTestId('chart-industry').scrollIntoViewIfNeeded();
    await shot(page, 'dashboard-chart-yuan');
  });

  it('in 万元, reads a typed or pasted 12 as 120,000 yuan; 1.2亿 as ever; copies what it shows', async () => {
    await chooseUnit('金额以万元显示');
    const amount = async (id: number) => (await server.client.getOne('agreements', { id })).data.amount;
    await page.goto(agreementsGrid());
    await expect.poll(() => cellText(page, '项目名称', 0)).toBe('智能焊接机器人联合实验室');
    // the copy text is the number in the unit shown, as a spreadsheet reads it back
    expect(await cellText(page, '金额', 0)).toBe('300');
    await selectCell(page, '金额', 0);
    await page.keyboard.type('12');
    await settle(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => amount(1)).toBe(120_000);
    // the full editor (Enter) edits the number shown
    await selectCell(page, '金额', 0);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#portal input').inputValue()).toBe('12');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('13');
    await settle(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => amount(1)).toBe(130_000);
    await selectCell(page, '金额', 1);
    await page.keyboard.type('1.2亿');
    await settle(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => amount(2)).toBe(120_000_000);
    await expect.poll(() => cellText(page, '金额', 1)).toBe('12000');
    await shot(page, 'grid-money-typed-wan');
    // a pasted block is in the unit shown
    await selectCell(page, '金额', 2);
    await paste(page, '35\r\n0.5\r\n');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByTestId('paste-change').allInnerTexts()).toContain('金额：80 → 35');
    await dialog.getByRole('button', { name: '写入' }).click();
    await expect.poll(() => Promise.all([amount(3), amount(4)])).toEqual([350_000, 5_000]);
    // filled down: the amount, not its number of 万
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => cellText(page, '金额', 3)).toBe('0.5');
    await selectCell(page, '金额', 2);
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+d');
    await expect.poll(() => amount(4)).toBe(350_000);
  });

  it('in 万元, a form takes the amount in 万元, saying so', async () => {
    await page.goto(`${server.url}/#/agreements/1`);
    const input = page.getByRole('spinbutton', { name: '金额（万元）' });
    await expect.poll(() => input.inputValue()).toBe('13');
    await input.fill('15.5');
    await shot(page, 'form-money-wan');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(async () => (await server.client.getOne('agreements', { id: 1 })).data.amount).toBe(155_000);
    // the form goes to the record's page once saved: not in the middle of the next test
    await page.waitForURL(/#\/agreements\/1\/show/);
  });

  it('in 万元, a filter by amount is typed in 万元 and asks the server in yuan', async () => {
    await page.goto(`${server.url}/#/agreements?filter=${encodeURIComponent('{"amount_gte":10000000}')}`);
    const from = page.getByRole('spinbutton', { name: '金额（万元） 起' });
    await expect.poll(() => from.inputValue()).toBe('1000');
    await from.fill('1500');
    await expect.poll(() => decodeURIComponent(page.url())).toContain('"amount_gte":15000000');
  });

  it('in 万元, exports amounts in 万元, the column saying so', async () => {
    await page.goto(agreementsGrid());
    await expect.poll(() => cellText(page, '金额', 0)).toBe('15.5');
    await page.getByRole('button', { name: '导出', exact: true }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: /^Excel/ }).click();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await (await download).path());
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).indexOf('金额（万元）');
    expect(header).toBeGreaterThan(0);
    expect(sheet.getRow(2).getCell(header).value).toBe(15.5);
  });

  it('in 万元, the ledger reports in 万元, its industries largest first', async () => {
    await page.goto(agreementsGrid());
    await page.getByRole('button', { name: '导出台账' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('签约日期自').fill('2020-01-01');
    await dialog.getByLabel('签约日期至').fill('2030-12-31');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: '导出 (.xlsx)' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await file.path());
    const [ledger, summary] = workbook.worksheets;
    expect(ledger.getRow(2).getCell(8).value).toBe('金额（万元）');
    const { sum } = await (await server.api('/agreements/aggregate?sum=amount')).json();
    const rows = summary.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.filter((row) => row[1] === '合计').map((row) => row[3])).toContain(sum / 10_000);
    // the industry section: its amounts descending
    const start = rows.findIndex((row) => row[1] === '按产业领域');
    const amounts = rows
      .slice(
        start + 1,
        rows.findIndex((row, i) => i > start && row[1] === '合计'),
      )
      .map((r) => r[3]);
    expect(amounts.length).toBeGreaterThan(5);
    expect(amounts).toEqual([...(amounts as number[])].sort((a, b) => b - a));
  });
});
