import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, shot, startAppServer } from '../helpers/app';
import { launchChromium } from '../helpers/browser';
import { ADMIN_PASSWORD, type TestServer } from '../helpers/server';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startAppServer();
  await server.client.create('users', {
    data: { username: 'wangfang', displayName: '王芳', role: 'organiser', password: 'organiser-pass' },
  });
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const menu = async () => (await page.getByRole('menuitem').allInnerTexts()).map((text) => text.trim());

describe('accounts in the app', () => {
  it('asks for a login first, and says plainly when the password is wrong', async () => {
    await page.goto(server.url);
    await page.getByRole('textbox', { name: '用户名' }).fill('wangfang');
    await page.getByLabel(/^密码/).fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByText('用户名或密码不对').count()).toBeGreaterThan(0);
    await shot(page, 'login-wrong-password');
  });

  it('an organiser sees only the menus their role allows, and cannot add agreements', async () => {
    await logIn(page, server.url, 'wangfang', 'organiser-pass');
    await expect.poll(menu).toEqual(expect.arrayContaining(['峰会论坛', '参会人员', '签约项目']));
    expect(await menu()).not.toContain('用户');
    expect(await menu()).not.toContain('操作记录');
    await page.getByRole('menuitem', { name: '峰会论坛' }).click();
    await expect.poll(() => page.getByRole('link', { name: '新建' }).count()).toBe(1);
    await page.getByRole('menuitem', { name: '签约项目' }).click();
    await page.getByRole('columnheader', { name: '项目名称', includeHidden: true }).waitFor({ state: 'attached' }); // the agreements list, not the summits one
    await page.getByRole('row', { includeHidden: true }).nth(1).waitFor({ state: 'attached' });
    expect(await page.getByRole('link', { name: '新建' }).count()).toBe(0);
    await shot(page, 'organiser-agreements');
  });

  it('logs out back to the login page', async () => {
    await page.getByRole('button', { name: /王芳|Profile|个人中心/ }).click();
    await page.getByRole('menuitem', { name: /退出|注销|Logout/ }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
    await page.goto(`${server.url}/#/summits`);
    await page.getByRole('button', { name: '登录' }).waitFor();
  });

  it('an admin manages users and sees each record’s history', async () => {
    await logIn(page, server.url, 'admin', ADMIN_PASSWORD);
    await expect.poll(menu).toEqual(expect.arrayContaining(['用户', '操作记录']));
    await page.goto(`${server.url}/#/summits/1`);
    await page.getByRole('textbox', { name: /^会场/ }).fill('青岚大剧院');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('tab', { name: '修改历史' }).click();
    await expect.poll(() => page.getByText('青岚大剧院').count()).toBeGreaterThan(0);
    await shot(page, 'summit-history');
    await page.getByRole('menuitem', { name: '用户' }).click();
    await expect
      .poll(() => page.getByRole('row', { includeHidden: true }).filter({ hasText: 'wangfang' }).count())
      .toBe(1);
    await shot(page, 'users');
  });

  it('shows what a colleague changed meanwhile, and lets the user re-apply their change', async () => {
    await page.goto(`${server.url}/#/attendees/5`);
    const hotel = page.getByRole('textbox', { name: /^酒店/ });
    await hotel.waitFor();
    // a colleague saves the same guest's hotel while this form is open
    await server.api('/attendees/5', { method: 'PATCH', body: JSON.stringify({ hotel: '同事填的酒店' }) });
    await hotel.fill('我填的酒店');
    await page.getByRole('button', { name: '保存' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText('同事填的酒店').count()).toBe(1);
    expect(await dialog.getByText('我填的酒店').count()).toBe(1);
    // the colleague by their name (the admin account's is 管理员), not their username
    expect(await dialog.getByText(/^管理员 · /).count()).toBe(1);
    await shot(page, 'edit-conflict');
    await dialog.getByRole('button', { name: '用我的覆盖' }).click();
    await expect.poll(async () => (await server.client.getOne('attendees', { id: 5 })).data.hotel).toBe('我填的酒店');
  });
});
