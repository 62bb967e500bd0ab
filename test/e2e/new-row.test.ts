import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeChinese } from '../helpers/ime';
import { logIn, openLoggedIn, shot, startAppServer } from '../helpers/app';
import { cellText, guestListUrl, openEditor, selectCell, summitGuests } from '../helpers/grid';
import { ADMIN_PASSWORD, newSummit, type TestServer } from '../helpers/server';

// The empty row under the last one takes typing, as Excel's next row does; Enter saves it as a
// guest of the summit whose tab it is, once its required fields are filled.
let server: TestServer;
let browser: Browser;
let page: Page;
let cdp: CDPSession;
let summitId: number;

const guests = (id = summitId) => summitGuests(server.client, id);
const nameBox = () => page.getByTestId('name-box');
const status = () => page.getByTestId('new-row-status');
const canvas = () => page.locator('canvas[data-testid="data-grid-canvas"]');

/** A summit's guest tab, its rows drawn (or, empty, its grid). */
async function openTab(id = summitId, on = page) {
  await on.goto(`${server.url}/#/summits/${id}/show/attendees-summitId`);
  await on.reload();
  await on.locator('canvas[data-testid="data-grid-canvas"]').waitFor();
}

/** A click in the empty space under the rows, below a column (found where its first cell is drawn). */
async function clickUnderRows(header: string) {
  await selectCell(page, header, 0);
  const x = (await page.getByTestId('cell-typing').boundingBox())!.x + 20;
  const box = (await canvas().boundingBox())!;
  await page.mouse.click(x, box.y + box.height - 10);
}

beforeAll(async () => {
  server = await startAppServer();
  summitId = await newSummit(server.client, '新行测试论坛');
  for (const name of ['王一', '王二', '王三'])
    await server.client.create('attendees', { data: { summitId, name, role: 'expert', invitation: 'invited' } });
  ({ browser, page } = await openLoggedIn(server));
  cdp = await page.context().newCDPSession(page);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the new row under the last one', () => {
  it('a click under the rows puts the cursor on it; a name typed and Enter add a guest of this summit', async () => {
    await openTab();
    await clickUnderRows('姓名');
    await expect.poll(() => nameBox().innerText()).toBe('新行 · 姓名');
    await page.keyboard.type('赵新来', { delay: 0 });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await guests()).map((g) => g.name)).toContain('赵新来');
    // of this summit, the list's own; the rest as a new guest starts
    expect((await guests()).find((g) => g.name === '赵新来')).toMatchObject({ summitId, role: 'guest' });
    // the cursor waits on the next new row, as Excel's Enter goes to the next line
    await expect.poll(() => nameBox().innerText()).toBe('新行 · 姓名');
    await expect.poll(() => cellText(page, '姓名', 3)).toBe('赵新来');
    await shot(page, 'new-row-saved');
    // Ctrl+Z takes the row away again
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await guests()).map((g) => g.name)).not.toContain('赵新来');
  });

  it('a row without its required name is not saved: it says what is missing, and Enter takes the cursor there', async () => {
    await openTab();
    await clickUnderRows('职务/职称');
    await expect.poll(() => nameBox().innerText()).toBe('新行 · 职务/职称');
    await page.keyboard.type('Lead', { delay: 150 });
    await page.keyboard.press('Enter');
    await expect.poll(() => status().innerText()).toBe('新行还没有保存：请填写「姓名」');
    await expect.poll(() => nameBox().innerText()).toBe('新行 · 姓名');
    await shot(page, 'new-row-missing');
    await expect.poll(() => cellText(page, '职务/职称', 3)).toBe('Lead');
    await shot(page, 'new-row-missing');
    expect((await guests()).length).toBe(3);
    await page.keyboard.type('钱后补', { delay: 150 });
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await guests()).find((g) => g.name === '钱后补'))
      .toMatchObject({ summitId, title: 'Lead' });
    await expect.poll(() => status().count()).toBe(0);
  });

  it('takes Chinese from an input method, and Tab moves along it without saving', async () => {
    await openTab();
    await clickUnderRows('姓名');
    await typeChinese(cdp, 'sunwukong', '孙悟空');
    await page.keyboard.press('Tab');
    await expect.poll(() => nameBox().innerText()).toBe('新行 · 单位');
    await expect.poll(() => status().innerText()).toBe('新行还没有保存：按回车保存');
    expect((await guests()).map((g) => g.name)).not.toContain('孙悟空');
    await page.keyboard.press('ArrowRight');
    await typeChinese(cdp, 'zhuxi', '主席');
    await shot(page, 'new-row-ime');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await guests()).find((g) => g.name === '孙悟空'))
      .toMatchObject({ summitId, title: '主席' });
  });

  it('is there in an empty list too', async () => {
    const empty = await newSummit(server.client, '空名单新行论坛', '2027-07-01');
    await openTab(empty);
    const box = (await canvas().boundingBox())!;
    await page.mouse.click(box.x + 80, box.y + 38 + 17);
    await expect.poll(() => nameBox().innerText()).toBe('新行 · 姓名');
    await page.keyboard.type('第一位嘉宾', { delay: 0 });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await guests(empty)).map((g) => g.name)).toEqual(['第一位嘉宾']);
  });

  it('leaving a complete row (an arrow up, out of it) saves it', async () => {
    await openTab();
    const before = (await guests()).length;
    await clickUnderRows('姓名');
    await page.keyboard.type('李离开', { delay: 0 });
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await guests()).map((g) => g.name)).toContain('李离开');
    expect((await guests()).length).toBe(before + 1);
  });

  it('its full editor (Enter, as on any cell) takes a name too; Enter there saves the row', async () => {
    await openTab();
    await clickUnderRows('姓名');
    await expect.poll(() => nameBox().innerText()).toBe('新行 · 姓名');
    await openEditor(page);
    await page.keyboard.type('周全编辑', { delay: 0 });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await guests()).find((g) => g.name === '周全编辑')).toMatchObject({ summitId });
  });

  it('on the guest list filtered to a summit, it shows that summit, and a row typed there joins it', async () => {
    await page.goto(guestListUrl(server.url, summitId));
    await page.reload();
    await expect.poll(() => page.locator('[data-testid="glide-cell-1-0"]').textContent()).toMatch(/\S/);
    const count = (await guests()).length;
    await expect.poll(() => cellText(page, '峰会', count)).toBe('新行测试论坛');
    await clickUnderRows('姓名');
    await page.keyboard.type('吴筛选', { delay: 150 });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await guests()).find((g) => g.name === '吴筛选')).toMatchObject({ summitId });
  });

  it('Esc on the row drops what was typed into it', async () => {
    await openTab();
    const before = (await guests()).length;
    await clickUnderRows('职务/职称');
    await page.keyboard.type('不要了', { delay: 0 });
    await page.keyboard.press('Tab');
    await expect.poll(() => status().innerText()).toBe('新行还没有保存：请填写「姓名」');
    await page.keyboard.press('Escape');
    await expect.poll(() => status().count()).toBe(0);
    await expect.poll(() => cellText(page, '职务/职称', before)).toBe('');
    expect((await guests()).length).toBe(before);
  });

  it('says what is missing in English', async () => {
    const english = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
    english.setDefaultTimeout(15_000);
    await logIn(english, server.url, 'admin', ADMIN_PASSWORD);
    const chinese = page;
    page = english;
    try {
      await openTab();
      await clickUnderRows('Title');
      await expect.poll(() => nameBox().innerText()).toBe('New row · Title');
      await page.keyboard.type('Chair', { delay: 0 });
      await page.keyboard.press('Enter');
      await expect.poll(() => status().innerText()).toBe('The new row is not saved yet: fill in Name');
      await shot(page, 'new-row-missing-en');
    } finally {
      page = chinese;
      await english.close();
    }
  });
});
