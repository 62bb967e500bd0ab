import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoggedIn, shot, startAppServer } from '../helpers/app';
import { newSummit, rowsOf, type TestServer } from '../helpers/server';

// Issue 17, a new user's walk: a walk-in's organisation (单位) is linked, not kept in the note:
// one chosen from what the server finds, one named exactly so, or a new one, created with the
// guest in one write, once, however often the desk has to send it.
let server: TestServer;
let browser: Browser;
let page: Page;
let summitId: number;

beforeAll(async () => {
  server = await startAppServer();
  summitId = await newSummit(server.client, '现场登记测试论坛', '2026-12-20');
  await server.client.create('attendees', {
    data: { summitId, name: '周到', invitation: 'confirmed', role: 'expert' },
  });
  ({ browser, page } = await openLoggedIn(server, { viewport: { width: 1024, height: 768 } }));
  await page.goto(`${server.url}/#/summits/${summitId}/checkin`);
  await page.getByTestId('checkin-count').filter({ hasText: '已签到 0 / 应到 1' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const form = () => page.getByRole('region', { name: '现场登记' });
const organisation = () => form().getByRole('combobox', { name: '单位' });
const walkIn = async (name: string) =>
  (await rowsOf(server.client, 'attendees', { summitId, name })).map((row) => ({
    name: row.name,
    note: row.note,
    invitation: row.invitation,
    organizationId: row.organizationId,
  }));
const organisationsNamed = async (name: string) =>
  (await rowsOf(server.client, 'organizations', { q: name }, 500)).filter((row) => row.name === name);

async function register(name: string, typeOrganisation: () => Promise<void>) {
  await form().getByRole('textbox', { name: '姓名' }).fill(name);
  await typeOrganisation();
  await form().getByRole('button', { name: '登记并签到' }).click();
}

describe('a walk-in’s organisation', () => {
  it('chosen from what the server finds as it is typed', async () => {
    const [known] = await organisationsNamed('东临日报社');
    await register('陈来', async () => {
      await organisation().fill('日报');
      await page.getByRole('option', { name: '东临日报社' }).waitFor();
      await shot(page, 'walk-in-organisation-picker');
      await page.getByRole('option', { name: '东临日报社' }).click();
    });
    await expect
      .poll(() => walkIn('陈来'))
      .toEqual([{ name: '陈来', note: '现场登记', invitation: 'checkedIn', organizationId: known.id }]);
    // the desk shows it by its name
    await page.getByRole('textbox', { name: /拼音首字母/ }).fill('陈来');
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: '陈来' }).innerText()).toContain('东临日报社');
  });

  it('typed in full, not chosen: the organisation of that name', async () => {
    const before = (await organisationsNamed('东临日报社')).length;
    await register('陈往', () => organisation().fill('东临日报社'));
    const [known] = await organisationsNamed('东临日报社');
    await expect
      .poll(() => walkIn('陈往'))
      .toEqual([{ name: '陈往', note: '现场登记', invitation: 'checkedIn', organizationId: known.id }]);
    expect(await organisationsNamed('东临日报社')).toHaveLength(before);
  });

  it('new to Huiwu: offered as 新建单位“…”, created with the guest', async () => {
    await form().getByRole('textbox', { name: '姓名' }).fill('陈新');
    await organisation().fill('青岚晚报社');
    await page.getByRole('option', { name: '新建单位“青岚晚报社”' }).click();
    await shot(page, 'walk-in-new-organisation');
    await form().getByRole('button', { name: '登记并签到' }).click();
    await expect.poll(async () => (await organisationsNamed('青岚晚报社')).length).toBe(1);
    const [created] = await organisationsNamed('青岚晚报社');
    expect(created.kind).toBe('media'); // read from its name, as an import reads it
    await expect
      .poll(() => walkIn('陈新'))
      .toEqual([{ name: '陈新', note: '现场登记', invitation: 'checkedIn', organizationId: created.id }]);
  });

  it('one that cannot be linked (two of that name) keeps the guest out of nothing: it goes into the note', async () => {
    for (let i = 0; i < 2; i++)
      await server.client.create('organizations', { data: { name: '青岚同名研究所', kind: 'institute' } });
    await register('陈同', () => organisation().fill('青岚同名研究所'));
    await expect
      .poll(() => walkIn('陈同'))
      .toEqual([{ name: '陈同', note: '现场登记 · 青岚同名研究所', invitation: 'checkedIn', organizationId: null }]);
  });

  it('a name no organisation may have (a direction control in it) checks the guest in, kept cleaned in the note, no error', async () => {
    await register('陈控', () => organisation().fill('恶意\u202e单位名'));
    await expect
      .poll(() => walkIn('陈控'))
      .toEqual([{ name: '陈控', note: '现场登记 · 恶意 单位名', invitation: 'checkedIn', organizationId: null }]);
    // the clerk is told of nothing refused: the guest is in
    expect(await page.getByText('请修改以下字段').count()).toBe(0);
  });

  it('new, sent again after its answer was lost: one guest, one organisation', async () => {
    // the server writes it, the answer never reaches the desk; the desk sends it again
    let cut = false;
    await page.route('**/api/attendees/import', async (route) => {
      if (cut) return route.continue();
      cut = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await register('陈重', () => organisation().fill('青岚重发科技有限公司'));
    await expect.poll(() => page.getByTestId('checkin-pending').count(), { timeout: 20_000 }).toBe(0);
    await page.unroute('**/api/attendees/import');
    expect(cut).toBe(true);
    const created = await organisationsNamed('青岚重发科技有限公司');
    expect(created).toHaveLength(1);
    expect(await walkIn('陈重')).toEqual([
      { name: '陈重', note: '现场登记', invitation: 'checkedIn', organizationId: created[0].id },
    ]);
  });
});
