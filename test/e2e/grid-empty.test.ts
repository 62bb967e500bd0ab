import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, openLoggedIn, shot, startAppServer } from '../helpers/app';
import { guestListUrl, paste, selectCell } from '../helpers/grid';
import { ADMIN_PASSWORD, newSummit, type TestServer } from '../helpers/server';

// An empty grid says why and what to do; a paste preview with nothing invalid says so.
let server: TestServer;
let browser: Browser;
let page: Page;
let summitId: number;

const empty = () => page.getByTestId('grid-empty');
const canvas = () => page.locator('canvas[data-testid="data-grid-canvas"]');

beforeAll(async () => {
  server = await startAppServer();
  summitId = await newSummit(server.client, '空状态论坛');
  await server.client.create('attendees', { data: { summitId, name: '唯一嘉宾', role: 'guest' } });
  // a custom list with a required field, and no rows
  await server.client.create('customResources', { data: { name: 'visits', labelZh: '走访记录', labelEn: 'Visits' } });
  await server.client.create('customFields', {
    data: { resource: 'visits', source: 'place', labelZh: '走访地点', labelEn: 'Place', type: 'text', required: true },
  });
  ({ browser, page } = await openLoggedIn(server));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('an empty grid', () => {
  it('of a summit with no guests yet says so, and that the row above takes typing', async () => {
    const none = await newSummit(server.client, '还没有嘉宾的论坛', '2027-08-01');
    await page.goto(`${server.url}/#/summits/${none}/show/attendees-summitId`);
    // in the tab's own words (said once, in the grid)
    await expect
      .poll(() => empty().innerText())
      .toBe('尚未添加嘉宾：在上面的空行直接输入，或点“添加嘉宾”，或粘贴、导入名单');
    await shot(page, 'grid-empty-tab');
    const box = (await canvas().boundingBox())!;
    await page.mouse.click(box.x + 80, box.y + 38 + 17);
    await page.keyboard.type('首位嘉宾', { delay: 0 });
    await page.keyboard.press('Enter');
    await expect.poll(() => empty().count()).toBe(0);
  });

  it('of a search with no hits says nothing matches, and clearing the filters shows the rows again', async () => {
    await page.goto(
      `${server.url}/#/attendees?filter=${encodeURIComponent(JSON.stringify({ summitId, q: '查无此人' }))}`,
    );
    await expect.poll(() => empty().innerText()).toBe('没有符合条件的记录 · 清除筛选');
    await shot(page, 'grid-empty-filtered');
    await empty().getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => empty().count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid="glide-cell-1-0"]').textContent()).toMatch(/\S/);
  });

  it('of a custom list with no rows says so, in English too', async () => {
    await page.goto(`${server.url}/#/visits`);
    await expect.poll(() => empty().innerText()).toBe('还没有记录 · 在上面的空行直接输入，或粘贴、导入');
    const english = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
    english.setDefaultTimeout(15_000);
    await logIn(english, server.url, 'admin', ADMIN_PASSWORD);
    await english.goto(`${server.url}/#/visits`);
    await expect
      .poll(() => english.getByTestId('grid-empty').innerText())
      .toBe('No records yet · type into the empty row above, or paste or import');
    await shot(english, 'grid-empty-custom-en');
    await english.goto(`${server.url}/#/attendees?filter=${encodeURIComponent(JSON.stringify({ q: 'nobody-here' }))}`);
    await expect.poll(() => english.getByTestId('grid-empty').innerText()).toBe('No records match · Clear the filters');
    await english.close();
  });
});

describe('a new list with no field yet', () => {
  it('says to add fields first, and a click where the new row would be breaks nothing', async () => {
    await server.client.create('customResources', { data: { name: 'ideas', labelZh: '金点子', labelEn: 'Ideas' } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // the app learns of a list made elsewhere when it loads
    await page.goto(`${server.url}/#/ideas`);
    await page.reload();
    await expect.poll(() => empty().innerText()).toBe('这个列表还没有字段：先点“字段”添加，再录入记录');
    const box = (await canvas().boundingBox())!;
    await page.mouse.click(box.x + 40, box.y + 38 + 17);
    await page.keyboard.type('abc', { delay: 0 });
    // the page is still the list, not the error page
    await expect.poll(() => empty().innerText()).toBe('这个列表还没有字段：先点“字段”添加，再录入记录');
    expect(await page.getByText('出错了').count()).toBe(0);
    expect(errors).toEqual([]);
    await shot(page, 'grid-empty-no-fields');
  });
});

describe('the paste preview', () => {
  it('with no invalid cell says all are valid (a list pasted into cell by cell: the accounts)', async () => {
    await page.goto(`${server.url}/#/users`);
    await expect.poll(() => page.locator('[data-testid="glide-cell-1-0"]').textContent()).toMatch(/\S/);
    await selectCell(page, '姓名', 0);
    await paste(page, '系统管理员甲\r\n');
    const summary = page.getByRole('dialog').getByTestId('paste-summary');
    await expect.poll(() => summary.innerText()).toBe('将修改 1 个单元格，新增 0 行；全部有效。');
    await shot(page, 'paste-preview-all-valid');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  });

  it('through the import, says every row can be written', async () => {
    await page.goto(guestListUrl(server.url, summitId));
    await expect.poll(() => page.locator('[data-testid="glide-cell-1-0"]').textContent()).toMatch(/\S/);
    await selectCell(page, '职务/职称', 0);
    await paste(page, '教授\r\n');
    const summary = page.getByRole('dialog').getByTestId('paste-summary');
    await expect.poll(() => summary.innerText()).toBe('将修改 1 行中的 1 个单元格。 所有行都可以写入。');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  });
});
