import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoggedIn, shot, startAppServer } from '../helpers/app';
import { rowsOf, type TestServer } from '../helpers/server';

// An organiser imports partners' lists as they arrived (test/fixtures/guest-lists), choosing
// nothing but what only a person can decide.
const corpus = (file: string) => path.resolve('test/fixtures/guest-lists', file);
let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startAppServer();
  ({ browser, page } = await openLoggedIn(server, { acceptDownloads: true }));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openImport(name: string) {
  const { data: summit } = await server.client.create('summits', {
    data: { name, kind: 'summit', startsOn: '2026-05-25', endsOn: '2026-05-26', status: 'inviting' },
  });
  await page.goto(`${server.url}/#/summits/${summit.id}/show/attendees-summitId`);
  await page.getByRole('button', { name: '导入', exact: true }).click();
  return { dialog: page.getByRole('dialog'), summitId: summit.id as number };
}

describe('importing partners’ guest lists through the dialog', () => {
  it('a GBK reply with split date and time, 高铁 and 大巴, and three organisations new to Huiwu', async () => {
    const { dialog, summitId } = await openImport('回执导入测试');
    await dialog.locator('input[type=file]').setInputFiles(corpus('02-浙大机械学院-参会回执.csv'));
    const mapping = dialog.getByRole('table', { name: '文件中的列' });
    await mapping.waitFor();
    const fieldOf = (header: string) => mapping.getByRole('combobox', { name: header, exact: true });
    expect(await fieldOf('到达日期').inputValue()).toBe('arrivalAt:date');
    expect(await fieldOf('到达时间').inputValue()).toBe('arrivalAt:time');
    expect(await fieldOf('是否接站').inputValue()).toBe('needsPickup');
    expect(await fieldOf('交通方式').inputValue()).toBe('arrivalMode');
    await shot(page, 'import-corpus-mapping');

    await dialog.getByRole('button', { name: '预览' }).click();
    const counts = dialog.getByTestId('import-counts');
    await expect.poll(() => counts.innerText()).toContain('新增 7');
    expect(await counts.innerText()).toContain('不能导入 0');
    const newRecords = dialog.getByTestId('import-new-records');
    expect(await newRecords.innerText()).toContain('将新建单位 3 个');
    expect(await newRecords.innerText()).toContain('杭州市化工研究院');
    // each unusual value says how it was read
    const preview = dialog.getByRole('table', { name: '每一行将会怎样' });
    const row = preview.locator('tr', { hasText: '梁晓东' });
    expect(await row.locator('td[data-field=arrivalAt]').innerText()).toContain(
      '2026/5/24 下午3点\n→ 2026-05-24 15:00',
    );
    expect(await row.locator('td[data-field=arrivalMode]').innerText()).toContain('→ 高铁/火车');
    expect(
      await preview.locator('tr', { hasText: '唐国华' }).locator('td[data-field=arrivalMode]').innerText(),
    ).toContain('→ 大巴/客车');
    await shot(page, 'import-corpus-preview');

    await dialog.getByRole('button', { name: '导入 7 行' }).click();
    await expect.poll(() => dialog.getByTestId('import-done').innerText()).toContain('新建单位 3 个');
    const guests = await rowsOf(server.client, 'attendees', { summitId });
    expect(guests).toHaveLength(7);
    const liang = guests.find((g) => g.name === '梁晓东')!;
    expect(liang).toMatchObject({ arrivalAt: '2026-05-24T07:00:00.000Z', arrivalMode: 'train', needsPickup: true });
    const { data: org } = await server.client.getOne('organizations', { id: liang.organizationId });
    expect(org).toMatchObject({ name: '浙江大学机械工程学院', kind: 'university' });
    await dialog.getByRole('button', { name: '关闭' }).click();
  });

  it('a near match is offered for a new name and taken only when the organiser says so', async () => {
    const { dialog, summitId } = await openImport('相近单位测试');
    await dialog.locator('input[type=file]').setInputFiles(corpus('21-相近单位名.xlsx'));
    await dialog.getByRole('button', { name: '预览' }).click();
    const newRecords = dialog.getByTestId('import-new-records');
    await expect.poll(() => newRecords.innerText()).toContain('将新建单位 3 个');
    const choice = newRecords.getByRole('combobox', { name: '东临数控机床有限公司' });
    expect(await choice.inputValue()).toBe('new');
    await choice.selectOption({ label: '就是“东临数控机床股份有限公司”' });
    await expect.poll(() => newRecords.innerText()).toContain('将新建单位 2 个');
    await shot(page, 'import-corpus-near');
    await dialog.getByRole('button', { name: '导入 4 行' }).click();
    await expect.poll(() => dialog.getByTestId('import-done').innerText()).toContain('新建单位 2 个');
    const long = (await rowsOf(server.client, 'attendees', { summitId })).find((g) => g.name === '龙飞')!;
    const { data: org } = await server.client.getOne('organizations', { id: long.organizationId });
    expect(org.name).toBe('东临数控机床股份有限公司');
    await dialog.getByRole('button', { name: '关闭' }).click();
  });

  it('a list still being filled in: bad cells left empty, an unknown value given its meaning', async () => {
    const { dialog, summitId } = await openImport('待定名单测试');
    await dialog.locator('input[type=file]').setInputFiles(corpus('26-待定与错误.csv'));
    await dialog.getByRole('button', { name: '预览' }).click();
    const counts = dialog.getByTestId('import-counts');
    await expect.poll(() => counts.innerText()).toContain('不能导入 2');
    // 待定 where the time would be is read as not known yet: only the phone and the way of coming are wrong
    const invalid = await dialog.locator('tr[data-outcome=invalid]').allInnerTexts();
    expect(invalid.join('\n')).not.toContain('时间格式');
    // the organiser keeps the rows, leaving what cannot be read empty
    await dialog.getByRole('radio', { name: '导入该行，这个单元格留空' }).click();
    await expect.poll(() => counts.innerText()).toContain('新增 3');
    expect(await counts.innerText()).toContain('不能导入 0');
    // 朋友送 (a friend drives them) is no choice: the organiser says it means 自驾/专车
    const values = dialog.getByTestId('import-values');
    await values.getByRole('combobox', { name: 'arrivalMode 朋友送' }).selectOption({ label: '自驾/专车' });
    await expect
      .poll(() => dialog.getByRole('table', { name: '每一行将会怎样' }).locator('tr', { hasText: '谷雨' }).innerText())
      .toContain('→ 自驾/专车');
    await shot(page, 'import-corpus-bad-cells');
    await dialog.getByRole('button', { name: '导入 3 行' }).click();
    await expect.poll(() => dialog.getByTestId('import-done').innerText()).toContain('新增 3 条');
    const guests = await rowsOf(server.client, 'attendees', { summitId });
    expect(guests.find((g) => g.name === '林涛')).toMatchObject({ phone: null, arrivalAt: null, arrivalMode: 'train' });
    expect(guests.find((g) => g.name === '谷雨')).toMatchObject({ arrivalAt: null, arrivalMode: 'car' });
  });
});
