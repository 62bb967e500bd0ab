import ExcelJS from 'exceljs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, shot, startAppServer } from '../helpers/app';
import { launchChromium } from '../helpers/browser';
import { cellText, guestListUrl, rowsWith } from '../helpers/grid';
import { ADMIN_PASSWORD, rowsOf, tempDir, type TestServer } from '../helpers/server';

// The built app under the server's Content-Security-Policy: everything a user does on a normal
// day works, and the browser refuses nothing of it.
let server: TestServer;
let browser: Browser;
let page: Page;
/** what the browser refused, as it said it (console) and as the page heard it (events) */
const refused: string[] = [];

const violations = () => page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page.setDefaultTimeout(15_000);
  // the worker's messages come here too
  page.on('console', (message) => {
    if (/Refused to|Content.Security.Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the app under its Content-Security-Policy', () => {
  it(
    'logs in, lists guests, reads a file to import and exports, with nothing refused',
    { timeout: 90_000 },
    async () => {
      const response = await page.goto(server.url);
      expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
      await logIn(page, server.url, 'admin', ADMIN_PASSWORD);

      // a summit's guests in the grid (MUI's and emotion's inline styles, the canvas)
      const [summit] = await rowsOf(server.client, 'summits', {}, 1);
      const [guest] = await rowsOf(server.client, 'attendees', { summitId: summit.id }, 1);
      await page.goto(guestListUrl(server.url, summit.id as number));
      await expect.poll(() => rowsWith(page, String(guest.name)).count()).toBeGreaterThan(0);
      expect(await cellText(page, '姓名', 0)).not.toBe('');

      // a file read for import: the worker, exceljs and fflate in it
      const file = path.join(tempDir(), '嘉宾名单.xlsx');
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('名单');
      sheet.addRow(['姓名', '手机号码', '工作单位']);
      sheet.addRow(['策略测试嘉宾', '13811115555', '青岚恒力智能装备有限公司']);
      await workbook.xlsx.writeFile(file);
      await page.getByRole('button', { name: '导入', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('input[type=file]').setInputFiles(file);
      await dialog.getByRole('table', { name: '文件中的列' }).waitFor();
      expect(await dialog.innerText()).toContain('嘉宾名单.xlsx');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      // an export: the server's stream, counted in the tab as it arrives, saved from a blob
      await page.getByRole('button', { name: '导出' }).click();
      const download = page.waitForEvent('download');
      await page.getByRole('menuitem', { name: /^Excel/ }).click();
      expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

      await shot(page, 'csp-guest-list');
      expect(refused).toEqual([]);
      expect(await violations()).toEqual([]);
    },
  );

  it('opens every other kind of page with nothing refused: charts, calendar, board, check-in, printouts', async () => {
    const [summit] = await rowsOf(server.client, 'summits', {}, 1);
    const [agreement] = await rowsOf(server.client, 'agreements', {}, 1);
    const pages: [string, RegExp][] = [
      ['#/', /仪表盘/],
      ['#/calendar', /活动日历/],
      ['#/agreements-board', /项目看板/],
      [`#/agreements/${agreement.id}/show`, new RegExp(String(agreement.title).slice(0, 6))],
      [`#/summits/${summit.id}/show`, new RegExp(String(summit.name).slice(0, 6))],
      [`#/summits/${summit.id}/checkin`, /签到/],
      [`#/summits/${summit.id}/print/badges`, new RegExp(String(summit.name).slice(0, 6))],
      [`#/summits/${summit.id}/print/pickups`, /接站/],
    ];
    for (const [hash, shown] of pages) {
      await page.goto(`${server.url}/${hash}`);
      await expect.poll(() => page.getByText(shown).count(), { message: hash }).toBeGreaterThan(0);
      await page.waitForTimeout(500);
      expect(refused, hash).toEqual([]);
      expect(await violations(), hash).toEqual([]);
      if (hash === '#/') await shot(page, 'csp-dashboard');
    }
    await shot(page, 'csp-pickup-sheet');
  });

  it('is in force: an inline script is refused, and the test hears it', async () => {
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
    });
    await expect.poll(violations).toEqual([expect.stringMatching(/^script-src-elem inline/)]);
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    await expect.poll(() => refused.length).toBe(1);
  });
});
