import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoggedIn, shot, startAppServer } from '../helpers/app';
import { type TestServer } from '../helpers/server';

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
  // a tablet, held landscape
  ({ browser, page } = await openLoggedIn(server, { viewport: { width: 1180, height: 820 } }));
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
    await expect.poll(count).toBe('已签到 0 / 应到 3'); // 李娜 is invited: she may still come
    await search().fill('zw');
    const card = page.getByRole('listitem').filter({ hasText: '张伟' });
    await card.getByRole('button', { name: '签到' }).click();
    await expect.poll(count).toBe('已签到 1 / 应到 3');
    await expect.poll(async () => (await guest(ids['张伟'])).invitation).toBe('checkedIn');
    expect((await guest(ids['张伟'])).checkedInAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await shot(page, 'checkin');
  });

  it('keeps a tap made while the server is unreachable, and delivers it once when it returns', async () => {
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await search().fill('5678'); // the phone's last four digits
    await page.getByRole('listitem').filter({ hasText: '王芳' }).getByRole('button', { name: '签到' }).click();
    await expect.poll(count).toBe('已签到 2 / 应到 3');
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

  it('registers a walk-in in three fields, checked in at once, linked to the organisation named', async () => {
    await search().fill('赵敏');
    await expect.poll(() => page.getByText('没有找到，可在下方登记现场来宾').count()).toBe(1);
    const form = page.getByRole('region', { name: '现场登记' });
    await form.getByLabel('单位').fill('青岚日报');
    await form.getByLabel('手机').fill('13700009999');
    await form.getByRole('button', { name: '登记并签到' }).click();
    await expect.poll(count).toBe('已签到 3 / 应到 4');
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
      .toMatchObject([{ invitation: 'checkedIn', phone: '13700009999', note: '现场登记' }]);
    expect(data.length).toBeLessThanOrEqual(1);
    // 青岚日报 was new: created with the guest, and linked
    const [walkIn] = (
      await server.client.getList('attendees', {
        filter: { summitId, name: '赵敏' },
        sort: { field: 'id', order: 'ASC' },
        pagination: { page: 1, perPage: 5 },
      })
    ).data;
    expect((await server.client.getOne('organizations', { id: walkIn.organizationId })).data.name).toBe('青岚日报');
  });
});

describe('arrivals, the calendar and print pages', () => {
  let arrivalsSummit: number;
  beforeAll(async () => {
    const { data } = await server.client.create('summits', {
      data: { name: '接站测试论坛', kind: 'summit', startsOn: '2026-12-05', endsOn: '2026-12-06', status: 'inviting' },
    });
    arrivalsSummit = data.id as number;
    const at = (time: string) => new Date(`2026-12-04T${time}:00+08:00`).toISOString();
    const arrivals: [string, string, string, string | null, string][] = [
      ['甲', '09:40', '青岚站', '小王', 'G7012'],
      ['乙', '10:10', '青岚机场', '小王', 'MU5101'],
      ['丙', '09:50', '青岚站', null, 'G7016'],
      ['丁', '11:30', '青岚站', '小李', 'G7020'],
      ['戊', '11:35', '青岚站', '小李', 'G7020'],
      ['己', '14:00', '青岚站', '小李', 'D3021'],
      ['庚', '15:00', '青岚站', '小李', 'D3025'],
      ['辛', '16:00', '青岚机场', '小李', 'CA1801'],
      ['壬', '17:00', '青岚站', '小李', 'G7030'],
    ];
    for (const [name, time, station, pickupBy, arrivalNumber] of arrivals)
      await server.client.create('attendees', {
        data: {
          summitId: arrivalsSummit,
          name: `${name}教授`,
          role: name === '甲' ? 'academician' : 'expert',
          invitation: 'confirmed',
          organizationId: 2,
          arrivalAt: at(time),
          arrivalMode: station.endsWith('机场') ? 'flight' : 'train',
          arrivalStation: station,
          arrivalNumber,
          pickupBy,
          pickupCar: pickupBy ? `苏M·${pickupBy === '小王' ? '12345' : '67890'}` : null,
        },
      });
    await server.client.create('lectures', {
      data: {
        title: '石墨烯前沿讲座',
        kind: 'lecture',
        summitId: arrivalsSummit,
        speaker: '甲教授',
        startsAt: '2026-12-05T10:00',
        venue: '主会场',
      },
    });
  });

  it('flags a guest nobody meets and a driver due at two stations at once', async () => {
    await page.goto(`${server.url}/#/summits/${arrivalsSummit}/show/arrivals`);
    await expect
      .poll(() => page.getByTestId('arrivals-unassigned').innerText())
      .toContain('1 位嘉宾尚未安排接站：丙教授');
    expect(await page.getByTestId('arrivals-conflict').innerText()).toBe(
      '小王 同一时间要在两处接站：甲教授 09:40 青岚站，乙教授 10:10 青岚机场',
    );
    await shot(page, 'arrivals');
    // assign 丙 to 小李, in place: the warning goes
    await page.getByLabel('丙教授 的接站人员').fill('小李');
    await page.getByLabel('丙教授 的接站人员').blur();
    await expect.poll(() => page.getByTestId('arrivals-unassigned').count()).toBe(0);
  });

  it('shows a lecture on its day in the calendar, and opens it', async () => {
    await page.goto(`${server.url}/#/calendar`);
    // it opens on this month, as the browser's clock has it: step to December 2026
    const [year, month] = await page.evaluate(() => [new Date().getFullYear(), new Date().getMonth()]);
    const steps = (2026 - year) * 12 + (11 - month);
    for (let i = 0; i < Math.abs(steps); i++)
      await page.locator(steps > 0 ? '.fc-next-button' : '.fc-prev-button').click();
    await expect.poll(() => page.locator('.fc-toolbar-title').innerText()).toMatch(/2026.*12|12.*2026|December 2026/);
    const day = page.locator('td[data-date="2026-12-05"]');
    await expect.poll(() => day.innerText()).toContain('石墨烯前沿讲座');
    expect(await page.locator('.fc').innerText()).toContain('接站测试论坛'); // spanning both its days
    await shot(page, 'calendar');
    await day.getByText('石墨烯前沿讲座').click();
    await expect.poll(() => page.url()).toMatch(/#\/lectures\/\d+\/show$/);
  });

  it('prints badges eight to a sheet, table cards and a driver’s pick-up sheet', async () => {
    await page.goto(`${server.url}/#/summits/${arrivalsSummit}/print/badges`);
    await expect.poll(() => page.getByTestId('badge').count()).toBe(9);
    expect(await page.locator('.sheet').count()).toBe(2);
    await shot(page, 'print-badges');
    await page.goto(
      `${server.url}/#/summits/${arrivalsSummit}/print/tablecards?ids=${await firstGuestId(arrivalsSummit)}`,
    );
    await expect.poll(() => page.getByTestId('table-card').count()).toBe(1);
    await shot(page, 'print-table-card');
    await page.goto(`${server.url}/#/summits/${arrivalsSummit}/print/pickups?driver=${encodeURIComponent('小王')}`);
    const sheet = page.getByRole('table', { name: '接站测试论坛 接站单 · 小王' });
    await expect.poll(() => sheet.locator('tbody tr').count()).toBe(2);
    expect(await page.getByText('接站车辆：苏M·12345').count()).toBe(1);
    await shot(page, 'print-pickups');
  });
});

async function firstGuestId(summit: number) {
  const { data } = await server.client.getList('attendees', {
    filter: { summitId: summit },
    sort: { field: 'id', order: 'ASC' },
    pagination: { page: 1, perPage: 1 },
  });
  return data[0].id;
}
