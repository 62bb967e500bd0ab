import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, shot as screenshot, startAppServer } from '../helpers/app';
import { launchChromium } from '../helpers/browser';
import { openDetails, rowsWith } from '../helpers/grid';
import { ADMIN_PASSWORD, type TestServer } from '../helpers/server';

// The built app on the real server over the demo data, driven in Debian's Chromium.
let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const shot = (name: string) => screenshot(page, name);

describe('the app, end to end', () => {
  it('opens on the dashboard with the demo data, in the browser’s language', async () => {
    await logIn(page, server.url, 'admin', ADMIN_PASSWORD);
    await expect.poll(() => page.getByText('Upcoming summits').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('menuitem', { name: 'Attendees' }).isVisible()).toBe(true);
    await shot('dashboard-en');
  });

  it('lists summits, opens one, adds a guest through the form and finds them in the attendee list', async () => {
    await page.getByRole('menuitem', { name: 'Summits' }).click();
    await page.getByRole('columnheader', { name: 'Starts on', includeHidden: true }).waitFor({ state: 'attached' });
    await openDetails(page, '智能制造', 'Name', /^Details$/);
    await page.getByRole('tab', { name: 'Guests' }).click();
    await page.getByRole('link', { name: 'Add guest' }).click();

    const name = page.getByRole('textbox', { name: /^Name( \*)?$/ });
    await name.fill('欧阳明远');
    await page.getByRole('textbox', { name: /^Phone/ }).fill('not a number');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    // bad input: a clear message on the field, and nothing saved
    await expect.poll(() => page.getByText('Not a phone number, e.g. 13812345678').count()).toBeGreaterThan(0);
    await shot('attendee-form-invalid');
    await page.getByRole('textbox', { name: /^Phone/ }).fill('13905150123');
    await page.getByRole('textbox', { name: /^Hotel/ }).fill('兴化宾馆');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    // back to the summit's guests, where the form was opened
    await expect.poll(() => page.url()).toMatch(/#\/summits\/\d+\/show\/attendees-summitId$/);
    await expect.poll(() => page.getByRole('tab', { name: 'Guests', selected: true }).count()).toBe(1);

    await page.getByRole('menuitem', { name: 'Attendees' }).click();
    await page.getByPlaceholder('Search').fill('欧阳明远');
    const found = rowsWith(page, '欧阳明远');
    await expect.poll(() => found.count()).toBe(1);
    expect(await found.innerText()).toContain('13905150123');
    await shot('attendees-found');

    const { data } = await server.client.getList('attendees', {
      filter: { q: '欧阳明远' },
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 5 },
    });
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ phone: '13905150123', hotel: '兴化宾馆' });
  });

  it('edits a guest from a browser in another time zone without shifting their arrival', async () => {
    const { data } = await server.client.getList('attendees', {
      filter: { arrivalAt_gte: '2026-12-01' },
      sort: { field: 'arrivalAt', order: 'ASC' },
      pagination: { page: 1, perPage: 1 },
    });
    const guest = data[0];
    const beijing = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'short',
      timeStyle: 'short',
    })
      .format(new Date(guest.arrivalAt))
      .replace(' ', 'T');
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin' });
    const berlin = await context.newPage();
    await logIn(berlin, server.url, 'admin', ADMIN_PASSWORD);
    await berlin.goto(`${server.url}/#/attendees/${guest.id}`);
    const arrival = berlin.getByLabel('Arrives at');
    await expect.poll(() => arrival.inputValue()).toBe(beijing); // Beijing wall-clock time
    await berlin.getByRole('textbox', { name: /^Hotel/ }).fill('青岚国际酒店');
    await berlin.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => berlin.url()).toMatch(/\/show$/);
    await context.close();
    const { data: saved } = await server.client.getOne('attendees', { id: guest.id });
    expect(saved.hotel).toBe('青岚国际酒店');
    expect(saved.arrivalAt).toBe(guest.arrivalAt);
  });

  it('switches to Chinese: menus, columns and enum labels', async () => {
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('menuitem', { name: '中文' }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: '参会人员' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('columnheader', { name: '姓名', includeHidden: true }).count()).toBe(1);
    await expect.poll(() => page.getByText('会议活动').count()).toBeGreaterThan(0);
    await page.goto(`${server.url}/#/attendees?filter=${encodeURIComponent('{}')}`);
    await expect.poll(() => page.getByRole('row', { includeHidden: true }).count()).toBeGreaterThan(10);
    await shot('attendees-zh');
    await page.getByRole('menuitem', { name: '峰会论坛' }).click();
    await page.getByRole('columnheader', { name: /^开始日期/, includeHidden: true }).waitFor({ state: 'attached' });
    await openDetails(page, '智能制造', '名称', /^详情$/);
    await page.getByRole('tab', { name: '嘉宾名单' }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: '邀请状态', includeHidden: true }).count()).toBe(1);
    await expect
      .poll(() => page.getByRole('gridcell', { name: '已确认', includeHidden: true }).count())
      .toBeGreaterThan(0);
    await shot('summit-guests-zh');
    await page.getByRole('menuitem', { name: '仪表盘' }).click();
    await expect.poll(() => page.getByText('即将举行的峰会').count()).toBeGreaterThan(0);
    await shot('dashboard-zh');
  });
});
