import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoggedIn, shot, startAppServer } from '../helpers/app';
import { newSummit, rowsOf, tempDir, type TestServer } from '../helpers/server';

// Issue 17, everyday use: the check-in desk on a tablet, and what is printed and exported.
let server: TestServer;
let browser: Browser;
let page: Page;
let summitId: number;
const SUMMIT = '桌面测试论坛';

beforeAll(async () => {
  server = await startAppServer();
  summitId = await newSummit(server.client, SUMMIT, '2026-12-20');
  // six invited, none replied yet; two of one family name, as a delegation arrives
  const pickup = { pickupBy: '小王', arrivalAt: '2026-12-19T01:30:00.000Z', arrivalStation: '青岚站' };
  for (const [name, phone] of [
    ['李明', '13900000001'],
    ['李明华', '13900000002'],
    ['王芳', '13900000003'],
    ['赵敏', '13900000004'],
    ['孙丽', '13900000005'],
    ['周杰', '13900000006'],
  ])
    await server.client.create('attendees', {
      data: {
        summitId,
        name,
        phone,
        invitation: 'invited',
        role: 'expert',
        organizationId: 1,
        ...(name === '王芳' ? pickup : {}),
      },
    });
  // a tablet, held landscape
  ({ browser, page } = await openLoggedIn(server, { viewport: { width: 1024, height: 768 }, acceptDownloads: true }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const guestIds = async () => (await rowsOf(server.client, 'attendees', { summitId })).map((g) => g.id);

describe('the check-in desk on a tablet, 1024 × 768', () => {
  const count = () => page.getByTestId('checkin-count').innerText();
  const search = () => page.getByRole('textbox', { name: '姓名、拼音首字母（如 zw）、手机尾号或单位' });

  it('folds the side menu to its icons and counts every guest expected, replied or not', async () => {
    await page.goto(`${server.url}/#/summits/${summitId}/checkin`);
    await page.getByTestId('checkin-count').waitFor();
    await expect.poll(async () => (await page.locator('.RaSidebar-fixed').boundingBox())?.width).toBeLessThan(80);
    await expect.poll(count).toBe('已签到 0 / 应到 6');
    expect((await search().boundingBox())!.width).toBeGreaterThan(768 * 0.8);
    await shot(page, 'checkin-tablet');
  });

  it('keeps the search after a tap, selected, so the next name typed replaces it', async () => {
    await search().fill('李明');
    const card = (name: string) => page.getByRole('listitem').filter({ hasText: new RegExp(`^${name}\\s`) });
    await card('李明').getByRole('button', { name: '签到' }).click();
    await expect.poll(count).toBe('已签到 1 / 应到 6');
    // the other 李明 of the delegation is still there, one tap away
    expect(await search().inputValue()).toBe('李明');
    expect(await card('李明华').getByRole('button', { name: '签到' }).count()).toBe(1);
    await shot(page, 'checkin-after-tap');
    await page.keyboard.type('wf');
    expect(await search().inputValue()).toBe('wf');
    await expect.poll(() => card('王芳').count()).toBe(1);
  });

  it('keeps the menu open on a wide screen', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: '打开菜单' }).click();
    await expect.poll(async () => (await page.locator('.RaSidebar-fixed').boundingBox())?.width).toBeGreaterThan(200);
    await page.reload();
    await page.getByTestId('checkin-count').waitFor();
    expect((await page.locator('.RaSidebar-fixed').boundingBox())!.width).toBeGreaterThan(200);
  });
});

/** Pages in a PDF: its page objects (not the /Pages tree above them). */
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;

describe('prints', () => {
  it('end with their last sheet, not a blank page', async () => {
    const ids = await guestIds();
    const print = async (kind: string, ready: () => Promise<unknown>) => {
      await page.goto(`${server.url}/#/summits/${summitId}/print/${kind}`);
      await ready();
      return pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    };
    // six guests: one sheet of badges (eight to a sheet)
    expect(await print('badges', () => expect.poll(() => page.getByTestId('badge').count()).toBe(6))).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'print-badges-as-printed');
    await page.emulateMedia({ media: null }); // page.pdf() prints as print again
    const two = `tablecards?ids=${ids.slice(0, 2).join(',')}`;
    expect(await print(two, () => expect.poll(() => page.getByTestId('table-card').count()).toBe(2))).toBe(2);
    const sheet = page.getByRole('table', { name: `${SUMMIT} 接站单 · 小王` });
    expect(await print(`pickups?driver=${encodeURIComponent('小王')}`, () => sheet.waitFor())).toBe(1);
  });
});

describe('exports and imports', () => {
  it('names a summit’s guest list after the summit', async () => {
    await page.goto(`${server.url}/#/summits/${summitId}/show/attendees-summitId`);
    await page.getByRole('button', { name: '导出' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: /^Excel/ }).click();
    expect((await download).suggestedFilename()).toMatch(
      new RegExp(`^${SUMMIT}-参会人员-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`),
    );
  });

  it('previews a long organisation name on a few lines inside its column', async () => {
    const file = path.join(tempDir(), '长单位名单.csv');
    const header = '姓名,工作单位,职务,手机号码,身份,邮箱,到达时间,车次,到达站点,酒店,房间,饮食禁忌,备注';
    const row = [
      '韩立',
      '中国科学院青岚先进材料与智能制造联合研究院有限责任公司',
      '总工程师、首席科学家、博士生导师',
      '13811112222',
      '专家',
      'hanli@example.cn',
      '2026/12/19 9:30',
      'G7012',
      '青岚东站',
      '青岚国际会议中心酒店',
      '1203',
      '清真',
      '需要安排接站，携带随行人员一名，会后参加企业参观',
    ];
    fs.writeFileSync(file, `\ufeff${header}\r\n${row.join(',')}\r\n`);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${server.url}/#/summits/${summitId}/show/attendees-summitId`);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByRole('button', { name: '预览' }).click();
    const cell = dialog.getByRole('table', { name: '每一行将会怎样' }).locator('td[data-field=organizationId]');
    await cell.waitFor();
    const text = cell.locator('span').first();
    const [box, inner] = [(await cell.boundingBox())!, (await text.boundingBox())!];
    expect(inner.x + inner.width).toBeLessThanOrEqual(box.x + box.width); // not over the next column
    expect(box.width).toBeGreaterThanOrEqual(160); // not a character a line
    const lineHeight = await text.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 20);
    expect(inner.height / lineHeight).toBeLessThanOrEqual(3.5);
    await shot(page, 'import-preview-long');
    await dialog.getByRole('button', { name: '取消' }).click();
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});

describe('a guest’s page', () => {
  it('says 是 or 否 for a yes/no field, with no red-looking cross', async () => {
    const [id] = await guestIds();
    await server.api(`/attendees/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ certificate: true, handwritten: false }),
    });
    await page.goto(`${server.url}/#/attendees/${id}/show`);
    // a label and its value, as react-admin's Labeled lays them out
    const field = (label: string) =>
      page
        .locator('.RaLabeled-label')
        .filter({ hasText: new RegExp(`^${label}$`) })
        .locator('..');
    await expect.poll(() => field('荣誉证书').innerText()).toContain('是');
    expect(await field('手写姓名').innerText()).toContain('否');
    expect(await page.locator('[data-testid=false], [data-testid=true]').count()).toBe(0);
    await shot(page, 'guest-booleans');
  });
});
