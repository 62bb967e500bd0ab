import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoggedIn, startAppServer } from '../helpers/app';
import { newSummit, type TestServer } from '../helpers/server';

// Issue 17, a new user's walk: a tab's export is named after what it holds, and its sheet's
// name is short enough for Excel's 31 characters, never a summit's name cut mid-word.
let server: TestServer;
let browser: Browser;
let page: Page;
let summitId: number;
// 34 characters: longer than a sheet's name may be
const SUMMIT = '2027青岚智能制造与新材料产业高质量发展院士专家高峰论坛暨项目签约大会';

beforeAll(async () => {
  server = await startAppServer();
  summitId = await newSummit(server.client, SUMMIT);
  for (const [name, certificate] of [
    ['钱学文', true],
    ['孙立平', false],
  ] as const)
    await server.client.create('attendees', {
      data: { summitId, name, certificate, honour: certificate ? '荣誉市民' : undefined, invitation: 'confirmed' },
    });
  ({ browser, page } = await openLoggedIn(server, { acceptDownloads: true }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function workbookOf(download: Download) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  return workbook;
}

async function exportTab(tab: string, item: RegExp) {
  await page.goto(`${server.url}/#/summits/${summitId}/show/${tab}`);
  await page.getByRole('gridcell', { name: '钱学文', includeHidden: true }).first().waitFor({ state: 'attached' });
  await page.getByRole('button', { name: '导出' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item }).click();
  return download;
}

const day = '\\d{4}-\\d{2}-\\d{2}';

describe('a summit’s certificate tab exported', () => {
  it('is named after the tab and the summit, its sheet after the tab', async () => {
    const download = await exportTab('certificates', /^Excel/);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${SUMMIT}-荣誉证书-${day}\\.xlsx$`));
    const workbook = await workbookOf(download);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['荣誉证书']);
    // the summit's whole name stays in the file: its title
    expect(workbook.title).toMatch(new RegExp(`^${SUMMIT}-荣誉证书-${day}$`));
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(2).values).toContain('钱学文');
    expect(sheet.rowCount).toBe(2); // the header and the one guest with a certificate
  });

  it('the guest tab keeps 参会人员, in its file’s name and as its sheet’s', async () => {
    const download = await exportTab('attendees-summitId', /^Excel/);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${SUMMIT}-参会人员-${day}\\.xlsx$`));
    const workbook = await workbookOf(download);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['参会人员']);
  });

  it('the printable certificate list: its sheet named by what it is, the whole title in its title row', async () => {
    const download = await exportTab('attendees-summitId', /荣誉证书名单/);
    const workbook = await workbookOf(download);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['荣誉证书名单']);
    expect(workbook.worksheets[0].getCell('A1').value).toBe(`${SUMMIT} 荣誉证书名单`);
  });
});
