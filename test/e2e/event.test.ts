import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, shot, startAppServer } from '../helpers/app';
import { launchChromium } from '../helpers/browser';
import { ADMIN_PASSWORD, type TestServer } from '../helpers/server';

// The day of the summit: the check-in desk on a tablet, the network dropping meanwhile.
let server: TestServer;
let browser: Browser;
let page: Page;
let summitId: number;
const ids: Record<string, number> = {};

const guest = async (id: number) => (await server.client.getOne('attendees', { id })).data;

beforeAll(async () => {
  server = await startAppServer();
  const { data: summit } = await server.client.create('summits', {
    data: { name: '签到测试论坛', kind: 'forum', startsOn: '2026-12-05', endsOn: '2026-12-05', status: 'inviting' },
  });
  summitId = summit.id as number;
  for (const [name, invitation, phone] of [
    ['张伟', 'confirmed', '13900001111'],
    ['王芳', 'confirmed', '13800005678'],
    ['李娜', 'invited', null],
  ]) {
    const { data } = await server.client.create('attendees', {
      data: { summitId, name, invitation, phone, role: 'expert', organizationId: 1 },
    });
    ids[name as string] = data.id as number;
  }
  browser = await launchChromium();
  // a tablet, held landscape
  page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1180, height: 820 } });
  page.setDefaultTimeout(15_000);
  await logIn(page, server.url, 'admin', ADMIN_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the check-in desk', () => {
  const count = () => page.getByTestId('checkin-count').innerText();
  const search = () => page.getByRole('textbox', { name: '姓名、拼音首字母（如 zw）、手机尾号或单位' });

  it('finds a guest by pinyin initials and checks them in with one tap; the count follows', async () => {
    await page.goto(`${server.url}/#/summits/${summitId}/checkin`);
    await expect.poll(count).toBe('已签到 0 / 应到 2');
    await search().fill('zw');
    const card = page.getByRole('listitem').filter({ hasText: '张伟' });
    await card.getByRole('button', { name: '签到' }).click();
    await expect.poll(count).toBe('已签到 1 / 应到 2');
    await expect.poll(async () => (await guest(ids['张伟'])).invitation).toBe('checkedIn');
    expect((await guest(ids['张伟'])).checkedInAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await shot(page, 'checkin');
  });

  it('keeps a tap made while the server is unreachable, and delivers it once when it returns', async () => {
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await search().fill('5678'); // the phone's last four digits
    await page.getByRole('listitem').filter({ hasText: '王芳' }).getByRole('button', { name: '签到' }).click();
    await expect.poll(count).toBe('已签到 2 / 应到 2');
    await expect
      .poll(() => page.getByTestId('checkin-pending').innerText())
      .toContain('网络中断：1 次签到已保存在本机');
    await shot(page, 'checkin-offline');
    expect((await guest(ids['王芳'])).invitation).toBe('confirmed'); // not there yet

    await page.unroute('**/api/**');
    await expect.poll(async () => (await guest(ids['王芳'])).invitation).toBe('checkedIn');
    await expect.poll(() => page.getByTestId('checkin-pending').count()).toBe(0);
    const { data: trail } = await server.client.getList('audit', {
      filter: { resource: 'attendees', recordId: String(ids['王芳']) },
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 50 },
    });
    expect(trail.filter((entry) => entry.after?.invitation === 'checkedIn')).toHaveLength(1);
  });

  it('registers a walk-in in three fields, checked in at once', async () => {
    await search().fill('赵敏');
    await expect.poll(() => page.getByText('没有找到，可在下方登记现场来宾').count()).toBe(1);
    const form = page.getByRole('region', { name: '现场登记' });
    await form.getByLabel('单位').fill('青岚日报');
    await form.getByLabel('手机').fill('13700009999');
    await form.getByRole('button', { name: '登记并签到' }).click();
    await expect.poll(count).toBe('已签到 3 / 应到 3');
    const { data } = await server.client.getList('attendees', {
      filter: { summitId, name: '赵敏' },
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 5 },
    });
    await expect
      .poll(
        async () =>
          (
            await server.client.getList('attendees', {
              filter: { summitId, name: '赵敏' },
              sort: { field: 'id', order: 'ASC' },
              pagination: { page: 1, perPage: 5 },
            })
          ).data,
      )
      .toMatchObject([{ invitation: 'checkedIn', phone: '13700009999', note: '现场登记 · 青岚日报' }]);
    expect(data.length).toBeLessThanOrEqual(1);
  });
});
