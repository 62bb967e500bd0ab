import type { Page } from 'playwright-core';
import type { Session } from './server';

/**
 * The grid draws on a canvas; its accessibility table (role grid, columnheader, gridcell with
 * aria-colindex) says what is where, as a screen reader hears it, and the name box above it
 * says where the cursor is, as in Excel. Tests read cells from the one, move with the keyboard
 * and check the other, as a keyboard user does.
 */
export const headers = async (page: Page) =>
  (await page.getByRole('columnheader', { includeHidden: true }).allInnerTexts()).map((h) =>
    h.replace(/ [↑↓]$/, '').trim(),
  );

/** The text of a cell, by column header and row (0 is the first data row); the column must
 * be in view (the accessibility table holds the columns drawn). */
export async function cellText(page: Page, header: string, row: number) {
  const col = (await headers(page)).indexOf(header);
  if (col < 0) throw new Error(`no column "${header}" in ${(await headers(page)).join('|')}`);
  // ids count the row markers as column 0
  return (await page.locator(`[data-testid="glide-cell-${col + 1}-${row}"]`).innerText()).trim();
}

const nameBox = (page: Page) => page.getByTestId('name-box').innerText();

/** The column and row the name box shows. */
async function cursor(page: Page) {
  const text = await nameBox(page);
  return { label: text.split('·').pop()!.trim(), row: Number(/\d+/.exec(text)?.[0]) - 1 };
}

/** Puts the cursor on a cell, with the keyboard, as a keyboard user does: a click into the
 * grid, arrow keys to the first column, then right to the column wanted (the grid scrolls
 * sideways as it goes) and down to the row, checked against the name box. */
export async function selectCell(page: Page, header: string, row: number) {
  const box = (await page.locator('canvas[data-testid="data-grid-canvas"]').boundingBox())!;
  await page.mouse.click(box.x + 80, box.y + 38 + 17);
  await page.getByTestId('name-box').filter({ hasText: '·' }).waitFor();
  /** A key, then the name box once it shows the move (at an edge it stays: a short wait) */
  const press = async (key: string) => {
    const before = await nameBox(page);
    await page.keyboard.press(key);
    await page
      .waitForFunction((text) => document.querySelector('[data-testid="name-box"]')?.textContent !== text, before, {
        timeout: 400,
      })
      .catch(() => undefined);
    return cursor(page);
  };
  for (let last = ''; ;) {
    const { label } = await press('ArrowLeft');
    if (label === last) break;
    last = label;
  }
  for (let last = (await cursor(page)).label; last !== header;) {
    const { label } = await press('ArrowRight');
    if (label === last) throw new Error(`no column "${header}" in the grid`);
    last = label;
  }
  for (let at = (await cursor(page)).row; at < row; at++) await press('ArrowDown');
  const now = await cursor(page);
  if (now.label !== header || now.row !== row)
    throw new Error(`cursor at ${JSON.stringify(now)}, wanted ${header} row ${row}`);
}

/** The open cell editor (text, number, picker), in the portal above the grid. */
export const editor = (page: Page) => page.locator('#portal').locator('textarea, input').first();

/** Opens the selected cell's editor with Enter and waits until it has the keyboard. */
export async function openEditor(page: Page) {
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => {
    const active = document.activeElement as HTMLElement | null;
    // text editors are ready once focused; pickers say so when they have taken the focus
    return (
      !!active &&
      !!document.getElementById('portal')?.contains(active) &&
      (active.matches('textarea') || active.dataset.ready === 'true')
    );
  });
}

/** Types a value into a cell the way a user does: Enter opens the editor, Enter commits. */
export async function editCell(page: Page, header: string, row: number, text: string) {
  await selectCell(page, header, row);
  await openEditor(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await settle(page);
  await page.keyboard.press('Enter');
}

/** Two animation frames: the editor has taken in what was typed before Enter reads it
 * (a person is never this fast; a test is). */
export const settle = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/** Pastes text as Excel or WPS put it on the clipboard, where the cursor is. */
export async function paste(page: Page, text: string) {
  await page.evaluate((tsv) => {
    const data = new DataTransfer();
    data.setData('text/plain', tsv);
    (document.activeElement ?? document).dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** Clicks a row's marker (its checkbox), as a user selects rows; shift for a range. */
export async function clickRowMarker(page: Page, row: number, modifier?: 'Shift' | 'Control') {
  const box = (await page.locator('canvas[data-testid="data-grid-canvas"]').boundingBox())!;
  if (modifier) await page.keyboard.down(modifier);
  await page.mouse.click(box.x + 12, box.y + 38 + 34 * row + 17);
  if (modifier) await page.keyboard.up(modifier);
}

/** The row (0 is the first data row) whose cells contain a text, as the accessibility table
 * lists them. */
export async function rowIndexOf(page: Page, text: string) {
  const row = page.getByRole('row', { includeHidden: true }).filter({ hasText: text }).first();
  await row.waitFor({ state: 'attached' });
  return Number(await row.getAttribute('aria-rowindex')) - 2;
}

/** Rows of the grid holding a text. */
export const rowsWith = (page: Page, text: string) =>
  page.getByRole('row', { includeHidden: true }).filter({ hasText: text });

/** Goes to a row's details page: the cursor on the row, then the toolbar's details button. */
export async function openDetails(page: Page, text: string, column: string, detailsLabel: RegExp) {
  await selectCell(page, column, await rowIndexOf(page, text));
  await page.getByRole('link', { name: detailsLabel }).click();
}

/** In an open picker: types a label, waits until it is the highlighted option, takes it. */
export async function pickOption(page: Page, label: string) {
  await page.keyboard.type(label);
  await page.locator('#portal [role="option"].Mui-focused', { hasText: label }).waitFor();
  await page.keyboard.press('Enter');
}

/** A summit's guests in id order, as the server holds them. */
export const summitGuests = async (client: Session['client'], summitId: number) =>
  (
    await client.getList('attendees', {
      filter: { summitId },
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 100 },
    })
  ).data;

/** The attendee list filtered to one summit, in id order, 50 a page. */
export const guestListUrl = (baseUrl: string, summitId: number) =>
  `${baseUrl}/#/attendees?filter=${encodeURIComponent(JSON.stringify({ summitId }))}&sort=id&order=ASC&perPage=50`;

/**
 * Holds the page's animation frames, as a busy machine delays them, until the returned
 * function lets them run (and waits for one): what the app or Glide defers to the next frame
 * (Glide focuses its canvas a frame after a click) then happens after the keys typed meanwhile.
 */
export async function holdFrames(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const request = window.requestAnimationFrame.bind(window);
    const cancel = window.cancelAnimationFrame.bind(window);
    const held = new Map<number, FrameRequestCallback>();
    let next = -1;
    window.requestAnimationFrame = (callback) => {
      held.set(next, callback);
      return next--;
    };
    window.cancelAnimationFrame = (id) => {
      if (!held.delete(id)) cancel(id);
    };
    w.__releaseFrames = () => {
      window.requestAnimationFrame = request;
      window.cancelAnimationFrame = cancel;
      for (const callback of held.values()) request(callback);
      held.clear();
    };
  });
  return async () => {
    await page.evaluate(() => (window as unknown as { __releaseFrames(): void }).__releaseFrames());
    await settle(page);
  };
}
