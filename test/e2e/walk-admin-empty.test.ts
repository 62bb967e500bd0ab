import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoggedIn, shot, startAppServer } from '../helpers/app';
import { type TestServer } from '../helpers/server';

// A new user's walk: the empty 自定义字段 and 自定义列表 pages said only "暂无自定义字段" (its
// heading against the card's edge) and "还没有记录", and the toolbar's "直接输入即可编辑" though
// those grids have no empty row to type into. They say how to add the first one instead.
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

const empty = () => page.getByTestId('grid-empty');
const hint = () => page.getByTestId('grid-toolbar').innerText();

describe('the empty admin lists', () => {
  it('自定义字段 says how to add the first field, once, and no typing hint', async () => {
    await page.goto(`${server.url}/#/customFields`);
    await expect
      .poll(() => empty().innerText())
      .toBe('还没有自定义字段：点右上角的“新建”添加第一个字段，或在任一列表上点“字段”为它添加');
    await shot(page, 'custom-fields-empty');
    expect(await page.getByText('暂无自定义字段').count()).toBe(0);
    expect(await page.getByText('还没有记录').count()).toBe(0);
    expect(await hint()).not.toContain('直接输入即可编辑');
    expect(await hint()).toContain('点右上角的“新建”添加');
  });

  it('自定义列表 says how to add the first list, once, and no typing hint', async () => {
    await page.goto(`${server.url}/#/customResources`);
    await expect
      .poll(() => empty().innerText())
      .toBe('还没有自定义列表：点右上角的“新建”建一个列表（如“技术需求”），再为它添加字段');
    await shot(page, 'custom-resources-empty');
    expect(await page.getByText('暂无自定义列表').count()).toBe(0);
    expect(await hint()).not.toContain('直接输入即可编辑');
  });

  it('once there is a list, its row can be edited in place: the typing hint is true again', async () => {
    await server.client.create('customResources', { data: { name: 'needs', labelZh: '技术需求', labelEn: 'Needs' } });
    await page.reload();
    await expect.poll(() => page.getByRole('gridcell', { name: '技术需求', includeHidden: true }).count()).toBe(1);
    expect(await empty().count()).toBe(0);
    await expect.poll(hint).toContain('直接输入即可编辑');
  });
});
