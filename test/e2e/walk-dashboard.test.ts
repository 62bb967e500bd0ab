import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, shot, startAppServer } from '../helpers/app';
import { launchChromium } from '../helpers/browser';
import { type TestServer } from '../helpers/server';

// A new user's walk: the dashboard's 逾期未跟进 card said "其中我负责的 4 个", and that line
// opened the list of every overdue agreement (16). It opens the official's own overdue ones.
let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startAppServer();
  // an official, the responsible officer (帮办专员) of some of the overdue agreements
  const { data: overdue } = await server.client.getList('agreements', {
    filter: { overdue: true },
    sort: { field: 'id', order: 'ASC' },
    pagination: { page: 1, perPage: 500 },
  });
  const officer = String(overdue.find((row) => row.officer)!.officer);
  await server.client.create('users', {
    data: { username: 'official1', displayName: officer, role: 'official', password: 'official-password-1' },
  });
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(15_000);
  await logIn(page, server.url, 'official1', 'official-password-1');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** what the official's own session counts (mine is the asker's) */
const countOf = async (filter: Record<string, unknown>) =>
  (
    await (
      await server.login('official1', 'official-password-1')
    ).client.getList('agreements', {
      filter,
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 1 },
    })
  ).total!;

describe('the dashboard’s overdue card', () => {
  it('“其中我负责的 N 个” opens the signed-in official’s own overdue agreements, N of them', async () => {
    const all = await countOf({ overdue: true });
    const mine = await countOf({ overdue: true, mine: true });
    expect(mine).toBeGreaterThan(0);
    expect(mine).toBeLessThan(all);
    await page.goto(`${server.url}/#/`);
    const line = page.getByRole('link', { name: `其中我负责的 ${mine} 个` });
    await line.waitFor();
    await shot(page, 'dashboard-overdue-mine');
    await line.click();
    await expect.poll(() => decodeURIComponent(page.url())).toContain('"mine":true');
    expect(decodeURIComponent(page.url())).toContain('"overdue":true');
    await expect.poll(() => page.getByText(`共 ${mine} 条`).count()).toBeGreaterThan(0);
    await shot(page, 'dashboard-overdue-mine-list');
  });

  it('the card itself still opens every overdue agreement', async () => {
    const all = await countOf({ overdue: true });
    await page.goto(`${server.url}/#/`);
    await page.getByRole('link', { name: new RegExp(`^逾期未跟进\\s*${all}`) }).click();
    await expect.poll(() => page.getByText(`共 ${all} 条`).count()).toBeGreaterThan(0);
    expect(decodeURIComponent(page.url())).not.toContain('"mine"');
  });
});
