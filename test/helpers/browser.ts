import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, headless, with no background traffic (the test machines have no
 * network beyond the loopback). Playwright gives every launch a fresh --user-data-dir of its
 * own (it refuses one passed in args). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const screenshotDir = path.resolve('test-output/screenshots');
