import type { Browser, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoggedIn, shot, startAppServer } from '../helpers/app';
import { cellText, selectCell } from '../helpers/grid';
import { type TestServer } from '../helpers/server';

// An official follows signed agreements: the board, the follow-up form, the timeline, overdue.
let server: TestServer;
let browser: Browser;
let page: Page;
let signedId: number;
let completedId: number;

const agreement = async (id: number) => (await server.client.getOne('agreements', { id })).data;

/** Drags with the mouse as a person does: press, nudge, travel, release. */
async function drag(from: string, to: string) {
  const source = (await page.getByTestId(from).boundingBox())!;
  const target = (await page.getByTestId(to).boundingBox())!;
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(source.x + source.width / 2 + 10, source.y + source.height / 2 + 10, { steps: 5 });
  await page.mouse.move(target.x + target.width / 2, target.y + 80, { steps: 20 });
  await page.waitForTimeout(200);
  await page.mouse.up();
}

beforeAll(async () => {
  server = await startAppServer();
  const create = async (title: string, status: string) =>
    (
      await server.client.create('agreements', {
        data: {
          title,
          enterpriseId: 1,
          partnerId: 2,
          signedOn: '2026-11-10',
          kind: 'jointLab',
          industry: 'graphene',
          amount: 8_000_000,
          status,
          officer: '看板专员',
          nextFollowUpOn: '2026-11-01', // long past: overdue while open
        },
      })
    ).data.id as number;
  signedId = await create('看板测试：石墨烯联合实验室', 'signed');
  completedId = await create('看板测试：已完成的转让', 'completed');
  ({ browser, page } = await openLoggedIn(server, { viewport: { width: 1600, height: 1000 } }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the project board', () => {
  it('moves a card to another status by recording the follow-up that moves it', async () => {
    await page.goto(`${server.url}/#/agreements-board`);
    await page.getByRole('combobox', { name: '帮办专员' }).click();
    await page.getByRole('option', { name: '看板专员' }).click();
    await expect.poll(() => page.getByTestId('count-signed').innerText()).toBe('1');
    expect(await page.getByTestId('board-total').innerText()).toBe('共 2 个项目，金额合计 ¥16,000,000');
    await shot(page, 'board');

    await drag(`card-${signedId}`, 'column-inProgress');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('为“看板测试：石墨烯联合实验室”新增跟进记录');
    // it starts from the agreement: its officer, today, the status it was dropped on
    expect(await dialog.getByLabel('跟进人').inputValue()).toBe('看板专员');
    expect(await dialog.getByRole('combobox', { name: '跟进后状态' }).innerText()).toBe('推进中');
    await dialog.getByLabel('情况说明').fill('走访企业，实验室场地已落实');
    await dialog.getByLabel('下次跟进').fill('2027-01-15');
    await shot(page, 'board-follow-up');
    await dialog.getByRole('button', { name: '保存' }).click();

    await expect.poll(() => page.getByTestId('count-inProgress').innerText()).toBe('1');
    expect(await page.getByTestId('count-signed').innerText()).toBe('0');
    expect(await agreement(signedId)).toMatchObject({ status: 'inProgress', nextFollowUpOn: '2027-01-15' });
    const { data: followups } = await server.client.getList('followups', {
      filter: { agreementId: signedId },
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 10 },
    });
    expect(followups).toMatchObject([
      { officer: '看板专员', statusAfter: 'inProgress', note: '走访企业，实验室场地已落实' },
    ]);
  });

  it('refuses a move the lifecycle does not allow, saying where it can go', async () => {
    await drag(`card-${completedId}`, 'column-signed');
    await expect.poll(() => page.getByText('“已完成”是最终状态，不能再改为“已签约”').count()).toBe(1);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect((await agreement(completedId)).status).toBe('completed');
  });
});

describe('an agreement', () => {
  it('shows its parties, and its follow-ups newest first with each status move', async () => {
    await page.goto(`${server.url}/#/agreements/${signedId}/show`);
    await expect.poll(() => page.getByTestId('agreement-status').innerText()).toBe('推进中');
    const timeline = page.getByRole('list', { name: '跟进时间线' });
    expect(await timeline.innerText()).toContain('状态 → 推进中');
    expect(await timeline.innerText()).toContain('走访企业，实验室场地已落实');
    // the status is not edited in the form: it says how it changes
    await page.getByRole('link', { name: '编辑' }).click();
    await expect.poll(() => page.getByText('通过“记录跟进”修改').count()).toBe(1);
    await page.goBack();
    await shot(page, 'agreement-show');
  });

  it('opens the follow-up form from the status cell of the grid, and the cell does not take typing', async () => {
    const filter = encodeURIComponent(JSON.stringify({ officer: '看板专员' }));
    await page.goto(`${server.url}/#/agreements?filter=${filter}&sort=id&order=ASC`);
    await expect.poll(() => cellText(page, '项目名称', 0)).toBe('看板测试：石墨烯联合实验室');
    await selectCell(page, '状态', 0);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('为“看板测试：石墨烯联合实验室”新增跟进记录');
    // from 推进中 it may go to 已落地, 停滞 or 已终止, nowhere else
    await dialog.getByRole('combobox', { name: '跟进后状态' }).click();
    const options = (await page.getByRole('option').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    expect(options).toEqual(['不变', '已落地', '停滞', '已终止']);
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: '取消' }).click();
    expect((await agreement(signedId)).status).toBe('inProgress');
  });

  it('lists what is overdue: a follow-up day gone by, while the agreement is still open', async () => {
    const filter = encodeURIComponent(JSON.stringify({ overdue: true, officer: '看板专员' }));
    await page.goto(`${server.url}/#/agreements?filter=${filter}`);
    await expect
      .poll(() => page.locator('[data-testid^="glide-cell-"]').filter({ hasText: '看板测试' }).count())
      .toBe(0);
    // the completed one is not overdue; the other moved its next day to January: nothing is
    const old = encodeURIComponent(JSON.stringify({ overdue: true }));
    await page.goto(`${server.url}/#/agreements?filter=${old}`);
    const { total } = await server.client.getList('agreements', {
      filter: { overdue: true },
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 1 },
    });
    await expect.poll(() => page.getByText(`共 ${total} 条`).count()).toBeGreaterThan(0);
    await shot(page, 'agreements-overdue');
  });
});

describe('the ledger', () => {
  it('exports a period’s agreements with a summary sheet in one click', async () => {
    // the whole ledger: no filter on the list
    await page.goto(`${server.url}/#/agreements?filter=${encodeURIComponent('{}')}`);
    await page.getByRole('button', { name: '导出台账' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('签约日期自').fill('2026-11-01');
    await dialog.getByLabel('签约日期至').fill('2026-11-30');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: '导出 (.xlsx)' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe('签约项目工作台账-2026-11-01-2026-11-30.xlsx');
    const sheets = (await readXlsxFile(await file.path())) as unknown as { sheet: string; data: unknown[][] }[];
    const { data: november } = await server.client.getList('agreements', {
      filter: { signedOn_gte: '2026-11-01', signedOn_lte: '2026-11-30' },
      sort: { field: 'signedOn', order: 'ASC' },
      pagination: { page: 1, perPage: 1000 },
    });
    const titles = sheets[0].data.slice(2).map((row) => row[1]);
    expect(titles.sort()).toEqual(november.map((a) => a.title).sort());
    expect(titles).toContain('看板测试：石墨烯联合实验室');
    const total = november.reduce((sum, a) => sum + (a.amount ?? 0), 0);
    expect(sheets[1].data).toContainEqual(['合计', november.length, total]);
  });
});

describe('the dashboard', () => {
  it('shows the figures and charts, and a bar opens the agreements behind it', async () => {
    await page.goto(`${server.url}/#/`);
    const chart = page.getByTestId('chart-status');
    const bars = chart.locator('.MuiBarChart-element');
    await expect.poll(() => bars.count()).toBe(6);
    await page.getByTestId('chart-partners').locator('.MuiBarChart-element').first().waitFor();
    await shot(page, 'dashboard');
    const { total: completed } = await server.client.getList('agreements', {
      filter: { status: ['completed'] },
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 1 },
    });
    await bars.nth(3).click(); // 已完成
    await expect.poll(() => decodeURIComponent(page.url())).toContain('"status":["completed"]');
    await expect.poll(() => page.getByText(`共 ${completed} 条`).count()).toBeGreaterThan(0);
  });
});
