import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoggedIn, shot, startAppServer } from '../helpers/app';
import type { TestServer } from '../helpers/server';

// Issue 17, a new user's walk: the board's column titles stay in view while its cards scroll.
let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startAppServer();
  ({ browser, page } = await openLoggedIn(server));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the project board scrolled down', () => {
  it('keeps every column’s status, count and total in view, within 1440 px', async () => {
    await page.goto(`${server.url}/#/agreements-board`);
    await expect.poll(() => page.getByTestId('count-terminated').innerText()).not.toBe('0');
    const board = page.getByTestId('board');
    const top = (await board.boundingBox())!.y;
    await board.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(() => board.evaluate((el) => el.scrollTop)).toBeGreaterThan(300);
    for (const status of ['signed', 'inProgress', 'landed', 'completed', 'stalled', 'terminated']) {
      const count = (await page.getByTestId(`count-${status}`).boundingBox())!;
      const sum = (await page.getByTestId(`sum-${status}`).boundingBox())!;
      // at the board's top edge, not scrolled away above it
      expect(count.y, status).toBeGreaterThanOrEqual(top);
      expect(sum.y + sum.height, status).toBeLessThan(top + 80);
    }
    // and still no sideways scroll at 1440 px
    const size = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(size[0]).toBe(size[1]);
    expect(await board.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await shot(page, 'board-scrolled');
  });
});
