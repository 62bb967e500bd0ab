import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoggedIn, shot, startAppServer } from '../helpers/app';
import { cellText, guestListUrl, openEditor, selectCell, summitGuests } from '../helpers/grid';
import type { TestServer } from '../helpers/server';

// Chinese typed as an input method types it (搜狗, 微软拼音): a composition of pinyin, candidates
// picked with Enter, the chosen characters committed. Chromium's DevTools protocol drives the
// same path a real input method does: Input.imeSetComposition, then Input.insertText.
let server: TestServer;
let browser: Browser;
let page: Page;
let cdp: CDPSession;
let summitId: number;

const guests = () => summitGuests(server.client, summitId);
const guestList = () => guestListUrl(server.url, summitId);

async function openGuestList() {
  await page.goto(guestList());
  await page.reload();
  await expect.poll(() => page.locator('[data-testid="glide-cell-1-0"]').textContent()).toMatch(/\S/);
}

/** Pinyin being composed, letter by letter, as the input method shows it underlined. */
async function compose(letters: string) {
  for (let i = 1; i <= letters.length; i++) {
    const text = letters.slice(0, i);
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }
}

/** The Enter that picks a candidate: the input method's key (keyCode 229), not the app's. */
async function candidateEnter() {
  const key = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 };
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
}

/** Composes pinyin, picks a candidate with Enter, commits the characters: one word typed in Chinese. */
async function typeChinese(pinyin: string, chosen: string) {
  await compose(pinyin);
  await cdp.send('Input.imeSetComposition', {
    text: chosen,
    selectionStart: chosen.length,
    selectionEnd: chosen.length,
  });
  await candidateEnter();
  await cdp.send('Input.insertText', { text: chosen });
}

const typingBox = () => page.getByTestId('cell-typing');

beforeAll(async () => {
  server = await startAppServer();
  const { data: summit } = await server.client.create('summits', {
    data: { name: '输入法测试论坛', kind: 'forum', startsOn: '2027-05-25', endsOn: '2027-05-26', status: 'planning' },
  });
  summitId = summit.id as number;
  for (let i = 1; i <= 6; i++)
    await server.client.create('attendees', {
      data: { summitId, name: `嘉宾${i}`, role: 'guest', invitation: 'invited' },
    });
  ({ browser, page } = await openLoggedIn(server));
  cdp = await page.context().newCDPSession(page);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Chinese typed through an input method, straight onto a selected cell', () => {
  it('a composition on a name cell opens its editor in place; the candidate’s Enter does not save; Enter then does', async () => {
    await openGuestList();
    await selectCell(page, '姓名', 0);
    await compose('zhang');
    // the editor shows the pinyin being composed, over the cell
    await expect.poll(() => typingBox().getAttribute('data-typing')).toBe('true');
    expect(await typingBox().inputValue()).toBe('zhang');
    await cdp.send('Input.imeSetComposition', { text: '张三丰', selectionStart: 3, selectionEnd: 3 });
    await candidateEnter();
    await cdp.send('Input.insertText', { text: '张三丰' });
    // the candidate's Enter neither saved nor closed the editor
    expect(await typingBox().getAttribute('data-typing')).toBe('true');
    expect(await typingBox().inputValue()).toBe('张三丰');
    expect((await guests())[0].name).toBe('嘉宾1');
    await shot(page, 'ime-name-cell');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await guests())[0].name).toBe('张三丰');
    // Enter moved the cursor down, as in Excel
    expect(await page.getByTestId('name-box').innerText()).toContain('第 2 行');
    await openGuestList();
    expect(await cellText(page, '姓名', 0)).toBe('张三丰');
  });

  it('two words composed one after the other, then Tab, save both and move right', async () => {
    await openGuestList();
    await selectCell(page, '职务/职称', 1);
    await typeChinese('jiaoshou', '教授');
    await typeChinese('yuanshi', '、院士');
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await guests())[1].title).toBe('教授、院士');
    expect(await page.getByTestId('name-box').innerText()).toContain('身份');
  });

  it('a composition on a choice cell lists the choices it names; Enter takes the one highlighted', async () => {
    await openGuestList();
    await selectCell(page, '身份', 2);
    await typeChinese('yuanshi', '院士');
    const options = page.getByRole('listbox');
    await expect.poll(() => options.innerText()).toContain('院士');
    await shot(page, 'ime-choice-cell');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await guests())[2].role).toBe('academician');
    await openGuestList();
    expect(await cellText(page, '身份', 2)).toBe('院士');
  });

  it('a composition on a link cell finds the organisation by what was typed, and can add a new one', async () => {
    await openGuestList();
    await selectCell(page, '单位', 3);
    await typeChinese('jianghuai', '江淮工业');
    const options = page.getByRole('listbox');
    await expect.poll(() => options.innerText()).toContain('江淮工业大学');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await guests())[3].organizationId).not.toBeNull();
    const { data: org } = await server.client.getOne('organizations', { id: (await guests())[3].organizationId });
    expect(org.name).toBe('江淮工业大学');

    // a name Huiwu does not know: Enter alone adds nothing, it says the name is unknown
    await selectCell(page, '单位', 4);
    await typeChinese('zhejiangdaxue', '浙江大学机械工程学院');
    await expect.poll(() => options.innerText()).toContain('新建单位“浙江大学机械工程学院”');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: '找不到名为“浙江大学机械工程学院”的单位' }).first().waitFor();
    expect(
      (
        await server.client.getList('organizations', {
          filter: { q: '浙江大学机械' },
          pagination: { page: 1, perPage: 5 },
          sort: { field: 'id', order: 'ASC' },
        })
      ).total,
    ).toBe(0);
    // chosen with the arrows, it is added, and the guest linked to it
    await page.keyboard.press('ArrowUp');
    await typeChinese('zhejiangdaxue', '浙江大学机械工程学院');
    await expect.poll(() => options.innerText()).toContain('新建单位“浙江大学机械工程学院”');
    const count = await options.getByRole('option').count();
    for (let i = 0; i < count; i++) await page.keyboard.press('ArrowDown');
    await shot(page, 'ime-link-new');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await guests())[4].organizationId).not.toBeNull();
    const { data: created } = await server.client.getOne('organizations', { id: (await guests())[4].organizationId });
    expect(created).toMatchObject({ name: '浙江大学机械工程学院', kind: 'university' });
  });

  it('a date-time cell takes 下午3点 after a date without a year, in the summit’s year', async () => {
    await openGuestList();
    await selectCell(page, '抵达时间', 5);
    await typeChinese('wuyue', '5月24日 下午3点');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await guests())[5].arrivalAt).toBe('2027-05-24T07:00:00.000Z');
  });

  it('the full editor of a date-time reads 5月24日 下午3点 in the summit’s year too', async () => {
    await openGuestList();
    await selectCell(page, '抵达时间', 4);
    await openEditor(page);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('5月24日 下午4点');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await guests())[4].arrivalAt).toBe('2027-05-24T08:00:00.000Z');
  });

  // Once in about three full runs on a loaded 2-core CI machine the final Enter saves nothing
  // within 10 s, and it has never failed alone (8 of 8 here, 6 of 6 under CPU hogs); until that
  // is understood it gets one more try, which a feature that is broken fails as well.
  it(
    'in the full editor (opened with Enter) the candidate’s Enter and Esc stay with the input method',
    { retry: 1 },
    async () => {
      // (as the test found it, on a retry too)
      const [first] = await guests();
      await server.api(`/attendees/${first.id}`, { method: 'PATCH', body: JSON.stringify({ title: null }) });
      await openGuestList();
      await selectCell(page, '职务/职称', 0);
      await openEditor(page);
      await page.keyboard.press('Control+A');
      await compose('zhuren');
      await candidateEnter();
      // Esc while composing drops the pinyin in the input method, not the edit
      const escape = { key: 'Escape', code: 'Escape', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 };
      await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...escape });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...escape });
      await cdp.send('Input.insertText', { text: '主任' });
      // the editor is still open and shows the word, as the user sees it before pressing Enter
      await expect.poll(() => page.locator('#portal textarea').inputValue()).toBe('主任');
      expect((await guests())[0].title).toBeNull();
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await guests())[0].title).toBe('主任');
    },
  );
});

describe('input methods in the pickers and the check-in desk', () => {
  it('the full picker of a link cell adds an organisation named as typed', async () => {
    await openGuestList();
    await selectCell(page, '单位', 5);
    await openEditor(page);
    await typeChinese('qingdao', '青岛海洋装备研究院');
    const option = page.locator('#portal [role="option"]', { hasText: '新建单位“青岛海洋装备研究院”' });
    await option.waitFor();
    // the candidate's Enter took the characters; the picker is still open, nothing saved
    expect((await guests())[5].organizationId).toBeNull();
    await option.click();
    await expect.poll(async () => (await guests())[5].organizationId).not.toBeNull();
    const { data: created } = await server.client.getOne('organizations', { id: (await guests())[5].organizationId });
    expect(created).toMatchObject({ name: '青岛海洋装备研究院', kind: 'institute' });
  });

  it('the check-in desk’s search takes Chinese from an input method; the candidate’s Enter checks nobody in', async () => {
    await page.goto(`${server.url}/#/summits/${summitId}/checkin`);
    const search = page.getByRole('textbox', { name: /搜索|姓名/ }).first();
    await search.click();
    await typeChinese('jiabin', '嘉宾2');
    await expect.poll(() => page.getByText('嘉宾2').count()).toBeGreaterThan(0);
    expect((await guests()).filter((g) => g.invitation === 'checkedIn')).toEqual([]);
    await shot(page, 'ime-checkin-search');
  });
});

describe('keys typed fast onto a selected cell', () => {
  it('arrive, every one of them, at no delay between keys', async () => {
    await openGuestList();
    await selectCell(page, '职务/职称', 3);
    await page.keyboard.type('Keyboard 88338', { delay: 0 });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await guests())[3].title).toBe('Keyboard 88338');
  });

  it('arrive when typed the instant a cell is clicked, before anything else happens', async () => {
    await openGuestList();
    await selectCell(page, '职务/职称', 4);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('Prof', { delay: 0 });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await guests())[5].title).toBe('Prof');
  });

  it('Esc drops what was typed and leaves the cell as it was', async () => {
    await openGuestList();
    await selectCell(page, '职务/职称', 2);
    await page.keyboard.type('不要了', { delay: 0 });
    await page.keyboard.press('Escape');
    expect(await typingBox().getAttribute('data-typing')).toBe('false');
    await page.keyboard.press('ArrowDown');
    expect((await guests())[2].title).toBeNull();
  });
});
