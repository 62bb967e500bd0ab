import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, shot, startAppServer } from '../helpers/app';
import { launchChromium } from '../helpers/browser';
import { editCell, guestListUrl, selectCell } from '../helpers/grid';
import { ADMIN_PASSWORD, type Session, type TestServer } from '../helpers/server';

// Two staff on one guest: the admin in the grid, 张三 (zhangsan) through the API meanwhile.
let server: TestServer;
let browser: Browser;
let page: Page;
let zhangsan: Session;
let guestId: number;
let summitId: number;

const guest = async () => (await server.client.getOne('attendees', { id: guestId })).data;
const gridReady = () => expect.poll(() => page.locator('[data-testid="glide-cell-1-0"]').textContent()).toMatch(/\S/);
/** A cell's text by its column's header, wherever the grid has scrolled to (the accessibility
 * table holds only the columns drawn, each with its aria-colindex). */
async function cellText(header: string, row: number) {
  await selectCell(page, header, row);
  const col = await page
    .getByRole('columnheader', { name: header, exact: true, includeHidden: true })
    .getAttribute('aria-colindex');
  return (await page.locator(`tr[aria-rowindex="${row + 2}"] td[aria-colindex="${col}"]`).innerText()).trim();
}
/** 张三 changes the guest, naming only what he changes. */
const zhangsanSets = async (data: Record<string, unknown>) => {
  const res = await zhangsan.api(`/attendees/${guestId}`, { method: 'PATCH', body: JSON.stringify(data) });
  expect(res.status).toBe(200);
};

beforeAll(async () => {
  server = await startAppServer();
  await server.client.create('users', {
    data: { username: 'zhangsan', displayName: '张三', role: 'organiser', password: 'zhangsan-pass' },
  });
  zhangsan = await server.login('zhangsan', 'zhangsan-pass');
  const { data: summit } = await server.client.create('summits', {
    data: { name: '冲突测试论坛', kind: 'forum', startsOn: '2027-04-01', endsOn: '2027-04-02', status: 'planning' },
  });
  summitId = summit.id as number;
  const { data } = await server.client.create('attendees', {
    data: { summitId, name: '周敏', role: 'expert', invitation: 'invited', hotel: '原定宾馆' },
  });
  guestId = data.id as number;
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(15_000);
  await logIn(page, server.url, 'admin', ADMIN_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('two staff editing one guest’s cell', () => {
  it('shows who changed the cell meanwhile (by name), theirs and mine; keeping mine saves it on a new version', async () => {
    await page.goto(guestListUrl(server.url, summitId));
    await gridReady();
    const seen = await guest();
    await zhangsanSets({ hotel: '张三订的宾馆' });
    await editCell(page, '酒店', 0, '我订的宾馆');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // who and when, under their value
    expect(await dialog.getByText(/^张三 · /).count()).toBe(1);
    expect(await dialog.getByText('zhangsan').count()).toBe(0);
    expect(await dialog.getByText('张三订的宾馆').count()).toBe(1);
    expect(await dialog.getByText('我订的宾馆').count()).toBe(1);
    await shot(page, 'grid-conflict');
    await dialog.getByRole('button', { name: '用我的覆盖' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await guest()).hotel).toBe('我订的宾馆');
    expect((await guest()).version).toBe(seen.version + 2);
    await expect.poll(() => cellText('酒店', 0)).toBe('我订的宾馆');
    await shot(page, 'grid-conflict-kept-mine');
  });

  it('taking theirs shows their value and writes nothing', async () => {
    await zhangsanSets({ hotel: '张三又改的宾馆' });
    const theirs = await guest();
    await editCell(page, '酒店', 0, '我又改的宾馆');
    const dialog = page.getByRole('dialog');
    await dialog.getByText('张三又改的宾馆').waitFor();
    await dialog.getByRole('button', { name: '保留对方的' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => cellText('酒店', 0)).toBe('张三又改的宾馆');
    expect(await guest()).toEqual(theirs);
    await shot(page, 'grid-conflict-took-theirs');
  });

  it('a change to another field meanwhile is merged without a question', async () => {
    const before = await guest();
    await zhangsanSets({ pickupBy: '小周' });
    await editCell(page, '酒店', 0, '青岚宾馆');
    await expect.poll(async () => (await guest()).hotel).toBe('青岚宾馆');
    expect(await guest()).toMatchObject({ hotel: '青岚宾馆', pickupBy: '小周', version: before.version + 2 });
    await expect.poll(() => cellText('接站人员', 0)).toBe('小周');
    expect(await cellText('酒店', 0)).toBe('青岚宾馆');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('the audit trail holds each write, with its own user', async () => {
    const { data } = await server.client.getList('audit', {
      filter: { resource: 'attendees', recordId: String(guestId) },
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 50 },
    });
    const updates = data
      .filter((entry) => entry.action === 'update')
      .map(({ username, version, after }) => ({ username, version, after }));
    const first = updates[0].version as number;
    expect(updates).toEqual([
      { username: 'zhangsan', version: first, after: { hotel: '张三订的宾馆' } },
      { username: 'admin', version: first + 1, after: { hotel: '我订的宾馆' } },
      { username: 'zhangsan', version: first + 2, after: { hotel: '张三又改的宾馆' } },
      { username: 'zhangsan', version: first + 3, after: { pickupBy: '小周' } },
      { username: 'admin', version: first + 4, after: { hotel: '青岚宾馆' } },
    ]);
  });
});
