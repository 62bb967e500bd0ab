import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoggedIn, shot, startAppServer } from '../helpers/app';
import { newSummit, type TestServer } from '../helpers/server';

// A new user's walk: the 荣誉证书 tab of a summit where nobody has a certificate ticked said
// "没有符合条件的记录 · 清除筛选" in its grid though the user had set no filter, and 清除筛选
// dropped the tab's own filter, listing every guest as if all needed certificates.
let server: TestServer;
let browser: Browser;
let page: Page;
let summitId: number;

beforeAll(async () => {
  server = await startAppServer();
  summitId = await newSummit(server.client, '证书为空论坛', '2027-09-01');
  for (const name of ['孙甲', '孙乙'])
    await server.client.create('attendees', { data: { summitId, name, role: 'guest', certificate: false } });
  ({ browser, page } = await openLoggedIn(server));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const empty = () => page.getByTestId('grid-empty');
const tabMessage = '还没有需要荣誉证书的嘉宾：在嘉宾的“荣誉证书”一栏打勾即列入';

describe('a tab that lists some of a list’s rows, with none to list', () => {
  it('reads as the tab’s own empty message, once, and offers no filter to clear', async () => {
    await page.goto(`${server.url}/#/summits/${summitId}/show/certificates`);
    await expect.poll(() => empty().innerText()).toBe(tabMessage);
    await shot(page, 'certificates-tab-empty');
    expect(await page.getByRole('button', { name: '清除筛选' }).count()).toBe(0);
    expect(await page.getByText('没有符合条件的记录').count()).toBe(0);
    // said once, not above the grid and in it
    expect(await page.getByText(tabMessage).count()).toBe(1);
    // none of the summit's guests is listed
    expect(await page.getByRole('gridcell', { name: '孙甲', includeHidden: true }).count()).toBe(0);
  });

  it('with a guest ticked: that guest, not the others', async () => {
    const { data } = await server.client.getList('attendees', {
      filter: { summitId, name: '孙甲' },
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 5 },
    });
    await server.api(`/attendees/${data[0].id}`, { method: 'PATCH', body: JSON.stringify({ certificate: true }) });
    await page.goto(`${server.url}/#/summits/${summitId}/show`);
    await page.goto(`${server.url}/#/summits/${summitId}/show/certificates`);
    await expect.poll(() => page.getByRole('gridcell', { name: '孙甲', includeHidden: true }).count()).toBe(1);
    expect(await page.getByRole('gridcell', { name: '孙乙', includeHidden: true }).count()).toBe(0);
    expect(await empty().count()).toBe(0);
  });

  it('a saved view opened on the tab changes what the user chose, never the tab’s own filter', async () => {
    // a view saved on the guest tab, where no filter is set, is offered on the certificate tab too
    await page.goto(`${server.url}/#/summits/${summitId}/show/attendees-summitId`);
    await expect.poll(() => page.getByRole('gridcell', { name: '孙乙', includeHidden: true }).count()).toBe(1);
    // sorted by name, Z to A: opening the view on the other tab reads its rows again
    const box = (await page.locator('canvas[data-testid="data-grid-canvas"]').boundingBox())!;
    await page.mouse.click(box.x + 80, box.y + 19);
    await page.getByRole('columnheader', { name: /姓名 ↓/, includeHidden: true }).waitFor({ state: 'attached' });
    await page.getByTestId('grid-toolbar').getByRole('button', { name: '视图' }).click();
    await page.getByRole('menuitem', { name: '保存当前视图…' }).click();
    await page.getByRole('dialog').getByLabel('视图名称').fill('全部嘉宾');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.goto(`${server.url}/#/summits/${summitId}/show/certificates`);
    await expect.poll(() => page.getByRole('gridcell', { name: '孙甲', includeHidden: true }).count()).toBe(1);
    await page.getByTestId('grid-toolbar').getByRole('button', { name: '视图' }).click();
    const read = page.waitForResponse(
      (r) => r.url().includes('/api/attendees?') && decodeURIComponent(r.url()).includes('"name","DESC"'),
    );
    // on its name (the item also holds rename and delete buttons)
    await page.getByRole('menuitem', { name: '全部嘉宾' }).getByText('全部嘉宾').click();
    const answer = await read;
    await page.getByRole('columnheader', { name: /姓名 ↓/, includeHidden: true }).waitFor({ state: 'attached' });
    await shot(page, 'certificates-tab-view');
    // still the guests with a certificate ticked, whichever view is on
    expect(decodeURIComponent(answer.url())).toContain('"certificate":true');
    await expect.poll(() => page.getByRole('gridcell', { name: '孙甲', includeHidden: true }).count()).toBe(1);
    expect(await page.getByRole('gridcell', { name: '孙乙', includeHidden: true }).count()).toBe(0);
  });
});
