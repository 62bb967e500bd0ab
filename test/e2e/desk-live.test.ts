import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoggedIn, shot, startAppServer } from '../helpers/app';
import { newSummit, type TestServer } from '../helpers/server';

// Two doors of one hall: a check-in at one shows at the other at once, through the server's
// change stream (GET /api/attendees/changes), not at the desk's 20-second reload.
let server: TestServer;
let browser: Browser;
let page: Page;
let summitId: number;
let guestId: number;

beforeAll(async () => {
  server = await startAppServer();
  summitId = await newSummit(server.client, '双门签到测试论坛', '2026-12-22');
  const { data } = await server.client.create('attendees', {
    data: { summitId, name: '孙一', invitation: 'confirmed', role: 'expert' },
  });
  guestId = data.id as number;
  await server.client.create('attendees', {
    data: { summitId, name: '孙二', invitation: 'confirmed', role: 'expert' },
  });
  ({ browser, page } = await openLoggedIn(server, { viewport: { width: 1024, height: 768 } }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the check-in desk at one door', () => {
  it('shows a check-in made at another door within a few seconds, well before its 20-second reload', async () => {
    const stream = page.waitForResponse((r) => r.url().includes('/api/attendees/changes'));
    await page.goto(`${server.url}/#/summits/${summitId}/checkin`);
    const count = page.getByTestId('checkin-count');
    await count.filter({ hasText: '已签到 0 / 应到 2' }).waitFor();
    expect((await stream).status()).toBe(200);
    const answer = await server.api(`/attendees/${guestId}`, {
      method: 'PATCH',
      body: JSON.stringify({ invitation: 'checkedIn' }),
    });
    expect(answer.status).toBe(200);
    const heard = Date.now();
    await count.filter({ hasText: '已签到 1 / 应到 2' }).waitFor({ timeout: 10_000 });
    // the desk's own reload comes every 20 seconds: this was the stream
    expect(Date.now() - heard).toBeLessThan(10_000);
    await shot(page, 'desk-live-other-door');
  });
});
