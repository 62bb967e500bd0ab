import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, screenshotDir } from './browser';
import { ADMIN_PASSWORD, startDemoServer } from './server';

/** The built app (dist/, made by `npm test` before vitest runs) on the real server, over a
 * copy of the demo data. */
export async function startAppServer() {
  const dist = path.resolve('dist');
  if (!fs.existsSync(path.join(dist, 'index.html')))
    throw new Error('dist/ is missing: run `npx vite build` (npm test does) first');
  fs.mkdirSync(screenshotDir, { recursive: true });
  return startDemoServer({ staticDir: dist });
}

/** Logs in through the login page, in whichever language the page shows. */
export async function logIn(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(baseUrl);
  await page.getByRole('textbox', { name: /Username|用户名/ }).fill(username);
  await page.getByLabel(/^(Password|密码)/).fill(password);
  await page.getByRole('button', { name: /Sign in|登录/ }).click();
  await page.getByRole('menuitem', { name: /Dashboard|仪表盘/ }).waitFor();
}

/** A screenshot once MUI's transitions (dialogs fade in over 225 ms) have settled. */
export async function shot(page: Page, name: string) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

/** Chromium with one page, in Chinese, logged in as the admin: how most browser tests begin. */
export async function openLoggedIn(
  server: { url: string },
  options: { viewport?: { width: number; height: number }; permissions?: string[]; acceptDownloads?: boolean } = {},
) {
  const browser = await launchChromium();
  const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 }, ...options });
  page.setDefaultTimeout(15_000);
  await logIn(page, server.url, 'admin', ADMIN_PASSWORD);
  return { browser, page };
}
