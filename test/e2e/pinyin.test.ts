import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoggedIn, shot, startAppServer } from '../helpers/app';
import { cellText, guestListUrl, selectCell } from '../helpers/grid';
import { newSummit, type TestServer } from '../helpers/server';

// Names in the order WPS and Excel give them, by pinyin, in the grid and in every picker.
let server: TestServer;
let browser: Browser;
let page: Page;
let summitId: number;
const pinyin = new Intl.Collator('zh-CN-u-co-pinyin');

beforeAll(async () => {
  server = await startAppServer();
  summitId = await newSummit(server.client, '拼音排序论坛');
  // added in code-point order, which is not the pinyin order
  for (const name of ['孙浩', '张伟', '李明', '王芳', '赵静', '钱进'])
    await server.client.create('attendees', { data: { summitId, name } });
  ({ browser, page } = await openLoggedIn(server));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Clicks a column's header on the canvas, above the cell the typing box lies over. */
async function clickHeader(header: string) {
  await selectCell(page, header, 0);
  const cell = (await page.getByTestId('cell-typing').boundingBox())!;
  const canvas = (await page.locator('canvas[data-testid="data-grid-canvas"]').boundingBox())!;
  await page.mouse.click(cell.x + 20, canvas.y + 19);
}

const names = async () => Promise.all([0, 1, 2, 3, 4, 5].map((row) => cellText(page, '姓名', row)));

describe('sorted by pinyin', () => {
  it('the grid sorted by name: 李, 钱, 孙, 王, 张, 赵', async () => {
    await page.goto(guestListUrl(server.url, summitId));
    await expect.poll(names).toEqual(['孙浩', '张伟', '李明', '王芳', '赵静', '钱进']);
    await clickHeader('姓名');
    await expect.poll(names).toEqual(['李明', '钱进', '孙浩', '王芳', '张伟', '赵静']);
    await shot(page, 'grid-sorted-by-pinyin');
    await clickHeader('姓名');
    await expect.poll(names).toEqual(['赵静', '张伟', '王芳', '孙浩', '钱进', '李明']);
  });

  it('a link cell’s picker lists the records it finds by name, in pinyin', async () => {
    await page.goto(guestListUrl(server.url, summitId));
    await expect.poll(() => cellText(page, '峰会', 0)).toBe('拼音排序论坛');
    await selectCell(page, '峰会', 0);
    const { data: found } = await server.client.getList('summits', {
      filter: { q: '论坛' },
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 20 },
    });
    expect(found.length).toBeGreaterThan(3);
    await page.keyboard.type('论坛');
    const options = page.getByRole('listbox').getByRole('option');
    // 2026集成 (ji), 2026青岚 (qing), 2026新型 (xin) …, not the newest first
    await expect.poll(() => options.allInnerTexts()).toEqual(found.map((s) => String(s.name)).sort(pinyin.compare));
    await shot(page, 'grid-picker-pinyin');
    await page.keyboard.press('Escape');
  });

  it('a form’s picker offers organisations by name, in pinyin', async () => {
    const { data: all } = await server.client.getList('organizations', {
      filter: {},
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 1000 },
    });
    const expected = all
      .map((o) => String(o.name))
      .sort(pinyin.compare)
      .slice(0, 5);
    await page.goto(`${server.url}/#/attendees/create`);
    await page.getByRole('combobox', { name: '单位' }).click();
    const options = page.getByRole('listbox').getByRole('option');
    await expect.poll(async () => (await options.allInnerTexts()).slice(0, 5)).toEqual(expected);
    await shot(page, 'form-picker-pinyin');
  });
});
