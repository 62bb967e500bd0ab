import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openLoggedIn, shot, startAppServer } from '../helpers/app';
import { newSummit, type TestServer } from '../helpers/server';

// The day's screens read in English too: a session's tabs name its lists in the plural (their
// English names hold both forms), the report's columns, the wall's count.
let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startAppServer();
  ({ browser, page } = await openLoggedIn(server));
  await page.getByRole('button', { name: /中文/ }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('a session’s page and the check-in wall, in English', async () => {
  const summitId = await newSummit(server.client, 'Qinglan Ceramics Forum', '2027-04-16');
  for (const name of ['Zou Mingyuan', 'Han Xue'])
    await server.client.create('attendees', { data: { summitId, name, role: 'expert', invitation: 'confirmed' } });
  const { data: session } = await server.client.create('lectures', {
    data: { title: 'Keynote', kind: 'keynote', summitId, startsAt: '2027-04-16 09:00' },
  });
  await page.goto(`${server.url}/#/lectures/${session.id}/show/attendance`);
  await page.getByTestId('attendance').waitFor();
  expect(await page.getByRole('tab').allTextContents()).toEqual([
    'Details',
    'Session check-ins',
    'Leaves',
    'Attendance',
    'History',
  ]);
  await expect.poll(() => page.getByTestId('attendance').textContent()).toContain('Absent');
  await shot(page, 'en-attendance');
  await page.goto(`${server.url}/#/summits/${summitId}/wall`);
  await expect.poll(() => page.getByTestId('wall-count').textContent()).toBe('0 of 2 arrived');
  await shot(page, 'en-wall');
});
