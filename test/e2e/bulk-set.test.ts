import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, openLoggedIn, shot, startAppServer } from '../helpers/app';
import { clickRowMarker, summitGuests } from '../helpers/grid';
import { ADMIN_PASSWORD, newSummit, type TestServer } from '../helpers/server';

// Setting one field on the ticked rows of a summit's guest tab: the field offered first moves no
// one (it was 峰会, which moves the guests to another summit), and a move is asked about first.
let server: TestServer;
let browser: Browser;
let page: Page;
let summitId: number;
let otherId: number;

const guests = (id = summitId) => summitGuests(server.client, id);
const dialog = () => page.getByRole('dialog');

/** The summit's guest tab, its rows drawn, with the first rows ticked, then bulk set opened. */
async function tickFirst(on: Page, rows = 3) {
  await on.goto(`${server.url}/#/summits/${summitId}/show/attendees-summitId`);
  await expect.poll(() => on.locator('[data-testid="glide-cell-1-0"]').textContent()).toMatch(/\S/);
  await clickRowMarker(on, 0);
  await clickRowMarker(on, rows - 1, 'Shift');
  await on.getByRole('button', { name: /批量设置|Set a field/ }).click();
}

beforeAll(async () => {
  server = await startAppServer();
  summitId = await newSummit(server.client, '批量设置论坛');
  otherId = await newSummit(server.client, '另一场论坛', '2027-06-10');
  for (let i = 1; i <= 5; i++)
    await server.client.create('attendees', {
      data: { summitId, name: `批量嘉宾${i}`, role: 'guest', invitation: 'invited' },
    });
  ({ browser, page } = await openLoggedIn(server));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('bulk set on a summit’s guest tab', () => {
  it('offers a field that moves no one first, and saves it on every ticked row (a PATCH each)', async () => {
    const before = await guests();
    await tickFirst(page);
    const field = dialog().getByLabel('字段');
    await expect.poll(() => field.innerText()).toBe('身份');
    await shot(page, 'bulk-set-default');
    // applied empty: the form says the field is required, and nothing is sent
    const sent: string[] = [];
    const count = (request: { method(): string; url(): string }) => {
      if (request.method() === 'PATCH') sent.push(request.url());
    };
    page.on('request', count);
    await dialog().getByRole('button', { name: '应用' }).click();
    await dialog().getByText('必填', { exact: true }).waitFor();
    await shot(page, 'bulk-set-empty-applied');
    page.off('request', count);
    expect(sent).toEqual([]);
    await shot(page, 'bulk-set-empty-applied');
    expect((await guests()).map((g) => g.version)).toEqual(before.map((g) => g.version));
    await dialog().getByLabel('身份').click();
    await page.getByRole('option', { name: '院士' }).click();
    await dialog().getByRole('button', { name: '应用' }).click();
    await expect
      .poll(async () => (await guests()).map((g) => g.role))
      .toEqual(['academician', 'academician', 'academician', 'guest', 'guest']);
    // each row written once, from the version it had: the server's rule for a write
    expect((await guests()).map((g) => g.version)).toEqual(before.map((g, i) => g.version + (i < 3 ? 1 : 0)));
  });

  it('setting the summit asks first, naming how many guests move and where; cancelled, nothing moves', async () => {
    await tickFirst(page);
    await dialog().getByLabel('字段').click();
    await page.getByRole('option', { name: '峰会' }).click();
    await dialog().getByLabel('峰会').fill('另一场');
    await page.getByRole('option', { name: '另一场论坛' }).click();
    await dialog().getByRole('button', { name: '应用' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '移到另一个峰会？' });
    await expect
      .poll(() => confirm.innerText())
      .toContain('选中的 3 行将从「批量设置论坛」移到「另一场论坛」，之后不再属于这里。');
    await shot(page, 'bulk-set-move-confirm');
    await confirm.getByRole('button', { name: '取消' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect((await guests()).length).toBe(5);
    expect(await guests(otherId)).toEqual([]);
  });

  it('confirmed, the guests move to the other summit', async () => {
    const moving = (await guests()).slice(0, 3).map((g) => g.name);
    await tickFirst(page);
    await dialog().getByLabel('字段').click();
    await page.getByRole('option', { name: '峰会' }).click();
    await dialog().getByLabel('峰会').fill('另一场');
    await page.getByRole('option', { name: '另一场论坛' }).click();
    await dialog().getByRole('button', { name: '应用' }).click();
    await page.getByRole('button', { name: '移动' }).click();
    await expect.poll(async () => (await guests(otherId)).map((g) => g.name)).toEqual(moving);
    expect((await guests()).length).toBe(2);
  });

  it('asks in English too', async () => {
    const english = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
    english.setDefaultTimeout(15_000);
    await logIn(english, server.url, 'admin', ADMIN_PASSWORD);
    await tickFirst(english, 2);
    const field = english.getByRole('dialog').getByLabel('Field');
    await expect.poll(() => field.innerText()).toBe('Role');
    await field.click();
    await english.getByRole('option', { name: 'Summit' }).click();
    await english.getByRole('dialog').getByLabel('Summit').fill('另一场');
    await english.getByRole('option', { name: '另一场论坛' }).click();
    await english.getByRole('dialog').getByRole('button', { name: 'Apply' }).click();
    const confirm = english.getByRole('dialog').filter({ hasText: 'Move to another Summit?' });
    await expect
      .poll(() => confirm.innerText())
      .toContain('The 2 selected rows will move from “批量设置论坛” to “另一场论坛” and no longer belong here.');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await english.close();
  });
});
