import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoggedIn, startAppServer } from '../helpers/app';
import { guestListUrl, holdFrames, selectCell, summitGuests } from '../helpers/grid';
import type { TestServer } from '../helpers/server';

// The first keys typed onto a cell, however soon after the page, a reload, a click or Enter
// they come. "Lead" typed at 150 ms a key saved "ead", and "Prof" at none saved "f": Glide takes
// the keyboard a frame after a click (a busy machine draws that frame after the first keys), and
// its editor, opened with Enter, loads its code the first time (keys typed meanwhile began a
// second edit that its opening then saved). Holding the page's frames, or the editor's code,
// makes those moments happen every time.
let server: TestServer;
let browser: Browser;
let page: Page;
let summitId: number;

const guests = () => summitGuests(server.client, summitId);
const typingBox = () => page.getByTestId('cell-typing');
const gridReady = () => expect.poll(() => page.locator('[data-testid="glide-cell-1-0"]').textContent()).toMatch(/\S/);

/** Where a cell is drawn, learnt on one page and clicked on the next (the layout is the same). */
async function cellPoint(header: string, row: number) {
  await selectCell(page, header, row);
  const box = (await typingBox().boundingBox())!;
  return { x: box.x + 10, y: box.y + box.height / 2 };
}

/** Holds back the code of Glide's editor (loaded when first opened), as a slow network or a
 * busy machine does, until the returned function lets it through. */
async function holdEditorCode() {
  const held: Route[] = [];
  let through = false;
  const pattern = /data-grid-overlay-editor-[^/]*\.js$/;
  await page.route(pattern, (route) => (through ? route.continue() : void held.push(route)));
  return async () => {
    await expect.poll(() => held.length).toBeGreaterThan(0);
    through = true;
    await Promise.all(held.map((route) => route.continue()));
    await page.unroute(pattern);
  };
}

beforeAll(async () => {
  server = await startAppServer();
  const { data: summit } = await server.client.create('summits', {
    data: { name: '首键测试论坛', kind: 'forum', startsOn: '2027-05-25', endsOn: '2027-05-26', status: 'planning' },
  });
  summitId = summit.id as number;
  for (let i = 1; i <= 12; i++)
    await server.client.create('attendees', {
      data: { summitId, name: `嘉宾${i}`, role: 'guest', invitation: 'invited' },
    });
  ({ browser, page } = await openLoggedIn(server));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the first keys typed onto a cell arrive, every one', () => {
  for (const [row, delay, word] of [
    [0, 0, 'Prof'],
    [1, 150, 'Lead'],
  ] as const)
    it(`clicked on a page just reloaded, typed at ${delay} ms a key before the grid's next frame`, async () => {
      await page.goto(guestListUrl(server.url, summitId));
      await gridReady();
      const point = await cellPoint('职务/职称', row);
      await page.reload();
      await gridReady();
      const release = await holdFrames(page);
      await page.mouse.click(point.x, point.y);
      await page.keyboard.type(word, { delay });
      await release();
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await guests())[row].title).toBe(word);
    });

  for (const [row, delay, word] of [
    [2, 0, 'Prof'],
    [3, 150, 'Lead'],
  ] as const)
    it(`clicked as the first edit of a page opened from the menu, typed at ${delay} ms, the frame coming after the first key`, async () => {
      await page.goto(guestListUrl(server.url, summitId));
      await gridReady();
      const point = await cellPoint('职务/职称', row);
      await page.getByRole('menuitem', { name: /仪表盘/ }).click();
      await page.locator('canvas[data-testid="data-grid-canvas"]').waitFor({ state: 'detached' });
      await page.goBack();
      await gridReady();
      const release = await holdFrames(page);
      await page.mouse.click(point.x, point.y);
      await page.keyboard.type(word[0]);
      // Glide's focus lands between the first key and the next: no save, no lost text
      await release();
      await page.keyboard.type(word.slice(1), { delay });
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await guests())[row].title).toBe(word);
    });

  it('a second click, onto another cell, then typing before the frame: the text goes there whole', async () => {
    await page.goto(guestListUrl(server.url, summitId));
    await gridReady();
    const point = await cellPoint('职务/职称', 5);
    await selectCell(page, '职务/职称', 4);
    const release = await holdFrames(page);
    await page.mouse.click(point.x, point.y);
    await page.keyboard.type('L');
    await release();
    await page.keyboard.type('ead', { delay: 150 });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await guests())[5].title).toBe('Lead');
    expect((await guests())[4].title).toBeNull();
  });

  it('after arrow keys, at no delay and at 150 ms', async () => {
    await page.goto(guestListUrl(server.url, summitId));
    await gridReady();
    await selectCell(page, '职务/职称', 6);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('Prof', { delay: 0 });
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('Lead', { delay: 150 });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await guests()).slice(7, 10).map((g) => g.title)).toEqual(['Prof', null, 'Lead']);
  });

  it('after Delete clears a cell, typing straight on before the frame replaces it', async () => {
    await page.goto(guestListUrl(server.url, summitId));
    await gridReady();
    await selectCell(page, '姓名', 10);
    const release = await holdFrames(page);
    await page.keyboard.press('Delete');
    await page.keyboard.type('L');
    await release();
    await page.keyboard.type('ead', { delay: 150 });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await guests())[10].name).toBe('Lead');
  });

  it('Enter opens the editor on a page just loaded; keys typed before it shows go into it', async () => {
    const letThrough = await holdEditorCode();
    await page.goto(guestListUrl(server.url, summitId));
    await page.reload();
    await gridReady();
    await selectCell(page, '职务/职称', 11);
    await page.keyboard.press('Enter');
    await page.keyboard.type('L');
    await letThrough();
    await page.keyboard.type('ead', { delay: 150 });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await guests())[11].title).toBe('Lead');
  });

  it('Enter, a word and Enter again at no delay, all before the editor shows: the word is saved, the cursor moves down', async () => {
    const letThrough = await holdEditorCode();
    await page.reload();
    await gridReady();
    await selectCell(page, '职务/职称', 10);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Prof', { delay: 0 });
    await page.keyboard.press('Enter');
    await letThrough();
    await expect.poll(async () => (await guests())[10].title).toBe('Prof');
    await expect.poll(() => page.getByTestId('name-box').innerText()).toBe('第 12 行 · 职务/职称');
    expect(await typingBox().getAttribute('data-typing')).toBe('false');
  });

  it('a choice typed before its picker shows is searched in it; Enter there takes it', async () => {
    const letThrough = await holdEditorCode();
    await page.reload();
    await gridReady();
    await selectCell(page, '身份', 9);
    await page.keyboard.press('Enter');
    await page.keyboard.type('院士');
    await letThrough();
    await page.locator('#portal [role="option"].Mui-focused', { hasText: '院士' }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await guests())[9].role).toBe('academician');
  });

  it('pinyin composed straight after a click, before the grid’s next frame, stays one composition', async () => {
    await page.goto(guestListUrl(server.url, summitId));
    await gridReady();
    const point = await cellPoint('职务/职称', 8);
    await page.reload();
    await gridReady();
    const cdp = await page.context().newCDPSession(page);
    const compose = (text: string) =>
      cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    const release = await holdFrames(page);
    await page.mouse.click(point.x, point.y);
    await compose('j');
    // Glide takes the focus now: a composition it interrupted would leave its letters as text
    await release();
    for (const text of ['ji', 'jia', 'jiao', 'jiaos', 'jiaosh', 'jiaoshou', '教授']) await compose(text);
    const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 };
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...enter });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter });
    await cdp.send('Input.insertText', { text: '教授' });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await guests())[8].title).toBe('教授');
  });
});
