import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, shot, startAppServer } from '../helpers/app';
import { launchChromium } from '../helpers/browser';
import { rowsOf, type TestServer } from '../helpers/server';

// An official's own settings follow the account, not the browser: 万元 and a saved view set
// on the office PC are there on the laptop (a fresh browser profile), and nobody else's.
let server: TestServer;
let browser: Browser;
let landed: number;
const contexts: BrowserContext[] = [];

const OFFICIAL = { username: 'zhaoli', password: 'zhaoli-password-1', displayName: '赵力' };
const COLLEAGUE = { username: 'qianwen', password: 'qianwen-password-1', displayName: '钱文' };
const LONGTIME = { username: 'sunhui', password: 'sunhui-password-1', displayName: '孙慧' };

/** a browser profile of its own (nothing in its storage), signed in as this account */
async function freshBrowser(account: { username: string; password: string }) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await logIn(page, server.url, account.username, account.password);
  return page;
}

/** what the server keeps for the account */
const preferencesOf = async (account: { username: string; password: string }) =>
  (await (await server.login(account.username, account.password)).api('/auth/me/preferences')).json();

const amountShown = (page: Page) => page.getByText(/金额 (¥[\d,]+|[\d,.]+万元) ·/).innerText();

const userMenu = (page: Page) => page.getByRole('button', { name: /赵力|个人中心/ });

async function chooseUnit(page: Page, label: string) {
  await userMenu(page).click();
  await page.getByRole('menuitem', { name: label }).click();
}

const agreementsWith = (filter: object) =>
  `${server.url}/#/agreements?filter=${encodeURIComponent(JSON.stringify(filter))}`;
const rowCount = (page: Page) => page.getByText(/共 \d+ 条/).innerText();

beforeAll(async () => {
  server = await startAppServer();
  for (const account of [OFFICIAL, COLLEAGUE, LONGTIME])
    await server.client.create('users', { data: { ...account, role: 'official' } });
  landed = (await rowsOf(server.client, 'agreements', { status: ['landed'] }, 1000)).length;
  browser = await launchChromium();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

describe('settings that follow the account', () => {
  it('万元 and a saved view, set in one browser, are there in a fresh one; a colleague keeps 元', async () => {
    const office = await freshBrowser(OFFICIAL);
    await expect.poll(() => amountShown(office)).toMatch(/¥/);
    await chooseUnit(office, '金额以万元显示');
    await expect.poll(() => amountShown(office)).toMatch(/万元/);
    await office.goto(agreementsWith({ status: ['landed'] }));
    await expect.poll(() => rowCount(office)).toContain(`共 ${landed} 条`);
    await office.getByRole('button', { name: '视图' }).click();
    await office.getByRole('menuitem', { name: '保存当前视图…' }).click();
    await office.getByLabel('视图名称').fill('已落地的项目');
    await office.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => preferencesOf(OFFICIAL))
      .toMatchObject({ 'money.unit': 'wan', 'views.agreements': [expect.objectContaining({ name: '已落地的项目' })] });

    const laptop = await freshBrowser(OFFICIAL);
    await expect.poll(() => amountShown(laptop)).toMatch(/金额 [\d,.]+万元 ·/);
    await shot(laptop, 'preferences-laptop-wan');
    await laptop.goto(agreementsWith({}));
    await expect.poll(() => rowCount(laptop)).not.toContain(`共 ${landed} 条`);
    await laptop.getByRole('button', { name: '视图' }).click();
    await laptop.getByRole('menuitem', { name: '已落地的项目' }).click();
    await expect.poll(() => rowCount(laptop)).toContain(`共 ${landed} 条`);
    await shot(laptop, 'preferences-laptop-view');

    const colleague = await freshBrowser(COLLEAGUE);
    await expect.poll(() => amountShown(colleague)).toMatch(/金额 ¥[\d,]+ ·/);
    await colleague.goto(agreementsWith({}));
    await colleague.getByRole('button', { name: '视图' }).click();
    await colleague.getByRole('menuitem', { name: '保存当前视图…' }).waitFor();
    expect(await colleague.getByRole('menuitem', { name: '已落地的项目' }).count()).toBe(0);
    await shot(colleague, 'preferences-colleague-yuan');
  });

  it('are still there after signing out and in again in the same browser', async () => {
    const page = await freshBrowser(OFFICIAL);
    await expect.poll(() => amountShown(page)).toMatch(/万元/);
    await userMenu(page).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
    await logIn(page, server.url, OFFICIAL.username, OFFICIAL.password);
    await expect.poll(() => amountShown(page)).toMatch(/万元/);
  });

  it('what a browser kept before the server kept settings goes to the server', async () => {
    // signed in before this version, as it left the unit: in the browser only
    const page = await freshBrowser(LONGTIME);
    await page.evaluate(() => localStorage.setItem('RaStore.huiwu.money.sunhui.unit', '"wan"'));
    await page.reload();
    await expect.poll(() => amountShown(page)).toMatch(/万元/);
    await expect.poll(async () => (await preferencesOf(LONGTIME))['money.unit']).toBe('wan');
  });

  it('a change the server cannot take is kept in the browser, said so, and saved once it can', async () => {
    const page = await freshBrowser(OFFICIAL);
    await expect.poll(() => amountShown(page)).toMatch(/万元/);
    await page.route('**/api/auth/me/preferences', (route) =>
      route.request().method() === 'PATCH' ? route.abort('internetdisconnected') : route.continue(),
    );
    await chooseUnit(page, '金额以元显示');
    await expect.poll(() => amountShown(page)).toMatch(/¥/);
    await page.getByText('个人设置暂未保存到服务器').waitFor();
    await shot(page, 'preferences-unsaved');
    expect((await preferencesOf(OFFICIAL))['money.unit']).toBe('wan');
    // back online: the next start sends what was kept, and the server's older 万元 does not win
    await page.unroute('**/api/auth/me/preferences');
    await page.reload();
    await expect.poll(async () => (await preferencesOf(OFFICIAL))['money.unit']).toBe('yuan');
    await expect.poll(() => amountShown(page)).toMatch(/¥/);
  });

  it('with the server out of reach at the start, asks it once and not at every page; a change is kept', async () => {
    const page = await freshBrowser(OFFICIAL);
    await expect.poll(() => amountShown(page)).toMatch(/¥/);
    let asked = 0;
    await page.route('**/api/auth/me/preferences', (route) => {
      asked++;
      return route.abort('internetdisconnected');
    });
    await page.reload();
    await expect.poll(() => amountShown(page)).toMatch(/¥/);
    await page.goto(agreementsWith({}));
    await expect.poll(() => rowCount(page)).toMatch(/共 \d+ 条/);
    await page.goto(`${server.url}/#/agreements-board`);
    await page.getByTestId('board-total').waitFor();
    expect(asked).toBe(1);
    await chooseUnit(page, '金额以万元显示');
    await page.getByText('个人设置暂未保存到服务器').waitFor();
    await expect.poll(() => page.getByTestId('board-total').innerText()).toMatch(/万元/);
    await page.unroute('**/api/auth/me/preferences');
    await page.reload();
    await expect.poll(async () => (await preferencesOf(OFFICIAL))['money.unit']).toBe('wan');
  });
});
