import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeChinese } from '../helpers/ime';
import { logIn, shot, startAppServer } from '../helpers/app';
import { clickRowMarker, rowIndexOf } from '../helpers/grid';
import { launchChromium } from '../helpers/browser';
import { ADMIN_PASSWORD, newSummit, rowsOf, type TestServer } from '../helpers/server';
import { recipientOf, startSink, type Sink } from '../helpers/smtp';

// An admin sets up the association's mailbox and tries it; an organiser sends a summit's
// invitations and watches them go, in the summit's 邮件 tab. The mail lands in an SMTP server
// in this process (test/helpers/smtp.ts).
let server: TestServer;
let sink: Sink;
let browser: Browser;
let page: Page;
let cdp: CDPSession;
let summitId: number;

const ORGANISER = { username: 'liufang', password: 'liufang-password-1', displayName: '刘芳' };

const field = (label: RegExp) => page.getByRole('textbox', { name: label });

beforeAll(async () => {
  server = await startAppServer();
  sink = await startSink();
  await server.client.create('users', { data: { ...ORGANISER, role: 'organiser' } });
  summitId = await newSummit(server.client, '青岚新材料产业高峰论坛', '2027-04-20');
  for (const [name, email] of [
    ['周凯', 'zhou.kai@example.com'],
    ['沈文静', 'shen.wenjing@example.com'],
    ['许志远', null],
  ] as const)
    await server.client.create('attendees', {
      data: { summitId, name, role: 'expert', invitation: 'toInvite', ...(email ? { email } : {}) },
    });
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(15_000);
  cdp = await page.context().newCDPSession(page);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await sink?.close();
  await server?.close();
});

describe('mail from the app', () => {
  it('an admin fills in the mailbox, sends a test mail, and saves; the app password is not shown again', async () => {
    await logIn(page, server.url, 'admin', ADMIN_PASSWORD);
    await page.getByRole('menuitem', { name: '邮件发送设置' }).click();
    await field(/SMTP 服务器/).fill('127.0.0.1');
    await page.getByRole('spinbutton', { name: /端口/ }).fill(String(sink.port));
    // port 25-style plain SMTP here (the sink offers no TLS): SSL off
    await page
      .getByRole('switch', { name: /SSL/ })
      .or(page.getByRole('checkbox', { name: /SSL/ }))
      .first()
      .uncheck();
    await field(/^账号/).fill('kexie@example.com');
    await page.getByLabel(/授权码/).fill(sink.password);
    await field(/发件地址/).fill('kexie@example.com');
    await field(/发件人名称/).click();
    await typeChinese(cdp, 'qinglanshikexie', '青岚市科协');
    await page.getByRole('spinbutton', { name: /每分钟最多发送/ }).fill('600');
    await field(/测试邮件发往/).pressSequentially('admin@example.com', { delay: 0 });
    await page.getByRole('button', { name: '发送测试邮件' }).click();
    await expect.poll(() => page.getByText(/测试邮件已发出/).count()).toBe(1);
    expect(sink.received.map(recipientOf)).toEqual(['admin@example.com']);
    expect(sink.received[0].from?.text).toContain('青岚市科协');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('邮件发送设置已保存').waitFor();
    await shot(page, 'mail-settings');
    await page.reload();
    await expect.poll(() => page.getByText('已保存；留空则保持不变').count()).toBe(1);
    expect(await page.getByLabel(/授权码/).inputValue()).toBe('');
    await expect.poll(async () => field(/SMTP 服务器/).inputValue()).toBe('127.0.0.1');
  });

  it('an organiser sends the invitations; the 邮件 tab shows them sent, the guests 已邀请', async () => {
    await page.context().clearCookies();
    await logIn(page, server.url, ORGANISER.username, ORGANISER.password);
    // organisers do not see the mailbox's settings
    expect(await page.getByRole('menuitem', { name: '邮件发送设置' }).count()).toBe(0);
    // nor by their address: the page says why instead of loading for ever
    await page.goto(`${server.url}/#/settings/mail`);
    await page.getByText('您的角色（会务组织）不能修改“邮件发送设置”').waitFor();
    await page.goto(`${server.url}/#/summits/${summitId}/show`);
    await page.getByRole('button', { name: '发送邀请函' }).click();
    await shot(page, 'mail-invite-dialog');
    await page.getByRole('dialog').getByRole('button', { name: '发送' }).click();
    await page.getByText('已加入发件箱：2 封').waitFor();
    await expect.poll(() => page.getByText(/未发送（无邮箱）1 位：许志远/).count()).toBe(1);
    await expect.poll(() => sink.received.length, { timeout: 20_000 }).toBe(3);
    await page.getByRole('tab', { name: '邮件' }).click();
    await expect.poll(() => page.getByText('已发送').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await shot(page, 'mail-outbox-tab');
    const guests = await rowsOf(server.client, 'attendees', { summitId });
    expect(Object.fromEntries(guests.map((g) => [g.name, g.invitation]))).toEqual({
      周凯: 'invited',
      沈文静: 'invited',
      许志远: 'toInvite',
    });
    expect(sink.received.slice(1).map((m) => m.subject)).toEqual([
      '邀请函：青岚新材料产业高峰论坛',
      '邀请函：青岚新材料产业高峰论坛',
    ]);
  });

  it('a guest answers on a phone: confirms with G7531 at 14:32 to 永康南站 and asks for a room; the arrivals tab shows them', async () => {
    const mail = sink.received.find((m) => recipientOf(m) === 'zhou.kai@example.com')!;
    const link = /https?:\/\/\S+\/r\/[A-Za-z0-9_-]{24}/.exec(mail.text ?? '')![0];
    expect(link.startsWith(server.url)).toBe(true);
    const phone = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const guest = await phone.newPage();
    guest.setDefaultTimeout(15_000);
    const guestIme = await phone.newCDPSession(guest);
    await guest.goto(link);
    await guest.getByText('尊敬的周凯：').waitFor();
    await guest.getByLabel('参加', { exact: true }).check();
    await guest.getByLabel('抵达日期').fill('2027-04-19');
    await guest.getByLabel('抵达时间').fill('14:32');
    await guest.getByLabel('交通方式').selectOption({ label: '高铁/火车' });
    await guest.getByLabel('车次 / 航班号').pressSequentially('g7531', { delay: 0 });
    await guest.getByLabel('抵达车站 / 机场').click();
    await typeChinese(guestIme, 'yongkangnanzhan', '永康南站');
    await guest.getByLabel('需要', { exact: true }).check();
    await guest.getByLabel(/住宿/).fill('2');
    await shot(guest, 'reply-page-phone');
    await guest.getByRole('button', { name: '提交回复' }).click();
    await guest.getByText('已收到您的回复，谢谢！').waitFor();
    await shot(guest, 'reply-page-phone-thanks');
    const [zhou] = (await rowsOf(server.client, 'attendees', { summitId })).filter((g) => g.name === '周凯');
    expect(zhou).toMatchObject({
      invitation: 'confirmed',
      arrivalAt: '2027-04-19T06:32:00.000Z',
      arrivalNumber: 'G7531',
      arrivalStation: '永康南站',
      needsPickup: true,
      nights: 2,
    });
    await phone.close();
    // the organiser's arrivals tab and pick-up plan have them, without anyone typing it in
    await page.goto(`${server.url}/#/summits/${summitId}/show/arrivals`);
    await expect.poll(() => page.getByText('永康南站').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('G7531').count()).toBeGreaterThan(0);
    await shot(page, 'reply-arrivals-tab');
  });

  it('an organiser ticks one guest, previews the invitation as that guest will read it, and sends it to them alone', async () => {
    await page.goto(`${server.url}/#/summits/${summitId}/show/attendees-summitId`);
    await expect.poll(() => page.locator('[data-testid="glide-cell-1-0"]').textContent()).toMatch(/\S/);
    await clickRowMarker(page, await rowIndexOf(page, '沈文静'));
    await page.getByRole('toolbar').getByRole('button', { name: '发送邀请函' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('给选中的 1 位嘉宾中有邮箱的发送邀请函').waitFor();
    await expect.poll(() => dialog.getByTestId('invitation-preview').textContent()).toContain('尊敬的沈文静：');
    await dialog.getByLabel('English').check();
    await expect.poll(() => dialog.getByTestId('invitation-preview').textContent()).toContain('Dear 沈文静,');
    await shot(page, 'mail-invite-ticked');
    const before = sink.received.length;
    await dialog.getByRole('button', { name: '发送' }).click();
    await page.getByText('已加入发件箱：1 封').waitFor();
    await expect.poll(() => sink.received.length, { timeout: 20_000 }).toBe(before + 1);
    expect(recipientOf(sink.received.at(-1)!)).toBe('shen.wenjing@example.com');
    expect(sink.received.at(-1)!.subject).toBe('Invitation: 青岚新材料产业高峰论坛');
  });
});
