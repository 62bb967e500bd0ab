import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoggedIn, shot, startAppServer } from '../helpers/app';
import { selectCell } from '../helpers/grid';
import { newSummit, rowsOf, type TestServer } from '../helpers/server';

// Issue 17, a new user's walk: a row added through the grid's new row, then another page of
// the list opened. The notice belongs to the rows it was about.
let server: TestServer;
let browser: Browser;
let page: Page;
let summitId: number;

beforeAll(async () => {
  server = await startAppServer();
  summitId = await newSummit(server.client, '分页新增测试论坛');
  // two pages of 50: the new row is on the last
  for (let i = 0; i < 55; i++)
    await server.client.create('attendees', {
      data: { summitId, name: `嘉宾${String(i).padStart(2, '0')}`, invitation: 'invited' },
    });
  ({ browser, page } = await openLoggedIn(server));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const canvas = () => page.locator('canvas[data-testid="data-grid-canvas"]');
const notice = () => page.getByRole('status').filter({ hasText: '已新增一行' });

describe('a row added on the last page of a list', () => {
  it('is announced, and the notice goes when the user turns to another page', async () => {
    await page.goto(`${server.url}/#/summits/${summitId}/show/attendees-summitId`);
    await canvas().waitFor();
    await page.getByRole('button', { name: '转到第 2 页' }).click();
    await page.getByText('第 51-55 条').waitFor();
    // a click under the rows puts the cursor on the new row
    await selectCell(page, '姓名', 0);
    const x = (await page.getByTestId('cell-typing').boundingBox())!.x + 20;
    const box = (await canvas().boundingBox())!;
    await page.mouse.click(x, box.y + box.height - 10);
    await expect.poll(() => page.getByTestId('name-box').innerText()).toBe('新行 · 姓名');
    await page.keyboard.type('钱新来', { delay: 0 });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await rowsOf(server.client, 'attendees', { summitId })).length).toBe(56);
    await expect.poll(() => notice().count()).toBe(1);

    await page.getByRole('button', { name: '转到第 1 页' }).click();
    await page.getByText('第 1-50 条').waitFor();
    await expect.poll(() => notice().count()).toBe(0);
    await shot(page, 'new-row-notice-gone');
  });
});
