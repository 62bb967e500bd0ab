import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot } from '../helpers/app';
import { launchChromium } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';

// Issue 17, a new user's walk: the login page names the product, in the page's language, and
// a locked-out login says its wait in minutes.
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  // the second wrong password makes the account wait the longest: 15 minutes
  server = await startTestServer({ staticDir: path.resolve('dist'), throttle: { free: 1, baseMs: 3_600_000 } });
  await server.client.create('users', {
    data: { username: 'liming', displayName: '李明', role: 'organiser', password: 'organiser-pass-1' },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function loginPage(locale: string) {
  const page = await browser.newPage({ locale, viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(15_000);
  await page.goto(server.url);
  await page.getByRole('button', { name: /Sign in|登录/ }).waitFor();
  return page;
}

describe('the login page', () => {
  it.each([
    ['zh-CN', '会务', 'login-title-zh'],
    ['en-US', 'Huiwu', 'login-title-en'],
  ])('in %s names the product above the form', async (locale, title, name) => {
    const page = await loginPage(locale);
    const heading = page.getByRole('heading', { level: 1, name: title, exact: true });
    await heading.waitFor();
    const username = page.getByRole('textbox', { name: /Username|用户名/ });
    expect((await heading.boundingBox())!.y).toBeLessThan((await username.boundingBox())!.y);
    await shot(page, name);
    await page.close();
  });

  it('says a lockout’s wait in minutes', async () => {
    const page = await loginPage('zh-CN');
    /** a login sent from the form; its answer's status */
    const tryPassword = async (password: string) => {
      await page.getByRole('textbox', { name: '用户名' }).fill('liming');
      await page.getByLabel(/^密码/).fill(password);
      const answer = page.waitForResponse((res) => res.url().endsWith('/api/auth/login'));
      await page.getByRole('button', { name: '登录' }).click();
      return (await answer).status();
    };
    expect(await tryPassword('guess-1')).toBe(401);
    expect(await tryPassword('guess-2')).toBe(401);
    // the right password, too late
    expect(await tryPassword('organiser-pass-1')).toBe(429);
    await page.getByText('尝试次数过多，请 15 分钟后再试').waitFor();
    await shot(page, 'login-locked-out');
    await page.close();
  });
});
