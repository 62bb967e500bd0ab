import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, shot, startAppServer } from '../helpers/app';
import { launchChromium } from '../helpers/browser';
import type { TestServer } from '../helpers/server';

// An admin disables an account or sets its password while its owner is at work: their open
// tab is signed out. What they were saving must not be reported saved, and the login page
// must say why they are there.
let server: TestServer;
let browser: Browser;
let page: Page;
let userId: number;

beforeAll(async () => {
  server = await startAppServer();
  const { data } = await server.client.create('users', {
    data: { username: 'wangyan', displayName: '王燕', role: 'official', password: 'official-pass-1' },
  });
  userId = data.id as number;
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('signed out by an admin while editing', () => {
  it('a save refused for the ended session is not reported saved, and the login page says why', async () => {
    await logIn(page, server.url, 'wangyan', 'official-pass-1');
    const before = (await server.client.getOne('agreements', { id: 1 })).data;
    await page.goto(`${server.url}/#/agreements/1`);
    const note = page.getByLabel('备注', { exact: false }).first();
    await note.waitFor();
    await note.fill('王燕写的备注');
    await server.api(`/users/${userId}`, { method: 'PATCH', body: JSON.stringify({ password: 'reset-by-admin-1' }) });
    await page.getByRole('button', { name: '保存' }).click();
    // the form stays, with its text, saying it was not saved
    await page.getByText('刚才的修改没有保存').waitFor();
    expect(await note.inputValue()).toBe('王燕写的备注');
    const notices = await page.locator('.MuiSnackbar-root').allInnerTexts();
    expect(notices.join(' ')).not.toMatch(/已更新/);
    await shot(page, 'signed-out-not-saved');
    expect((await server.client.getOne('agreements', { id: 1 })).data.note ?? null).toBe(before.note ?? null);
    // the next page signs out, saying why
    await page.getByRole('menuitem', { name: '仪表盘' }).click();
    await page.getByRole('button', { name: /登录/ }).waitFor();
    await page.getByRole('alert').filter({ hasText: '您的登录已结束' }).waitFor();
    await shot(page, 'signed-out-login');
    // signed in again, the notice is gone
    await logIn(page, server.url, 'wangyan', 'reset-by-admin-1');
    // signed out by hand this time (the login page of a live session opens the dashboard)
    await page.getByRole('button', { name: /王燕|个人中心/ }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.getByRole('button', { name: /登录/ }).waitFor();
    expect(await page.getByText('您的登录已结束').count()).toBe(0);
  });
});
