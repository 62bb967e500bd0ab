import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoggedIn, shot, startAppServer } from '../helpers/app';
import { cellText } from '../helpers/grid';
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
  ({ browser, page } = await openLoggedIn(server, { viewport: { width: 1600, height: 1000 } }));
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
  await page.getByRole('button', { name: /管理员|个人中心/ }).click();
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
});
