import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoggedIn, shot, startAppServer } from '../helpers/app';
import { clickRowMarker, guestListUrl } from '../helpers/grid';
import { newSummit, type TestServer } from '../helpers/server';

// A new user's walk: ticking a row added "已选择 1 项 · 批量设置 · 删除" to the grid's toolbar,
// which pushed its hint to a second line and moved the whole grid down about 15 px, so the next
// click landed on the wrong row. The grid stays where it is, whatever is ticked or under the cursor.
let server: TestServer;
let browser: Browser;
let page: Page;
let summitId: number;

beforeAll(async () => {
  server = await startAppServer();
  summitId = await newSummit(server.client, '勾选不动论坛');
  for (let i = 1; i <= 4; i++)
    await server.client.create('attendees', { data: { summitId, name: `勾选嘉宾${i}`, role: 'guest' } });
  ({ browser, page } = await openLoggedIn(server));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** where the grid's second data row is drawn, on the page */
const secondRow = async () => {
  const box = (await page.locator('canvas[data-testid="data-grid-canvas"]').boundingBox())!;
  return { x: Math.round(box.x), y: Math.round(box.y + 38 + 34 + 17) };
};

describe('ticking rows in the grid', () => {
  for (const [width, where] of [
    [1440, 'a summit’s guest tab'],
    [1024, 'a summit’s guest tab'],
    [1440, 'the attendee list'],
    [1024, 'the attendee list'],
  ] as const)
    it(`moves no cell, at ${width} px, on ${where}`, async () => {
      await page.setViewportSize({ width, height: 900 });
      // nothing ticked from the case before (react-admin keeps a list's ticks in the browser)
      await page.evaluate(() =>
        Object.keys(localStorage)
          .filter((key) => key.includes('selectedIds'))
          .forEach((key) => localStorage.removeItem(key)),
      );
      await page.goto(
        where === 'the attendee list'
          ? guestListUrl(server.url, summitId)
          : `${server.url}/#/summits/${summitId}/show/attendees-summitId`,
      );
      await page.reload();
      await page.locator('canvas[data-testid="data-grid-canvas"]').waitFor();
      await expect.poll(() => page.locator('[data-testid="glide-cell-1-0"]').textContent()).toMatch(/\S/);
      const before = await secondRow();
      // the cursor on a cell, then a row ticked, then a second
      await page.mouse.click(before.x + 120, before.y);
      await page.getByTestId('name-box').filter({ hasText: '·' }).waitFor();
      expect(await secondRow()).toEqual(before);
      await clickRowMarker(page, 0);
      await page.getByText('已选择 1 项').waitFor();
      await shot(page, `select-steady-${width}-${where === 'the attendee list' ? 'list' : 'tab'}`);
      expect(await secondRow()).toEqual(before);
      await clickRowMarker(page, 1, 'Shift');
      await page.getByText('已选择 2 项').waitFor();
      expect(await secondRow()).toEqual(before);
      // and what is done to the ticked rows is still at hand
      const toolbar = page.getByTestId('grid-toolbar');
      await toolbar.getByRole('button', { name: '批量设置' }).waitFor();
      await toolbar.getByRole('button', { name: '删除', exact: true }).waitFor();
    });
});
