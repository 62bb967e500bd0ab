import ExcelJS from 'exceljs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchData } from '../bench/data';
import { openLoggedIn, shot } from '../helpers/app';
import { startTestServer, type TestServer } from '../helpers/server';

// A province's guest lists: 100,000 attendees exported from the grid, the server writing the
// file while the tab shows how far it is.
let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer({ seed: benchData(100_000), staticDir: path.resolve('dist') });
  ({ browser, page } = await openLoggedIn(server));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('exporting every attendee', () => {
  it('shows rows counted as they arrive, then saves an XLSX with all of them', { timeout: 180_000 }, async () => {
    await page.goto(`${server.url}/#/attendees`);
    await page.getByRole('button', { name: '导出' }).click();
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByRole('menuitem', { name: /^Excel/ }).click();
    const status = page.getByRole('status').filter({ hasText: /已取/ });
    // rows counted as the file arrives (the count follows the file, not a timer)
    await expect
      .poll(async () => Number(/已取 ([\d,]+)/.exec(await status.innerText())?.[1].replace(/,/g, '') ?? 0), {
        timeout: 60_000,
        interval: 50,
      })
      .toBeGreaterThan(0);
    const shown = (await status.innerText()).replace(/,/g, '');
    expect(shown).toMatch(/已取 \d+ \/ 100000 行/);
    await shot(page, 'export-progress');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^参会人员-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await file.path());
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(100_001);
    expect(sheet.getRow(1).getCell(2).value).toBe('姓名');
    // in the grid's order (by name): the grid's first and last rows are the file's
    const list = (range: string) => server.api(`/attendees?sort=["name","ASC"]&range=${range}`).then((r) => r.json());
    const [[first], [last]] = await Promise.all([list('[0,0]'), list('[99999,99999]')]);
    expect(sheet.getRow(2).values).toContain(first.phone);
    expect(sheet.getRow(100_001).values).toContain(last.phone);
    await expect.poll(() => status.count()).toBe(0);
  });
});
