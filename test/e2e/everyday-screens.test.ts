import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoggedIn, shot, startAppServer } from '../helpers/app';
import { newSummit, rowsOf, type TestServer } from '../helpers/server';

// Issue 17, everyday use: adding guests one after another, empty tabs that say what is
// empty, a dashboard and a board that fit a 1440 × 900 window.
let server: TestServer;
let browser: Browser;
let page: Page;
let emptySummit: number;
let emptyCeremony: number;

beforeAll(async () => {
  server = await startAppServer();
  emptySummit = await newSummit(server.client, '空白测试论坛');
  const { data } = await server.client.create('ceremonies', {
    data: { title: '空白测试签约仪式', heldOn: '2027-05-25' },
  });
  emptyCeremony = data.id as number;
  ({ browser, page } = await openLoggedIn(server));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pageSize = () =>
  page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
    width: document.documentElement.clientWidth,
    height: document.documentElement.clientHeight,
  }));

describe('at 1440 × 900', () => {
  it('the dashboard is as wide as the window', async () => {
    await page.goto(`${server.url}/#/`);
    await expect.poll(() => page.getByTestId('chart-partners').locator('li').count()).toBeGreaterThan(0);
    const size = await pageSize();
    expect(size.width).toBe(1440);
    expect(size.scrollWidth).toBe(size.width);
    await shot(page, 'dashboard-1440');
  });
});
