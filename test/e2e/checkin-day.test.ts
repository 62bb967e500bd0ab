import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, shot } from '../helpers/app';
import { launchChromium, screenshotDir } from '../helpers/browser';
import { ADMIN_PASSWORD, newSummit, startTestServer, tempDir, type TestServer } from '../helpers/server';

// The day itself: a barcode scanner at the desk (it types the badge's code and Enter, with no
// pause between keys), a photo of a badge where the camera cannot be opened, and the check-in
// wall on the hall's screen, in a browser of its own, through a restart of the server.
let server: TestServer;
let browser: Browser;
let desk: Page;
let hall: BrowserContext;
let wall: Page;
let summitId: number;
const dir = tempDir();

const start = (port = 0) => {
  fs.copyFileSync(path.resolve('db/seed.json'), path.join(dir, 'seed.json'));
  return startTestServer({ dir, port, staticDir: path.resolve('dist'), outbox: false });
};
const guestNamed = async (name: string) =>
  (
    await server.client.getList('attendees', {
      filter: { summitId, q: name },
      pagination: { page: 1, perPage: 5 },
      sort: { field: 'id', order: 'ASC' },
    })
  ).data.find((g) => g.name === name)!;

/** a check-in as another desk makes it: the guest's invitation moved, its time stamped */
async function checkInAtAnotherDesk(id: unknown) {
  const res = await server.api(`/attendees/${id}`, {
    method: 'PATCH',
    body: JSON.stringify({ invitation: 'checkedIn' }),
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  server = await start();
  summitId = await newSummit(server.client, '青岚先进陶瓷论坛（签到演练）', '2027-04-16');
  for (const name of ['邹明远', '韩雪', '钟建国', '潘立新'])
    await server.client.create('attendees', { data: { summitId, name, role: 'expert', invitation: 'confirmed' } });
  const made = await server.api(`/summits/${summitId}/checkin-codes`, { method: 'POST', body: '{}' });
  expect((await made.json()).made).toBe(4);
  browser = await launchChromium();
  desk = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  desk.setDefaultTimeout(15_000);
  await logIn(desk, server.url, 'admin', ADMIN_PASSWORD);
  hall = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1600, height: 900 } });
  wall = await hall.newPage();
  wall.setDefaultTimeout(15_000);
  await logIn(wall, server.url, 'admin', ADMIN_PASSWORD);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('scanning at the desk', () => {
  it('a scanned code, typed as keys with no pause and Enter, checks its guest in at once', async () => {
    const guest = await guestNamed('邹明远');
    await desk.goto(`${server.url}/#/summits/${summitId}/checkin`);
    await desk.getByTestId('checkin-count').waitFor();
    await desk.locator('#checkin-search').click();
    await desk.keyboard.type(`HUIWU:${guest.checkInCode}`, { delay: 0 });
    await desk.keyboard.press('Enter');
    await desk.getByText('邹明远 签到成功').waitFor();
    await expect.poll(async () => (await guestNamed('邹明远')).invitation).toBe('checkedIn');
    // scanned again: told so, not undone
    await desk.keyboard.type(String(guest.checkInCode).toLowerCase(), { delay: 0 });
    await desk.keyboard.press('Enter');
    await desk.getByText(/邹明远 已于 \d\d:\d\d 签到/).waitFor();
    expect((await guestNamed('邹明远')).invitation).toBe('checkedIn');
    await shot(desk, 'checkin-scanned');
  });

  it('a photo of a badge’s QR code, where the camera cannot be opened, decodes and checks in', async () => {
    const guest = await guestNamed('韩雪');
    const photo = path.join(screenshotDir, 'badge-qr-photo.png');
    // the code as a badge prints it, small in a larger, grey picture, as a phone would take it
    await QRCode.toFile(photo, `HUIWU:${guest.checkInCode}`, { width: 360, margin: 12, color: { light: '#e8e8e8' } });
    await desk.getByTestId('checkin-photo').setInputFiles(photo);
    await desk.getByText('韩雪 签到成功').waitFor();
    await expect.poll(async () => (await guestNamed('韩雪')).invitation).toBe('checkedIn');
  });
});

describe('the check-in wall', () => {
  it('shows a new arrival within 2 seconds, in a browser of its own', async () => {
    await wall.goto(`${server.url}/#/summits/${summitId}/wall`);
    await expect.poll(() => wall.getByTestId('wall-count').textContent()).toBe('签到 2 / 应到 4');
    const guest = await guestNamed('钟建国');
    const checked = Date.now();
    await checkInAtAnotherDesk(guest.id);
    await expect
      .poll(() => wall.getByTestId('wall-recent').textContent(), { timeout: 2000, interval: 100 })
      .toContain('钟建国');
    expect(Date.now() - checked).toBeLessThan(2000);
    expect(await wall.getByTestId('wall-count').textContent()).toBe('签到 3 / 应到 4');
    // the newest first
    await expect.poll(() => wall.getByTestId('wall-recent').locator('li').first().textContent()).toContain('钟建国');
    await shot(wall, 'checkin-wall');
  });

  it('goes on by itself after the server restarts (a session would not: the wall has its own key)', async () => {
    const { port } = server;
    await server.close();
    await expect.poll(() => wall.getByTestId('wall-offline').count(), { timeout: 10_000 }).toBe(1);
    server = await start(port);
    const guest = await guestNamed('潘立新');
    await checkInAtAnotherDesk(guest.id);
    await expect.poll(() => wall.getByTestId('wall-recent').textContent(), { timeout: 10_000 }).toContain('潘立新');
    expect(await wall.getByTestId('wall-count').textContent()).toBe('签到 4 / 应到 4');
    expect(await wall.getByTestId('wall-offline').count()).toBe(0);
  });
});

describe('a session’s desk and its attendance', () => {
  it('the desk set to a session checks a scanned guest in there; the session’s page reports it', async () => {
    const now = Date.now();
    const startsAt = new Date(now + 5 * 60_000).toISOString();
    const { data: session } = await server.client.create('lectures', {
      data: { title: '主旨报告：先进陶瓷的下一个十年', kind: 'keynote', summitId, startsAt, venue: '一号厅' },
    });
    const guest = await guestNamed('韩雪');
    // the server restarted above: its sessions went with it
    await logIn(desk, server.url, 'admin', ADMIN_PASSWORD);
    await desk.goto(`${server.url}/#/summits/${summitId}/checkin`);
    await desk.locator('#checkin-search').waitFor();
    await desk.getByRole('combobox', { name: '签到场次' }).click();
    await desk.getByRole('option', { name: '主旨报告：先进陶瓷的下一个十年' }).click();
    await desk.getByLabel(/签到台名称/).fill('2号台');
    await desk.locator('#checkin-search').click();
    await desk.keyboard.type(`HUIWU:${guest.checkInCode}`, { delay: 0 });
    await desk.keyboard.press('Enter');
    await desk.getByText('韩雪 场次签到成功').waitFor();
    await expect
      .poll(() => desk.getByTestId('checkin-count').textContent())
      .toMatch(/^场次签到 1 \/ 应到 \d+（迟到 0）$/);
    // the same badge at the same session again: told when and where
    await desk.keyboard.type(`HUIWU:${guest.checkInCode}`, { delay: 0 });
    await desk.keyboard.press('Enter');
    await desk.getByText(/韩雪 已于 \d\d:\d\d 在2号台签到/).waitFor();
    // an excused guest's 代会人, found by the guest's name
    const absentee = await guestNamed('邹明远');
    await server.client.create('leaves', {
      data: {
        lectureId: session.id,
        attendeeId: absentee.id,
        reason: '外出开会',
        substituteName: '邹小红',
        substituteOrg: '青岚大学',
      },
    });
    await desk.reload();
    await desk.locator('#checkin-search').fill('邹明远');
    await desk.getByRole('button', { name: '代会人 邹小红 签到' }).click();
    await desk.getByText('邹明远 场次签到成功').waitFor();
    await desk.goto(`${server.url}/#/lectures/${session.id}/show/attendance`);
    await desk.getByTestId('attendance').waitFor();
    await expect.poll(() => desk.getByTestId('attendance').textContent()).toContain('韩雪');
    await expect.poll(() => desk.getByTestId('attendance').textContent()).toContain('邹小红');
    await shot(desk, 'session-attendance');
    // printed: the report alone, with its title, no menu
    await desk.emulateMedia({ media: 'print' });
    expect(await desk.getByRole('menuitem', { name: '仪表盘' }).isVisible()).toBe(false);
    expect(await desk.getByText('主旨报告：先进陶瓷的下一个十年 出席情况统计表').isVisible()).toBe(true);
    await shot(desk, 'session-attendance-print');
    await desk.emulateMedia({ media: 'screen' });
  });
});
