import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launchChromium } from '../helpers/browser';
import { root } from './servers';

/** The JavaScript the first screen needs: the entry script and what index.html preloads, gzipped. */
export function firstScreenKb(): number | null {
  const dist = path.join(root, 'dist');
  const html = path.join(dist, 'index.html');
  if (!fs.existsSync(html)) return null;
  const text = fs.readFileSync(html, 'utf8');
  const files = [...text.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  return files.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(dist, file))).length, 0) / 1024;
}

/** In Chromium, from navigating to the attendee list to its grid showing the first rows. */
export async function gridFirstRowsMs(url: string, password: string): Promise<number | null> {
  if (!fs.existsSync(path.join(root, 'dist/index.html'))) return null;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    await page.goto(url);
    await page.getByRole('textbox', { name: /Username|用户名/ }).fill('admin');
    await page.getByLabel(/^(Password|密码)/).fill(password);
    await page.getByRole('button', { name: /Sign in|登录/ }).click();
    await page.getByRole('menuitem', { name: /Dashboard|仪表盘/ }).waitFor();
    // a fresh load, as after opening a bookmark: scripts, session check, the first page of rows
    await page.goto('about:blank');
    const started = Date.now();
    await page.goto(`${url}/#/attendees`);
    await page
      .locator('[data-testid="glide-cell-1-0"]')
      .filter({ hasText: /\S/ })
      .waitFor({ state: 'attached', timeout: 60_000 });
    return Date.now() - started;
  } finally {
    await browser.close();
  }
}
