import ExcelJS from 'exceljs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { newSummit, rowsOf, startTestServer, type TestServer } from '../helpers/server';
import { recipientOf, settingsFor, startSink, type Sink } from '../helpers/smtp';

/**
 * The guests' own reply pages: the link in each invitation, what opening it does (nothing) and
 * what answering does (the guest's record, dated, in their history), links replaced and
 * expired, guesses throttled, SMS codes, reminders. Mail goes to a real SMTP server in this
 * process (test/helpers/smtp.ts).
 */

let sink: Sink;
const servers: TestServer[] = [];
const start = async (options: Parameters<typeof startTestServer>[0] = {}) => {
  const server = await startTestServer({ outbox: { pollMs: 50, retryBaseMs: 100, reminderEveryMs: 100 }, ...options });
  servers.push(server);
  await server.api('/settings/mail', { method: 'PUT', body: JSON.stringify(settingsFor(sink)) });
  return server;
};

beforeAll(async () => {
  sink = await startSink();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  sink.received.length = 0;
});
afterAll(() => sink.close());

const LINK = /\/r\/([A-Za-z0-9_-]{24})(?![A-Za-z0-9_-])/;
const tokenOf = (mail: ParsedMail) => LINK.exec(mail.text ?? '')?.[1] ?? '';
const mailTo = (address: string) => sink.received.filter((mail) => recipientOf(mail) === address);

/** a summit with these guests (each with an e-mail; phones where given) */
async function summitWith(server: TestServer, guests: { name: string; email?: string; phone?: string }[], summit = {}) {
  const summitId = await newSummit(server.client, `回复测试 ${Math.random().toString(36).slice(2, 8)}`);
  await patch(server, 'summits', summitId, { contact: '会务组 王老师 0579-87123456', ...summit });
  const ids: number[] = [];
  for (const guest of guests) {
    const { data } = await server.client.create('attendees', {
      data: { summitId, role: 'expert', invitation: 'toInvite', ...guest },
    });
    ids.push(data.id as number);
  }
  return { summitId, ids };
}

async function inviteAll(server: TestServer, summitId: number, count: number, lang = 'zh') {
  const before = sink.received.length;
  const res = await server.api(`/summits/${summitId}/invitations`, { method: 'POST', body: JSON.stringify({ lang }) });
  expect(res.status).toBe(202);
  await vi.waitFor(() => expect(sink.received.length - before).toBe(count), { timeout: 20_000 });
}

/** the reply page as a browser fetches it: no session, no API headers */
const page = (server: TestServer, address: string, init: RequestInit = {}) =>
  fetch(`${server.url}${address}`, { redirect: 'manual', ...init });
const post = (server: TestServer, address: string, form: Record<string, string>) =>
  page(server, address, { method: 'POST', body: new URLSearchParams(form) });

/** a change made in the app (a PATCH of the fields given) */
async function patch(server: TestServer, resource: string, id: number, data: object) {
  const res = await server.api(`/${resource}/${id}`, { method: 'PATCH', body: JSON.stringify(data) });
  expect(res.status).toBe(200);
}
const guest = async (server: TestServer, id: number) => (await server.client.getOne('attendees', { id })).data;
const trailOf = async (server: TestServer, id: number) =>
  rowsOf(server.client, 'audit', { resource: 'attendees', recordId: String(id) });

const coming = {
  decision: 'yes',
  arrivalDate: '2027-05-24',
  arrivalTime: '14:32',
  arrivalMode: 'train',
  arrivalNumber: 'g7531',
  arrivalStation: '永康南站',
  needsPickup: 'yes',
  nights: '2',
  diet: '清真',
  companions: '秘书 1 人',
};

describe('invitations with a link of their own', () => {
  it('200 invitations: 200 mails arrive, each with its own working link; no token is stored or logged in clear', async () => {
    const logged: string[] = [];
    const spies = (['log', 'info', 'warn', 'error'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))),
    );
    const server = await start();
    const guests = Array.from({ length: 200 }, (_, i) => ({
      name: `嘉宾${i + 1}`,
      email: `guest${i + 1}@example.com`,
    }));
    const { summitId } = await summitWith(server, guests);
    await inviteAll(server, summitId, 200);
    const tokens = sink.received.map(tokenOf);
    expect(new Set(tokens).size).toBe(200);
    expect(tokens.every((token) => token.length === 24)).toBe(true);
    // each link opens its own guest's page
    for (const mail of sink.received.slice(0, 200)) {
      const res = await page(server, `/r/${tokenOf(mail)}`);
      expect(res.status).toBe(200);
      const n = /guest(\d+)@/.exec(recipientOf(mail))![1];
      expect(await res.text()).toContain(`尊敬的嘉宾${n}：`);
    }
    // stored: only hashes; the outbox keeps the mail with the link's place marked
    const keys = (await server.records.page('replyKeys', {})).page;
    const hashes = new Set(keys.map((key) => key.hash));
    for (const token of tokens)
      expect(hashes.has(createHash('sha256').update(`link:${token}`).digest('hex'))).toBe(true);
    const stored = JSON.stringify([keys, await rowsOf(server.client, 'outbox', { summitId }, 500)]);
    const files = server.store
      ? fs.readdirSync(server.dir).map((name) => fs.readFileSync(path.join(server.dir, name), 'latin1'))
      : [];
    for (const token of tokens) {
      expect(stored).not.toContain(token);
      for (const file of files) expect(file).not.toContain(token);
      for (const line of logged) expect(line).not.toContain(token);
    }
    expect(stored).toContain('/r/【发送时生成】');
    spies.forEach((spy) => spy.mockRestore());
  });

  it('opening every link (a mail scanner does) changes nothing; answering does, dated and in the guest’s history', async () => {
    const server = await start();
    const { summitId, ids } = await summitWith(server, [
      { name: '林青', email: 'lin@example.com', phone: '13812345678' },
      { name: '周岚', email: 'zhou@example.com' },
    ]);
    await inviteAll(server, summitId, 2);
    const before = await Promise.all(ids.map((id) => guest(server, id)));
    const trails = await Promise.all(ids.map((id) => trailOf(server, id)));
    for (const mail of sink.received) for (let i = 0; i < 3; i++) await page(server, `/r/${tokenOf(mail)}`);
    const html = await (await page(server, `/r/${tokenOf(mailTo('lin@example.com')[0])}`)).text();
    // masked, no referrer, nothing from elsewhere
    expect(html).toContain('138****5678');
    expect(html).not.toContain('13812345678');
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(await Promise.all(ids.map((id) => guest(server, id)))).toEqual(before);
    expect(await Promise.all(ids.map((id) => trailOf(server, id)))).toEqual(trails);

    const res = await post(server, `/r/${tokenOf(mailTo('lin@example.com')[0])}`, coming);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('已收到您的回复');
    expect(await guest(server, ids[0])).toMatchObject({
      invitation: 'confirmed',
      arrivalAt: '2027-05-24T06:32:00.000Z',
      arrivalMode: 'train',
      arrivalNumber: 'G7531',
      arrivalStation: '永康南站',
      needsPickup: true,
      nights: 2,
      diet: '清真',
      companions: '秘书 1 人',
    });
    expect((await guest(server, ids[0])).repliedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [latest] = (await trailOf(server, ids[0])).slice(-1);
    expect(latest).toMatchObject({ username: '林青（回复页）', action: 'update' });
    // an organiser (not only an admin) reads it in the guest's history
    const organiser = await server.userWithRole('organiser');
    const history = await (await organiser.api(`/attendees/${ids[0]}/history`)).json();
    expect(history[0]).toMatchObject({ username: '林青（回复页）', after: { invitation: 'confirmed', arrivalNumber: 'G7531' } });
    const viewer = await server.userWithRole('viewer');
    expect((await viewer.api(`/attendees/${ids[0]}/history`)).status).toBe(403);
    expect(latest.after).toMatchObject({ invitation: 'confirmed', arrivalNumber: 'G7531' });
    // the pick-up plan groups them by day, station and hour
    const pickups = await (
      await server.api(`/attendees/pickups?filter=${encodeURIComponent(JSON.stringify({ summitId }))}`)
    ).json();
    expect(JSON.stringify(pickups)).toContain('永康南站');

    // declining, with a reason
    const no = await post(server, `/r/${tokenOf(mailTo('zhou@example.com')[0])}`, {
      decision: 'no',
      replyNote: '出国访问',
    });
    expect(no.status).toBe(200);
    expect(await guest(server, ids[1])).toMatchObject({ invitation: 'declined', replyNote: '出国访问' });
  });

  it('the invitation carries the guest’s check-in code, as text and as a QR code that reads back', async () => {
    const server = await start();
    const { summitId, ids } = await summitWith(server, [{ name: '林青', email: 'lin@example.com' }]);
    await inviteAll(server, summitId, 1);
    const { checkInCode } = await guest(server, ids[0]);
    expect(checkInCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    const [mail] = sink.received;
    expect(mail.text).toContain(`签到码：${checkInCode}`);
    const [qr] = mail.attachments;
    expect([qr.filename, qr.contentType]).toEqual([`checkin-${checkInCode}.png`, 'image/png']);
    const png = PNG.sync.read(qr.content);
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(`HUIWU:${checkInCode}`);
  });

  it('a wrong time or number is refused on the page, field by field, and nothing is saved', async () => {
    const server = await start();
    const { summitId, ids } = await summitWith(server, [{ name: '林青', email: 'lin@example.com' }]);
    await inviteAll(server, summitId, 1);
    const before = await guest(server, ids[0]);
    const res = await post(server, `/r/${tokenOf(sink.received[0])}`, { ...coming, arrivalTime: '', nights: '-3' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('请修改标出的内容');
    // what they typed stays in the boxes
    expect(html).toContain('value="永康南站"');
    expect(await guest(server, ids[0])).toEqual(before);
    // an arrival after the summit, a pick-up with no time to meet: refused, saying why
    const late = await post(server, `/r/${tokenOf(sink.received[0])}`, { ...coming, arrivalDate: '2027-06-20' });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain('抵达日期应在 2027-05-18 至 2027-05-26 之间');
    const unmet = await post(server, `/r/${tokenOf(sink.received[0])}`, {
      ...coming,
      arrivalDate: '',
      arrivalTime: '',
    });
    expect(unmet.status).toBe(400);
    expect(await unmet.text()).toContain('需要接站时，请填写抵达日期和时间');
    expect(await guest(server, ids[0])).toEqual(before);
  });

  it('twenty answers sent at once from one page: one is saved, the others are told the record changed', async () => {
    const server = await start();
    const { summitId, ids } = await summitWith(server, [{ name: '林青', email: 'lin@example.com' }]);
    await inviteAll(server, summitId, 1);
    const token = tokenOf(sink.received[0]);
    const { version } = await guest(server, ids[0]);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(server, `/r/${token}`, { ...coming, arrivalNumber: `G${7500 + i}`, version: String(version) }),
      ),
    );
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const saved = await guest(server, ids[0]);
    expect(saved.version).toBe(version + 1);
    const replies = (await trailOf(server, ids[0])).filter((entry) => entry.username === '林青（回复页）');
    expect(replies).toHaveLength(1);
    expect(replies[0].after.arrivalNumber).toBe(saved.arrivalNumber);
  });
});

describe('links that no longer open', () => {
  it('a link replaced by a new invitation answers 410 saying so; the new one works', async () => {
    const server = await start();
    const { summitId, ids } = await summitWith(server, [{ name: '林青', email: 'lin@example.com' }]);
    await inviteAll(server, summitId, 1);
    const [first] = await rowsOf(server.client, 'outbox', { summitId });
    expect((await server.api(`/outbox/${first.id}/resend`, { method: 'POST' })).status).toBe(202);
    await vi.waitFor(() => expect(sink.received).toHaveLength(2), { timeout: 10_000 });
    const old = await page(server, `/r/${tokenOf(sink.received[0])}`);
    expect(old.status).toBe(410);
    expect(await old.text()).toContain('已被一封新的邀请邮件取代');
    expect((await page(server, `/r/${tokenOf(sink.received[1])}`)).status).toBe(200);
    expect(await guest(server, ids[0])).toMatchObject({ invitation: 'invited' });
  });

  it('a new invitation that bounces leaves the guest the link they have', async () => {
    const server = await start();
    const { summitId } = await summitWith(server, [{ name: '林青', email: 'lin@example.com' }]);
    await inviteAll(server, summitId, 1);
    const [first] = await rowsOf(server.client, 'outbox', { summitId });
    sink.refuse = (to) => (to === 'lin@example.com' ? { code: 550, message: '550 5.1.1 User unknown' } : null);
    expect((await server.api(`/outbox/${first.id}/resend`, { method: 'POST' })).status).toBe(202);
    await vi.waitFor(async () => expect((await rowsOf(server.client, 'outbox', { summitId }))[0].state).toBe('failed'), {
      timeout: 10_000,
    });
    sink.refuse = () => null;
    expect((await page(server, `/r/${tokenOf(sink.received[0])}`)).status).toBe(200);
  });

  it('after the deadline the page shows the answers and whom to call; a change is refused', async () => {
    const server = await start();
    const { summitId, ids } = await summitWith(server, [{ name: '林青', email: 'lin@example.com' }]);
    await inviteAll(server, summitId, 1);
    await patch(server, 'summits', summitId, { replyBy: '2020-01-01' });
    const token = tokenOf(sink.received[0]);
    const shown = await page(server, `/r/${token}`);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('会务组 王老师 0579-87123456');
    const refused = await post(server, `/r/${token}`, coming);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('回复已于 2020年1月1日 截止');
    expect(await guest(server, ids[0])).toMatchObject({ invitation: 'invited', arrivalNumber: null });
  });

  it('once the summit is over the link answers 410', async () => {
    const server = await start();
    const { summitId } = await summitWith(server, [{ name: '林青', email: 'lin@example.com' }]);
    await inviteAll(server, summitId, 1);
    await patch(server, 'summits', summitId, { startsOn: '2020-05-01', endsOn: '2020-05-02' });
    const res = await page(server, `/r/${tokenOf(sink.received[0])}?lang=en`);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('The event is over');
  });

  it('100 wrong tokens from one address get 429; a right one from there still opens its page', async () => {
    const server = await start();
    const { summitId } = await summitWith(server, [{ name: '林青', email: 'lin@example.com' }]);
    await inviteAll(server, summitId, 1);
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) statuses.push((await page(server, `/r/wrong-token-${i}-xxxxxxxxxxxx`)).status);
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(31);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(69);
    const wrong = await page(server, '/r/wrong-token-again-xxxxxxxxxxx');
    expect(wrong.status).toBe(429);
    expect(wrong.headers.get('retry-after')).toMatch(/^\d+$/);
    // a guest behind the same address (a hotel's Wi-Fi) is not locked out by someone's misses
    expect((await page(server, `/r/${tokenOf(sink.received[0])}`)).status).toBe(200);
  });

  it('SMS codes tried 200 at once from one address: each counted before it is checked, about 30 checked', async () => {
    const server = await start();
    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        post(server, '/r', { code: `ZZZZ${String(i).padStart(4, '2')}`, tail: '1234' }),
      ),
    ).then((answers) => answers.map((res) => res.status));
    expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(31);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(169);
  });

  it('a form posted without the choice, or with fields twice, changes nothing and breaks nothing', async () => {
    const server = await start();
    const { summitId, ids } = await summitWith(server, [{ name: '林青', email: 'lin@example.com' }]);
    await inviteAll(server, summitId, 1);
    const token = tokenOf(sink.received[0]);
    const before = await guest(server, ids[0]);
    for (const body of ['', 'decision=maybe', 'decision=&diet=x', 'arrivalNumber=G1'])
      expect((await page(server, `/r/${token}`, { method: 'POST', body: new URLSearchParams(body) })).status).toBe(400);
    const noChoice = await page(server, `/r/${token}`, { method: 'POST', body: new URLSearchParams('') });
    expect(await noChoice.text()).toContain('请选择是否参加');
    expect(await guest(server, ids[0])).toEqual(before);
    const twice = await page(server, `/r/${token}`, {
      method: 'POST',
      body: new URLSearchParams('decision=no&replyNote=a&replyNote=b&nights=1&nights=2'),
    });
    expect(twice.status).toBe(200);
    expect(await guest(server, ids[0])).toMatchObject({ invitation: 'declined', replyNote: 'a' });
    // confirming with the nights left empty is not "no room": they stay unknown
    await post(server, `/r/${token}`, { ...coming, nights: '' });
    expect(await guest(server, ids[0])).toMatchObject({ invitation: 'confirmed', nights: null });
  });
});

describe('templates', () => {
  it('a summit’s own template is filled for each guest, previewed before sending; an unknown field is refused by name', async () => {
    const server = await start();
    const { summitId, ids } = await summitWith(server, [
      { name: '林青', email: 'lin@example.com', salutation: '教授' } as never,
    ]);
    const bad = await server.api(`/summits/${summitId}`, {
      method: 'PATCH',
      body: JSON.stringify({ inviteBody: '{姓名}{职称}：请回复 {回复链接}' }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.inviteBody).toContain('{职称}');
    await patch(server, 'summits', summitId, {
      inviteSubject: '诚邀{姓名}{称谓}出席{峰会}',
      inviteBody: '{姓名}{称谓}：请于{回复截止}前回复 {回复链接}',
      replyBy: '2027-05-10',
    });
    const preview = await (
      await server.api(`/summits/${summitId}/invitations/preview?attendeeId=${ids[0]}&lang=zh`)
    ).json();
    expect(preview.subject).toMatch(/^诚邀林青教授出席回复测试/);
    expect(preview.body).toContain('林青教授：请于2027年5月10日前回复 http');
    await inviteAll(server, summitId, 1);
    expect(sink.received[0].subject).toBe(preview.subject);
    expect(sink.received[0].text).toContain('林青教授：请于2027年5月10日前回复 http');
    expect(tokenOf(sink.received[0])).toHaveLength(24);
  });
});

describe('SMS without links', () => {
  it('the SMS list gives each guest a code; the code and the phone’s last four digits open their page', async () => {
    const server = await start();
    const { summitId, ids } = await summitWith(server, [{ name: '林青', phone: '13812345678' }, { name: '周岚' }]);
    const res = await server.api(`/summits/${summitId}/sms-list`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const rows = workbook.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0].slice(1, 4)).toEqual(['手机号码', '姓名', '回复码']);
    const [, phone, name, code, text] = rows[1];
    expect([phone, name]).toEqual(['13812345678', '林青']);
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(text).toContain(`输入回复码 ${code}`);
    expect(text).not.toMatch(/\/r\/\S/);
    expect([workbook.worksheets[1].getCell('A2').value, workbook.worksheets[1].getCell('B2').value]).toEqual([
      '周岚',
      '无手机号',
    ]);
    // the list is how they were invited
    expect(await guest(server, ids[0])).toMatchObject({ invitation: 'invited' });
    expect((await guest(server, ids[0])).invitedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // a second list leaves out whoever has a code already: their SMS may be on its way
    const again = await server.api(`/summits/${summitId}/sms-list`, { method: 'POST', body: '{}' });
    const second = new ExcelJS.Workbook();
    await second.xlsx.load(Buffer.from(await again.arrayBuffer()) as never);
    expect(second.worksheets[0].rowCount).toBe(1);
    expect(second.worksheets[1].getCell('B2').value).toBe('已有回复码（此前导出）');

    expect((await post(server, '/r', { code: String(code), tail: '0000' })).status).toBe(400);
    const opened = await post(server, '/r', { code: String(code).toLowerCase(), tail: '5678' });
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('尊敬的林青：');
    const answered = await post(server, '/r', { code: String(code), tail: '5678', ...coming });
    expect(answered.status).toBe(200);
    expect(await guest(server, ids[0])).toMatchObject({ invitation: 'confirmed', arrivalNumber: 'G7531' });

    // a new list without them (they answered) leaves their code; one naming them replaces it
    await server.api(`/summits/${summitId}/sms-list`, { method: 'POST', body: '{}' });
    expect((await post(server, '/r', { code: String(code), tail: '5678' })).status).toBe(200);
    await server.api(`/summits/${summitId}/sms-list`, {
      method: 'POST',
      body: JSON.stringify({ ids: [ids[0]], renew: true }),
    });
    const replaced = await post(server, '/r', { code: String(code), tail: '5678' });
    expect(replaced.status).toBe(410);
    expect(await replaced.text()).toContain('这个回复码已被新的回复码取代');
  });
});

describe('reminders', () => {
  /** a clock running from 10:00 in Beijing on 18 May 2027, a week before the summit; `days`
   * moves it on */
  const clock = { days: 0, started: Date.now() };
  const now = () => Date.parse('2027-05-18T02:00:00Z') + clock.days * 86_400_000 + (Date.now() - clock.started);

  it('go once to guests who have not answered, N days before the deadline; a re-confirmation the day before arrival', async () => {
    const server = await start({ now });
    const { summitId, ids } = await summitWith(
      server,
      [
        { name: '林青', email: 'lin@example.com' },
        { name: '周岚', email: 'zhou@example.com' },
        { name: '王川', email: 'wang@example.com' },
      ],
      { replyBy: '2027-05-22', remindDays: 3 },
    );
    await inviteAll(server, summitId, 3);
    // 周岚 answers; 王川 confirmed arriving tomorrow, met by 王师傅
    await post(server, `/r/${tokenOf(mailTo('zhou@example.com')[0])}`, { decision: 'no', replyNote: '出差' });
    await post(server, `/r/${tokenOf(mailTo('wang@example.com')[0])}`, { ...coming, arrivalDate: '2027-05-21' });
    await patch(server, 'attendees', ids[2], { pickupBy: '王师傅' });
    // none yet on the 18th: the reminders start on the 19th, the re-confirmation on the 20th
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.received).toHaveLength(3);
    clock.days = 2;
    await vi.waitFor(() => expect(sink.received).toHaveLength(5), { timeout: 10_000 });
    // and no more, however many rounds pass
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(sink.received).toHaveLength(5);
    const [reminder] = mailTo('lin@example.com').slice(1);
    expect(reminder.subject).toContain('回复提醒');
    expect(reminder.text).toContain('将于2027年5月22日截止');
    // the reminder's own link opens the page; the invitation's still does
    expect((await page(server, `/r/${tokenOf(reminder)}`)).status).toBe(200);
    expect((await page(server, `/r/${tokenOf(mailTo('lin@example.com')[0])}`)).status).toBe(200);
    const [reconfirm] = mailTo('wang@example.com').slice(1);
    expect(reconfirm.text).toContain('明天 14:32 G7531 抵达永康南站，接站人员 王师傅');
    expect((await page(server, `/r/${tokenOf(reconfirm)}`)).status).toBe(200);
    expect(mailTo('zhou@example.com')).toHaveLength(1);
    // a restart sends none again
    const { dir } = server;
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    await start({ dir, now });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(sink.received).toHaveLength(5);
  });
});
