import type { Browser, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoggedIn, shot, startAppServer } from '../helpers/app';
import { headers, paste, selectCell } from '../helpers/grid';
import { rowsOf, type TestServer } from '../helpers/server';

// An admin extends the schema from the app: a field on attendees, then a whole new list.
let server: TestServer;
let browser: Browser;
let page: Page;
let summitId: number;

const guests = async () => await rowsOf(server.client, 'attendees', { summitId }, 10);
const guestList = () =>
  `${server.url}/#/attendees?filter=${encodeURIComponent(JSON.stringify({ summitId }))}&sort=id&order=ASC`;

beforeAll(async () => {
  server = await startAppServer();
  const { data: summit } = await server.client.create('summits', {
    data: { name: '字段测试论坛', kind: 'forum', startsOn: '2027-04-01', endsOn: '2027-04-02', status: 'planning' },
  });
  summitId = summit.id as number;
  for (const name of ['嘉宾甲', '嘉宾乙', '嘉宾丙'])
    await server.client.create('attendees', { data: { summitId, name, role: 'expert', invitation: 'invited' } });
  ({ browser, page } = await openLoggedIn(server, { acceptDownloads: true }));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('custom fields and lists, made in the app', () => {
  it('adds a choice field to attendees from their list; the grid shows it, a paste fills it, the export carries it', async () => {
    await page.goto(guestList());
    await page.getByRole('link', { name: '字段' }).click();
    await page.getByRole('link', { name: '新建' }).click();
    await page.getByLabel('字段键').fill('mealPlan');
    await page.getByLabel('中文名称').fill('用餐要求');
    await page.getByLabel('英文名称').fill('Meal plan');
    await page.getByLabel('类型').click();
    await page.getByRole('option', { name: '选项', exact: true }).click();
    await page.getByLabel('选项', { exact: true }).fill('素食 | Vegetarian\n清真 | Halal\n无');
    await shot(page, 'custom-field-form');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/customFields\/\d+\/show$/);

    await page.goto(guestList());
    await expect.poll(() => page.locator('[data-testid="glide-cell-2-0"]').textContent()).toBe('嘉宾甲');
    // the new column comes last: the cursor walks there as a keyboard user would
    await selectCell(page, '用餐要求', 0);
    await paste(page, '素食\r\n清真\r\n');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('将修改 2 行中的 2 个单元格');
    await dialog.getByRole('button', { name: '写入' }).click();
    await expect.poll(async () => (await guests()).map((g) => g.mealPlan ?? null)).toEqual(['素食', '清真', null]);
    await shot(page, 'custom-field-grid');

    await page.getByRole('button', { name: '导出' }).click();
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /^Excel/ }).click(),
    ]);
    const [{ data: sheet }] = (await readXlsxFile(await xlsx.path())) as unknown as { data: unknown[][] }[];
    const column = sheet[0].indexOf('用餐要求');
    expect(column).toBeGreaterThan(0);
    expect(sheet.slice(1).map((row) => row[column] ?? null)).toEqual(['素食', '清真', null]);
  });

  it('creates a list of technology needs with a field, and adds a row to it', async () => {
    await page.getByRole('menuitem', { name: '自定义列表' }).click();
    await page.getByRole('link', { name: '新建' }).click();
    await page.getByLabel('列表键').fill('techNeeds');
    await page.getByLabel('中文名称').fill('技术需求');
    await page.getByLabel('英文名称').fill('Technology needs');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('tab', { name: '字段' }).click();
    await page.getByRole('link', { name: '添加字段' }).click();
    await page.getByLabel('字段键').fill('title');
    await page.getByLabel('中文名称').fill('需求名称');
    await page.getByLabel('必填').check();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    // back to the list's fields, where the form was opened
    await expect.poll(() => page.url()).toMatch(/customResources\/\d+\/show\/customFields-resource$/);

    await page.getByRole('menuitem', { name: '技术需求' }).click();
    // empty, the new list already offers its grid, import included
    await expect.poll(() => headers(page)).toContain('需求名称');
    await expect.poll(() => page.getByRole('button', { name: '导入' }).count()).toBe(1);
    await page.getByRole('link', { name: '新建' }).click();
    await page.getByLabel('需求名称').fill('石墨烯散热膜量产工艺');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/techNeeds\/\d+\/show$/);
    const rows = await server.client.getList('techNeeds', {
      filter: {},
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 5 },
    });
    expect(rows.data.map((row) => row.title)).toEqual(['石墨烯散热膜量产工艺']);
    await page.getByRole('menuitem', { name: '技术需求' }).click();
    await expect.poll(() => headers(page)).toContain('需求名称');
    await shot(page, 'custom-list-grid');

    // linked to an organization, a need shows on that organization's page, in a tab of its own
    await server.client.create('customFields', {
      data: {
        resource: 'techNeeds',
        source: 'enterpriseId',
        labelZh: '提出企业',
        type: 'reference',
        reference: 'organizations',
      },
    });
    const [org] = await rowsOf(server.client, 'organizations', {}, 1);
    await server.client.update('techNeeds', {
      id: rows.data[0].id,
      data: { enterpriseId: org.id, version: rows.data[0].version },
      previousData: rows.data[0],
    });
    await page.goto(`${server.url}/#/organizations/${org.id}/show`);
    await page.reload();
    await page.getByRole('tab', { name: '技术需求' }).click();
    await expect
      .poll(() => page.getByRole('gridcell', { name: '石墨烯散热膜量产工艺', includeHidden: true }).count())
      .toBe(1);
    await shot(page, 'custom-list-on-organization');
  });
});
