import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDay } from '../../src/schema';
import { openLoggedIn, shot, startAppServer } from '../helpers/app';
import { headers, selectCell } from '../helpers/grid';
import { newSummit, type TestServer } from '../helpers/server';

// A new user's walk, the finishing touches: the 404 page's full stop, buttons and tabs in
// sentence case, the board's date pills on one line, the check-in desk's search at a tablet's
// width, a way back from the print pages, the dashboard's cards and list, one style of export
// file names, title columns wide enough, the conflict dialog saying it once, and the form
// titled as the button that opened it.
let server: TestServer;
let browser: Browser;
let page: Page;
let summitId: number;
// no city, no venue: the dashboard's list once read "2027年1月10日 ·"
const SUMMIT = '润色测试论坛';

beforeAll(async () => {
  server = await startAppServer();
  summitId = await newSummit(server.client, SUMMIT, beijingDay(Date.now(), 1));
  for (const name of ['钱学文', '孙立平'])
    await server.client.create('attendees', { data: { summitId, name, invitation: 'confirmed', role: 'expert' } });
  ({ browser, page } = await openLoggedIn(server, { acceptDownloads: true }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const day = '\\d{4}-\\d{2}-\\d{2}';
const style = (locator: Locator, property: string) =>
  locator.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

describe('the 404 page', () => {
  it('ends its sentence with one full stop', async () => {
    await page.goto(`${server.url}/#/no-such-page`);
    const message = page.getByText('您输入的网址有误');
    await message.waitFor();
    expect((await message.innerText()).trim()).toBe('您输入的网址有误，或访问了无效的链接。');
    await shot(page, 'polish-404');
  });
});

describe('buttons and tabs', () => {
  it('are written as their labels are, not in capitals', async () => {
    await page.goto(`${server.url}/#/summits/${summitId}/show/attendees-summitId`);
    const add = page.getByRole('link', { name: '添加嘉宾' });
    await add.waitFor();
    expect(await style(add, 'text-transform')).toBe('none');
    expect(await style(page.getByRole('tab', { name: '嘉宾名单' }), 'text-transform')).toBe('none');
    expect(await style(page.getByRole('button', { name: '导出' }), 'text-transform')).toBe('none');
  });
});

describe('the project board', () => {
  it('keeps each date pill on one line at 1440 px, whole', async () => {
    await page.goto(`${server.url}/#/agreements-board`);
    const pills = page.locator('[data-testid^="card-"] .MuiChip-root');
    await expect.poll(() => pills.count()).toBeGreaterThan(10);
    const sizes = await pills.evaluateAll((chips) =>
      chips.map((chip) => {
        const label = chip.querySelector('.MuiChip-label')!;
        return {
          text: chip.textContent,
          height: chip.getBoundingClientRect().height,
          cut: label.scrollWidth > label.clientWidth,
        };
      }),
    );
    for (const size of sizes) {
      expect(size.height, size.text!).toBeLessThan(30);
      expect(size.cut, size.text!).toBe(false);
    }
    await shot(page, 'polish-board');
  });
});

describe('the check-in desk’s search', () => {
  for (const width of [1024, 768])
    it(`says what it finds, whole, at ${width} px, and shows latin letters as typed`, async () => {
      await page.setViewportSize({ width, height: 768 });
      await page.goto(`${server.url}/#/summits/${summitId}/checkin`);
      const search = page.getByRole('textbox', { name: '姓名、拼音首字母（如 zw）、手机尾号或单位' });
      await search.waitFor();
      const fits = await search.evaluate((input: HTMLInputElement) => {
        const s = getComputedStyle(input);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = `${s.fontSize} ${s.fontFamily}`;
        const room = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
        return context.measureText(input.placeholder).width <= room;
      });
      expect(fits).toBe(true);
      // what it searches is said in full, in view: a label above, not only a placeholder
      const label = page.getByText('姓名、拼音首字母（如 zw）、手机尾号或单位', { exact: true });
      expect(await label.isVisible()).toBe(true);
      await search.fill('qx');
      await page.getByRole('listitem').filter({ hasText: '钱学文' }).waitFor();
      expect(await search.inputValue()).toBe('qx');
      expect(await style(search, 'text-transform')).toBe('none');
      expect(await style(search, 'font-variant-caps')).toBe('normal');
      await shot(page, `polish-checkin-${width}`);
    });
});

describe('the print pages', () => {
  for (const kind of ['badges', 'tablecards'])
    it(`${kind}: lead back to the summit, and the link is not printed`, async () => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(`${server.url}/#/summits/${summitId}/print/${kind}`);
      const back = page.getByRole('link', { name: SUMMIT });
      await back.waitFor();
      expect(await back.getAttribute('href')).toBe(`#/summits/${summitId}/show`);
      await shot(page, `polish-print-${kind}`);
      await page.emulateMedia({ media: 'print' });
      await expect.poll(() => back.isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });
      await back.click();
      await page.getByRole('tab', { name: '嘉宾名单' }).waitFor();
    });
});

describe('the dashboard', () => {
  it('lists a summit without a place by its date alone, no dot after it', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${server.url}/#/`);
    const summit = page.getByRole('link', { name: new RegExp(`^${SUMMIT}`) });
    await summit.waitFor();
    const lines = (await summit.innerText())
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    expect(lines).toEqual([SUMMIT, expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日$/)]);
  });

  it('sets its six cards three to a row, of one width, at 1440 px', async () => {
    const titles = [
      '30 天内的峰会',
      '未来 30 天的讲座',
      '下一场峰会的嘉宾',
      '未来三天抵达',
      '年签约项目',
      '逾期未跟进',
    ];
    const tops: number[] = [];
    const widths: number[] = [];
    for (const title of titles) {
      const box = (await page.getByRole('link').filter({ hasText: title }).first().boundingBox())!;
      tops.push(Math.round(box.y));
      widths.push(Math.round(box.width));
    }
    const rows = [...new Set(tops)].map((top) => tops.filter((t) => t === top).length);
    expect(rows).toEqual([3, 3]);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThan(3);
  });

  it('leaves no empty area under the status chart', async () => {
    const chart = page.getByTestId('chart-status');
    await chart.locator('svg').first().waitFor();
    const hole = () =>
      chart.evaluate((card) => {
        const svgs = [...card.querySelectorAll('svg')].map((svg) => svg.getBoundingClientRect().bottom);
        return card.getBoundingClientRect().bottom - Math.max(...svgs);
      });
    // once every chart has its bars (a chart grows as its figures arrive)
    for (const id of ['chart-industry', 'chart-partners'])
      await expect.poll(() => page.getByTestId(id).getByRole('link').count()).toBeGreaterThan(5);
    await expect.poll(hole).toBeLessThan(60);
    await page.screenshot({ path: 'test-output/screenshots/polish-dashboard.png', fullPage: true });
  });
});

describe('export file names', () => {
  it('the printable sheets are named as the lists are: summit-what-date', async () => {
    await page.goto(`${server.url}/#/summits/${summitId}/show/attendees-summitId`);
    await page.getByRole('gridcell', { name: '钱学文', includeHidden: true }).first().waitFor({ state: 'attached' });
    for (const [item, what] of [
      [/^Excel/, '参会人员'],
      [/^签到表/, '签到表'],
      [/^接站安排表/, '接站安排表'],
    ] as const) {
      await page.getByRole('button', { name: '导出' }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('menuitem', { name: item }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^${SUMMIT}-${what}-${day}\\.xlsx$`));
    }
  });
});

describe('a list’s title column', () => {
  for (const [resource, header] of [
    ['summits', '名称'],
    ['agreements', '项目名称'],
  ] as const)
    it(`${resource}: ${header} is wide enough for the titles on the first page`, async () => {
      await page.goto(`${server.url}/#/${resource}`);
      await expect.poll(() => headers(page)).toContain(header);
      const col = (await headers(page)).indexOf(header);
      await page.locator(`[data-testid="glide-cell-${col + 1}-1"]`).waitFor({ state: 'attached' });
      await selectCell(page, header, 0);
      const width = parseFloat(await page.getByTestId('cell-typing').evaluate((el) => el.style.minWidth));
      const widest = await page.locator(`[data-testid^="glide-cell-${col + 1}-"]`).evaluateAll((cells) => {
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = `14px ${getComputedStyle(document.body).fontFamily}`;
        return Math.max(...cells.map((cell) => context.measureText(cell.textContent ?? '').width));
      });
      // the text and the cell's padding on both sides
      expect(width).toBeGreaterThanOrEqual(widest + 20);
      await shot(page, `polish-${resource}-grid`);
    });
});

describe('the conflict dialog', () => {
  it('says once that someone changed the record meanwhile', async () => {
    await page.goto(`${server.url}/#/summits/${summitId}`);
    const venue = page.getByRole('textbox', { name: /^会场/ });
    await venue.waitFor();
    await server.api(`/summits/${summitId}`, { method: 'PATCH', body: JSON.stringify({ venue: '同事填的会场' }) });
    await venue.fill('我填的会场');
    await page.getByRole('button', { name: '保存' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('同事填的会场').waitFor();
    const text = await dialog.innerText();
    expect(text.split('在您编辑期间').length - 1).toBe(1);
    await shot(page, 'polish-conflict');
    await dialog.getByRole('button', { name: '保留对方的' }).click();
  });
});

describe('adding a guest', () => {
  it('the form is titled as the button that opened it', async () => {
    await page.goto(`${server.url}/#/summits/${summitId}/show/attendees-summitId`);
    await page.getByRole('link', { name: '添加嘉宾' }).click();
    await page.getByRole('textbox', { name: /^姓名/ }).waitFor();
    await expect.poll(() => page.locator('#react-admin-title').innerText()).toBe('添加嘉宾');
    await shot(page, 'polish-add-guest');
  });
});

describe('in English', () => {
  it('a summit’s buttons and tabs read in sentence case, as its menus do', async () => {
    await page.goto(`${server.url}/#/summits/${summitId}/show/attendees-summitId`);
    await page.getByRole('button', { name: /中文/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    const add = page.getByRole('link', { name: 'Add guest' });
    await add.waitFor();
    // what is drawn: "Add guest", not "ADD GUEST"
    expect(await add.innerText()).toBe('Add guest');
    expect(await page.getByRole('tab', { name: 'Guests' }).innerText()).toBe('Guests');
    expect(await page.getByRole('link', { name: 'Check-in desk' }).innerText()).toBe('Check-in desk');
    await shot(page, 'polish-en-guests');
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('menuitem', { name: '中文' }).click();
    await page.getByRole('link', { name: '添加嘉宾' }).waitFor();
  });
});
