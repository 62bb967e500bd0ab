import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoggedIn, shot, startAppServer } from '../helpers/app';
import { newSummit, type TestServer } from '../helpers/server';

// A new user's walk: at the check-in desk, 签到 on an invited guest then 撤销 left them
// 已确认 (the audit trail read invited → checkedIn → confirmed), so every mistaken tap added
// one to the summit's confirmed count. An undo puts back what the guest was before the tap.
let server: TestServer;
let browser: Browser;
let page: Page;
let summitId: number;
const ids: Record<string, number> = {};

const guest = async (id: number) => (await server.client.getOne('attendees', { id })).data;
const moves = async (id: number) => {
  const { data } = await server.client.getList('audit', {
    filter: { resource: 'attendees', recordId: String(id) },
    sort: { field: 'id', order: 'ASC' },
    pagination: { page: 1, perPage: 50 },
  });
  return data
    .filter((entry) => entry.after && 'invitation' in entry.after)
    .map((entry) => `${entry.before?.invitation ?? '∅'}→${entry.after.invitation}`);
};
/** another desk, online, checks the guest in */
const checkInElsewhere = async (id: number) => {
  const answer = await server.api(`/attendees/${id}`, {
    method: 'PATCH',
    body: JSON.stringify({ invitation: 'checkedIn' }),
  });
  expect(answer.status).toBe(200);
};
const counts = async () => {
  const { data } = await server.client.getList('attendees', {
    filter: { summitId },
    sort: { field: 'id', order: 'ASC' },
    pagination: { page: 1, perPage: 100 },
  });
  const of = (status: string) => data.filter((row) => row.invitation === status).length;
  return { invited: of('invited'), confirmed: of('confirmed'), checkedIn: of('checkedIn') };
};

beforeAll(async () => {
  server = await startAppServer();
  summitId = await newSummit(server.client, '撤销签到测试论坛', '2026-12-21');
  for (const [name, invitation] of [
    ['钱一', 'invited'],
    ['钱二', 'invited'],
    ['钱三', 'invited'],
    ['钱四', 'confirmed'],
  ]) {
    const { data } = await server.client.create('attendees', { data: { summitId, name, invitation, role: 'expert' } });
    ids[name] = data.id as number;
  }
  ({ browser, page } = await openLoggedIn(server, { viewport: { width: 1024, height: 768 } }));
  await page.goto(`${server.url}/#/summits/${summitId}/checkin`);
  await page.getByTestId('checkin-count').filter({ hasText: '已签到 0 / 应到 4' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const search = () => page.getByRole('textbox', { name: /拼音首字母/ });
const card = (name: string) => page.getByRole('listitem').filter({ hasText: name });
const count = () => page.getByTestId('checkin-count').innerText();
const pending = () => page.getByTestId('checkin-pending').count();

describe('undoing a check-in at the desk', () => {
  it('puts an invited guest back to invited, once the tap has reached the server', async () => {
    await search().fill('钱一');
    await card('钱一').getByRole('button', { name: '签到' }).click();
    await expect.poll(async () => (await guest(ids['钱一'])).invitation).toBe('checkedIn');
    await expect.poll(pending).toBe(0);
    // the desk reads its guests again (as it does when any desk changes one, or on a reload):
    // what it knows now is the server's 已签到
    await page.reload();
    await search().fill('钱一');
    await expect.poll(count).toBe('已签到 1 / 应到 4');
    await card('钱一').getByRole('button', { name: '撤销' }).click();
    await expect.poll(async () => (await guest(ids['钱一'])).invitation).toBe('invited');
    await expect.poll(() => card('钱一').innerText()).toContain('已邀请');
    await shot(page, 'checkin-undo-invited');
    expect(await moves(ids['钱一'])).toEqual(['∅→invited', 'invited→checkedIn', 'checkedIn→invited']);
    expect((await guest(ids['钱一'])).checkedInAt ?? null).toBeNull();
    expect(await counts()).toEqual({ invited: 3, confirmed: 1, checkedIn: 0 });
    await expect.poll(count).toBe('已签到 0 / 应到 4');
  });

  it('a confirmed guest goes back to confirmed', async () => {
    await search().fill('钱四');
    await card('钱四').getByRole('button', { name: '签到' }).click();
    await expect.poll(async () => (await guest(ids['钱四'])).invitation).toBe('checkedIn');
    await expect.poll(pending).toBe(0);
    await card('钱四').getByRole('button', { name: '撤销' }).click();
    await expect.poll(async () => (await guest(ids['钱四'])).invitation).toBe('confirmed');
    expect(await moves(ids['钱四'])).toEqual(['∅→confirmed', 'confirmed→checkedIn', 'checkedIn→confirmed']);
  });

  it('the tap and its undo queued offline: sent in order, the guest ends invited', async () => {
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await search().fill('钱二');
    await card('钱二').getByRole('button', { name: '签到' }).click();
    await expect.poll(count).toBe('已签到 1 / 应到 4');
    await card('钱二').getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => page.getByTestId('checkin-pending').innerText()).toContain('2 次签到已保存在本机');
    await expect.poll(() => card('钱二').innerText()).toContain('已邀请');
    await page.unroute('**/api/**');
    await expect.poll(pending).toBe(0);
    await expect.poll(async () => (await guest(ids['钱二'])).invitation).toBe('invited');
    expect(await moves(ids['钱二'])).toEqual(['∅→invited', 'invited→checkedIn', 'checkedIn→invited']);
    expect(await counts()).toEqual({ invited: 3, confirmed: 1, checkedIn: 0 });
  });

  it('another desk checked the guest in meanwhile: the undo of a tap that changed nothing leaves their check-in', async () => {
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await search().fill('钱三');
    await card('钱三').getByRole('button', { name: '签到' }).click();
    await card('钱三').getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => page.getByTestId('checkin-pending').innerText()).toContain('2 次签到已保存在本机');
    // the other door, online, checks 钱三 in for real
    await checkInElsewhere(ids['钱三']);
    const theirs = (await guest(ids['钱三'])).checkedInAt;
    await page.unroute('**/api/**');
    await expect.poll(pending).toBe(0);
    await expect.poll(() => page.getByText('钱三：已在其他签到台签到，未撤销').count()).toBe(1);
    await shot(page, 'checkin-undo-other-desk');
    expect((await guest(ids['钱三'])).invitation).toBe('checkedIn');
    expect((await guest(ids['钱三'])).checkedInAt).toBe(theirs);
    expect(await moves(ids['钱三'])).toEqual(['∅→invited', 'invited→checkedIn']);
    await expect.poll(() => card('钱三').innerText()).toContain('已签到');
  });

  it('a check-in made elsewhere, undone here: back to what the desk saw before it', async () => {
    await search().fill('钱一');
    await expect.poll(() => card('钱一').innerText()).toContain('已邀请');
    await checkInElsewhere(ids['钱一']);
    // the desk reads its guests again (every 20 seconds, or on a reload): 已签到
    await page.reload();
    await search().fill('钱一');
    await expect.poll(() => card('钱一').innerText()).toContain('已签到');
    await card('钱一').getByRole('button', { name: '撤销' }).click();
    await expect.poll(async () => (await guest(ids['钱一'])).invitation).toBe('invited');
    expect(await counts()).toEqual({ invited: 2, confirmed: 1, checkedIn: 1 });
  });
});
