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

describe('adding several guests to a summit', () => {
  it('saves and opens a blank form for the same summit, then returns to the summit’s guests', async () => {
    const summitId = await newSummit(server.client, '连续添加测试论坛');
    const guestsTab = `#/summits/${summitId}/show/attendees-summitId`;
    await page.goto(`${server.url}/${guestsTab}`);
    await page.getByRole('link', { name: '添加嘉宾' }).click();
    const name = page.getByRole('textbox', { name: /^姓名/ });
    await name.fill('欧阳甲');
    await page.getByRole('button', { name: '保存并继续添加' }).click();
    await expect.poll(async () => (await rowsOf(server.client, 'attendees', { summitId })).length).toBe(1);
    // a blank form again, still for this summit
    await expect.poll(() => name.inputValue()).toBe('');
    expect(await page.getByText('已保存“欧阳甲”，请填写下一条').count()).toBe(1);
    expect(page.url()).toMatch(/#\/attendees\/create$/);
    await shot(page, 'guest-form-next');
    await expect.poll(() => page.getByRole('combobox', { name: /^峰会/ }).inputValue()).toBe('连续添加测试论坛');

    await name.fill('欧阳乙');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`${guestsTab.replace(/[/]/g, '\\/')}$`));
    await expect.poll(() => page.getByRole('gridcell', { name: '欧阳乙', includeHidden: true }).count()).toBe(1);
    expect(await page.getByRole('gridcell', { name: '欧阳甲', includeHidden: true }).count()).toBe(1);
    const saved = await rowsOf(server.client, 'attendees', { summitId });
    expect(saved.map((g) => g.name).sort()).toEqual(['欧阳乙', '欧阳甲']);
  });
});

describe('empty tabs and lists', () => {
  const tabText = () => page.locator('.RaTabbedShowLayout-content, [role=tabpanel]').first().innerText();

  it('say what is missing, in their own words, on a summit and a ceremony', async () => {
    const said: Record<string, string> = {};
    for (const [path, words] of [
      ['agreements', '本峰会尚无签约项目'],
      ['programme', '议程尚未安排'],
      ['attendees-summitId', '尚未添加嘉宾'],
      ['ceremonies-summitId', '本峰会尚无签约仪式'],
      ['certificates', '还没有需要荣誉证书的嘉宾'],
    ]) {
      await page.goto(`${server.url}/#/summits/${emptySummit}/show/${path}`);
      await expect.poll(tabText).toContain(words);
      said[path] = await tabText();
    }
    for (const text of Object.values(said)) expect(text).not.toContain('暂无安排');
    await page.goto(`${server.url}/#/ceremonies/${emptyCeremony}/show/agreements-ceremonyId`);
    await expect.poll(tabText).toContain('本场仪式尚无签约项目');
    await shot(page, 'ceremony-empty');
  });

  it('does not tell an admin their role can only look at the audit trail', async () => {
    await page.goto(`${server.url}/#/audit`);
    await expect.poll(() => page.getByText('操作记录由系统生成，不能修改').count()).toBe(1);
    expect(await page.getByText('您的角色只能查看').count()).toBe(0);
  });
});

describe('at 1440 × 900', () => {
  it('the dashboard is as wide as the window', async () => {
    await page.goto(`${server.url}/#/`);
    await expect.poll(() => page.getByTestId('chart-partners').locator('li').count()).toBeGreaterThan(0);
    const size = await pageSize();
    expect(size.width).toBe(1440);
    expect(size.scrollWidth).toBe(size.width);
    await shot(page, 'dashboard-1440');
  });

  it('the board shows its six columns in the window, its scrollbars in view', async () => {
    await page.goto(`${server.url}/#/agreements-board`);
    await expect.poll(() => page.getByTestId('count-terminated').innerText()).not.toBe('0');
    const last = (await page.getByTestId('column-terminated').boundingBox())!;
    expect(last.x + last.width).toBeLessThanOrEqual(1440);
    const board = page.getByTestId('board');
    const frame = (await board.boundingBox())!;
    expect(last.x + last.width).toBeLessThanOrEqual(frame.x + frame.width);
    // the page does not scroll: the board does, within the window
    const size = await pageSize();
    expect(size.scrollHeight).toBe(size.height);
    expect(size.scrollWidth).toBe(size.width);
    expect(frame.y + frame.height).toBeLessThanOrEqual(900);
    expect(await board.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await shot(page, 'board-1440');

    // narrower: the columns scroll sideways, the scrollbar at the window's foot
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => board.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const narrow = (await board.boundingBox())!;
    expect(narrow.y + narrow.height).toBeLessThanOrEqual(800);
    expect((await pageSize()).scrollHeight).toBe(800);
    await shot(page, 'board-1280');
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
