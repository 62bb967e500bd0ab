import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { newSummit, rowsOf, startTestServer, type TestServer } from '../helpers/server';
import { recipientOf, settingsFor, startSink, type Sink } from '../helpers/smtp';

/**
 * Invitations by e-mail through the outbox, against a real SMTP server in this process
 * (test/helpers/smtp.ts): what arrives, what is retried, what is given up, and what the guests'
 * records say afterwards.
 */

let sink: Sink;
const servers: TestServer[] = [];
/** a server that sends quickly: looks for mail every 50 ms, retries after 100 ms, 200 ms … */
const start = async (options: Parameters<typeof startTestServer>[0] = {}) => {
  const server = await startTestServer({ outbox: { pollMs: 50, retryBaseMs: 100 }, ...options });
  servers.push(server);
  return server;
};

beforeAll(async () => {
  sink = await startSink();
});
afterEach(async () => {
  // the servers first: a worker still sending would leave its mail in the next test's count
  await Promise.all(servers.splice(0).map((s) => s.close()));
  sink.refuse = () => null;
  sink.received.length = 0;
  sink.asked.length = 0;
});
afterAll(() => sink.close());

const json = (body: unknown) => ({ body: JSON.stringify(body) });

/** a summit of its own with these guests (name → e-mail, or null for none) */
async function summitWith(server: TestServer, guests: Record<string, string | null>) {
  const summitId = await newSummit(server.client, `邀请测试 ${Math.random().toString(36).slice(2, 8)}`);
  const ids: Record<string, number> = {};
  for (const [name, email] of Object.entries(guests)) {
    const { data } = await server.client.create('attendees', {
      data: { summitId, name, role: 'expert', invitation: 'toInvite', ...(email ? { email } : {}) },
    });
    ids[name] = data.id as number;
  }
  return { summitId, ids };
}

const guestsOf = async (server: TestServer, summitId: number) =>
  Object.fromEntries((await rowsOf(server.client, 'attendees', { summitId })).map((g) => [g.name, g]));
const mailsOf = async (server: TestServer, summitId: number) => rowsOf(server.client, 'outbox', { summitId }, 500);

async function invite(server: TestServer, summitId: number, body: object = {}) {
  const res = await server.api(`/summits/${summitId}/invitations`, { method: 'POST', ...json(body) });
  expect(res.status).toBe(202);
  return (await res.json()) as { queued: number; skipped: { name: string; reason: string }[] };
}

describe('mail settings', () => {
  it('admins save them; the app password is kept for sending and never served', async () => {
    const server = await start();
    expect(await (await server.api('/settings/mail')).json()).toMatchObject({ passwordSet: false, port: 465 });
    const saved = await server.api('/settings/mail', { method: 'PUT', ...json(settingsFor(sink)) });
    expect(saved.status).toBe(200);
    const shown = await (await server.api('/settings/mail')).json();
    expect(shown).toMatchObject({ host: '127.0.0.1', port: sink.port, passwordSet: true, perMinute: 6000 });
    expect(JSON.stringify(shown)).not.toContain(sink.password);
    // a change without the password keeps it: the next mail still logs in
    const { password: _p, ...rest } = settingsFor(sink, { fromName: '青岚市科学技术协会' });
    expect((await server.api('/settings/mail', { method: 'PUT', ...json(rest) })).status).toBe(200);
    const { summitId } = await summitWith(server, { 林青: 'lin.qing@example.com' });
    await invite(server, summitId);
    await vi.waitFor(() => expect(sink.received).toHaveLength(1), { timeout: 10_000 });
    expect(sink.received[0].from?.text).toContain('青岚市科学技术协会');
  });

  it('are checked as a record is: each wrong field named, nothing saved', async () => {
    const server = await start();
    const res = await server.api('/settings/mail', {
      method: 'PUT',
      ...json(settingsFor(sink, { port: 70000, from: 'not an address', password: 'short' })),
    });
    expect(res.status).toBe(400);
    const { message, errors } = await res.json();
    expect(Object.keys(errors).sort()).toEqual(['from', 'password', 'port']);
    expect(message).toMatch(/Port/);
    expect(await (await server.api('/settings/mail')).json()).toMatchObject({ passwordSet: false });
  });

  it('are for admins only', async () => {
    const server = await start();
    const organiser = await server.userWithRole('organiser');
    expect((await organiser.api('/settings/mail')).status).toBe(403);
    expect((await organiser.api('/settings/mail', { method: 'PUT', ...json(settingsFor(sink)) })).status).toBe(403);
  });

  it('a test mail goes through the settings given, and says what the server answered', async () => {
    const server = await start();
    const ok = await server.api('/settings/mail/test', {
      method: 'POST',
      ...json({ ...settingsFor(sink), to: 'admin@example.com' }),
    });
    expect(await ok.json()).toMatchObject({ sent: true, answer: expect.stringMatching(/^250/) });
    expect(sink.received.map(recipientOf)).toEqual(['admin@example.com']);
    const wrong = await server.api('/settings/mail/test', {
      method: 'POST',
      ...json({ ...settingsFor(sink, { password: 'wrong-password' }), to: 'admin@example.com' }),
    });
    expect(await wrong.json()).toMatchObject({
      sent: false,
      outcome: 'settings',
      answer: expect.stringMatching(/535/),
    });
    const noAddress = await server.api('/settings/mail/test', { method: 'POST', ...json(settingsFor(sink)) });
    expect(noAddress.status).toBe(400);
  });
});

describe('invitations through the outbox', () => {
  it('each guest to invite gets one mail at their address; once sent they are 已邀请, dated', async () => {
    const server = await start();
    await server.api('/settings/mail', { method: 'PUT', ...json(settingsFor(sink)) });
    const { summitId } = await summitWith(server, {
      王建国: 'wang.jianguo@example.com',
      陈晓红: 'chen.xiaohong@example.com',
      李明: null,
    });
    const answer = await invite(server, summitId);
    expect(answer).toEqual({
      queued: 2,
      skipped: [{ id: expect.anything(), name: '李明', reason: 'noEmail' }],
      mailReady: true,
    });
    await vi.waitFor(async () => {
      const mails = await mailsOf(server, summitId);
      expect(mails.map((m) => m.state)).toEqual(['sent', 'sent']);
    });
    expect(sink.received.map(recipientOf).sort()).toEqual(['chen.xiaohong@example.com', 'wang.jianguo@example.com']);
    const wang = sink.received.find((m) => recipientOf(m) === 'wang.jianguo@example.com')!;
    expect(wang.subject).toMatch(/^邀请函：邀请测试/);
    expect(wang.text).toContain('尊敬的王建国');
    const guests = await guestsOf(server, summitId);
    expect(guests['王建国']).toMatchObject({
      invitation: 'invited',
      invitedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(guests['李明']).toMatchObject({ invitation: 'toInvite' });
    // inviting again: nobody is still to invite but 李明, who has no address
    expect(await invite(server, summitId)).toMatchObject({ queued: 0 });
  });

  it('421, then 250: the mail is tried again and arrives once', async () => {
    const server = await start();
    await server.api('/settings/mail', { method: 'PUT', ...json(settingsFor(sink)) });
    sink.refuse = (_to, tries) => (tries === 1 ? { code: 421, message: 'Service not available, try again' } : null);
    const { summitId } = await summitWith(server, { 赵磊: 'zhao.lei@example.com' });
    await invite(server, summitId);
    await vi.waitFor(async () => expect((await mailsOf(server, summitId))[0].state).toBe('sent'), { timeout: 10_000 });
    const [mail] = await mailsOf(server, summitId);
    expect(mail).toMatchObject({ attempts: 2, lastAnswer: expect.stringMatching(/^250/) });
    expect(sink.asked).toEqual(['zhao.lei@example.com', 'zhao.lei@example.com']);
    expect(sink.received).toHaveLength(1);
  });

  it('550 for one address: that guest’s e-mail is marked as bouncing, the others are sent', async () => {
    const server = await start();
    await server.api('/settings/mail', { method: 'PUT', ...json(settingsFor(sink)) });
    sink.refuse = (to) => (to === 'nobody@example.com' ? { code: 550, message: '5.1.1 Mailbox not found' } : null);
    const { summitId } = await summitWith(server, {
      孙悦: 'sun.yue@example.com',
      周杰: 'nobody@example.com',
      吴芳: 'wu.fang@example.com',
    });
    await invite(server, summitId);
    await vi.waitFor(async () => {
      const states = (await mailsOf(server, summitId)).map((m) => m.state).sort();
      expect(states).toEqual(['failed', 'sent', 'sent']);
    });
    // (each guest's move is a write of its own, just after their mail's)
    await vi.waitFor(async () => {
      const guests = await guestsOf(server, summitId);
      expect(guests['周杰']).toMatchObject({ emailBouncing: true, invitation: 'toInvite' });
      expect(guests['孙悦']).toMatchObject({ emailBouncing: false, invitation: 'invited' });
    });
    const guests = await guestsOf(server, summitId);
    const failed = (await mailsOf(server, summitId)).find((m) => m.state === 'failed')!;
    expect(failed).toMatchObject({ attempts: 1, lastAnswer: expect.stringMatching(/550.*Mailbox not found/) });
    // a bouncing address is left out of the next round, and said so
    expect((await invite(server, summitId, { ids: [guests['周杰'].id] })).skipped).toEqual([
      { id: guests['周杰'].id, name: '周杰', reason: 'bouncing' },
    ]);
  });

  it('550 frequency limited: the whole outbox waits, then sends; no try counted, the guest not marked', async () => {
    const server = await start();
    await server.api('/settings/mail', { method: 'PUT', ...json(settingsFor(sink)) });
    sink.refuse = (_to, tries) => (tries <= 2 ? { code: 550, message: 'Ip frequency limited' } : null);
    const { summitId } = await summitWith(server, { 钱程: 'qian.cheng@example.com' });
    const started = Date.now();
    await invite(server, summitId);
    await vi.waitFor(async () => expect((await mailsOf(server, summitId))[0].state).toBe('sent'), { timeout: 10_000 });
    // held 5 then 10 units (of 100 ms here; minutes in use) before the third try
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    expect(sink.asked).toHaveLength(3);
    expect((await mailsOf(server, summitId))[0].attempts).toBe(1);
    // (the guest's move is a write of its own, just after the mail's)
    await vi.waitFor(async () =>
      expect((await guestsOf(server, summitId))['钱程']).toMatchObject({ emailBouncing: false, invitation: 'invited' }),
    );
    expect(sink.received).toHaveLength(1);
  });

  it('a refused login holds every mail back (none fails) until the settings are fixed', async () => {
    const server = await start();
    await server.api('/settings/mail', { method: 'PUT', ...json(settingsFor(sink, { password: 'a-wrong-password' })) });
    const { summitId } = await summitWith(server, { 郑和: 'zheng.he@example.com', 冯雪: 'feng.xue@example.com' });
    await invite(server, summitId);
    await vi.waitFor(async () => {
      const mails = await mailsOf(server, summitId);
      expect(mails.some((m) => m.state === 'retrying' && /535/.test(String(m.lastAnswer)))).toBe(true);
    });
    await new Promise((r) => setTimeout(r, 300));
    expect((await mailsOf(server, summitId)).every((m) => m.state !== 'failed')).toBe(true);
    await server.api('/settings/mail', { method: 'PUT', ...json(settingsFor(sink)) });
    await vi.waitFor(
      async () => expect((await mailsOf(server, summitId)).map((m) => m.state)).toEqual(['sent', 'sent']),
      { timeout: 15_000 },
    );
    expect(sink.received).toHaveLength(2);
  });

  it('a change of server or account must give the app password again: the kept one goes to no other host', async () => {
    const server = await start();
    await server.api('/settings/mail', { method: 'PUT', ...json(settingsFor(sink)) });
    const { password: _p, ...elsewhere } = settingsFor(sink, { host: 'smtp.attacker.example' });
    for (const [path, body] of [
      ['/settings/mail', elsewhere],
      ['/settings/mail/test', { ...elsewhere, to: 'admin@example.com' }],
    ] as const) {
      const res = await server.api(path, { method: path.endsWith('test') ? 'POST' : 'PUT', ...json(body) });
      expect(res.status).toBe(400);
      const refused = await res.json();
      expect(Object.keys(refused.errors)).toEqual(['password']);
      expect(refused.message).toMatch(/give the app password again/);
    }
    expect(await (await server.api('/settings/mail')).json()).toMatchObject({ host: '127.0.0.1' });
  });

  it('a corrected address is no longer marked; the mail sent again goes to it, as a new message', async () => {
    const server = await start();
    await server.api('/settings/mail', { method: 'PUT', ...json(settingsFor(sink)) });
    sink.refuse = (to) => (to === 'zhou.jie@pku.edu.cm' ? { code: 550, message: '5.1.1 User unknown' } : null);
    const { summitId, ids } = await summitWith(server, { 周杰: 'zhou.jie@pku.edu.cm' });
    await invite(server, summitId);
    await vi.waitFor(async () => expect((await mailsOf(server, summitId))[0].state).toBe('failed'));
    const [failed] = await mailsOf(server, summitId);
    expect(failed.lastAnswer).toMatch(/^收件地址不存在，已标记为邮箱退信.* — 550 5\.1\.1 User unknown$/);
    expect((await guestsOf(server, summitId))['周杰'].emailBouncing).toBe(true);
    // sent again to the same bad address: refused, saying what to do
    const unchanged = await server.api(`/outbox/${failed.id}/resend`, { method: 'POST' });
    expect(unchanged.status).toBe(409);
    expect((await unchanged.json()).message).toMatch(/bounced: correct it/);
    // the organiser corrects the address in the grid (a PATCH of that one field)
    const corrected = await server.api(`/attendees/${ids['周杰']}`, {
      method: 'PATCH',
      ...json({ email: 'zhou.jie@pku.edu.cn' }),
    });
    expect(corrected.status).toBe(200);
    expect((await guestsOf(server, summitId))['周杰'].emailBouncing).toBe(false);
    expect((await server.api(`/outbox/${failed.id}/resend`, { method: 'POST' })).status).toBe(202);
    await vi.waitFor(async () => expect((await mailsOf(server, summitId))[0].state).toBe('sent'));
    expect(sink.received.map(recipientOf)).toEqual(['zhou.jie@pku.edu.cn']);
    const [sent] = await mailsOf(server, summitId);
    expect(sent.messageId).not.toBe(failed.messageId);
    expect(sink.received[0].messageId).toBe(sent.messageId);
    // a second invitation while one is on its way: refused, one mail per guest at a time
    sink.refuse = () => ({ code: 451, message: '4.3.0 Temporary local problem' });
    expect((await server.api(`/outbox/${sent.id}/resend`, { method: 'POST' })).status).toBe(202);
    const again = await server.api(`/outbox/${sent.id}/resend`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect((await again.json()).message).toMatch(/already waiting/);
  });

  it('a mail cancelled while it waits is never sent; one whose guest was deleted fails, saying so', async () => {
    // no mailbox yet: the mails wait in the outbox
    const server = await start();
    const { summitId, ids } = await summitWith(server, { 蒋琳: 'jiang.lin@example.com', 韦东: 'wei.dong@example.com' });
    expect(await invite(server, summitId)).toMatchObject({ queued: 2, mailReady: false });
    const mails = await mailsOf(server, summitId);
    const jiang = mails.find((m) => m.to === 'jiang.lin@example.com')!;
    const cancelled = await server.api(`/outbox/${jiang.id}/cancel`, { method: 'POST' });
    expect(await cancelled.json()).toMatchObject({ state: 'cancelled' });
    expect((await server.api(`/outbox/${jiang.id}/cancel`, { method: 'POST' })).status).toBe(409);
    await server.client.delete('attendees', { id: ids['韦东'] });
    await server.api('/settings/mail', { method: 'PUT', ...json(settingsFor(sink)) });
    await vi.waitFor(async () =>
      expect(Object.fromEntries((await mailsOf(server, summitId)).map((m) => [m.to, m.state]))).toEqual({
        'jiang.lin@example.com': 'cancelled',
        'wei.dong@example.com': 'failed',
      }),
    );
    expect((await mailsOf(server, summitId)).find((m) => m.state === 'failed')!.lastAnswer).toMatch(/已删除/);
    expect(sink.received).toHaveLength(0);
  });

  it('a failed mail is sent again when an organiser asks', async () => {
    const server = await start();
    await server.api('/settings/mail', { method: 'PUT', ...json(settingsFor(sink)) });
    sink.refuse = (_to, tries) => (tries === 1 ? { code: 554, message: 'DT:SPM message rejected as spam' } : null);
    const { summitId } = await summitWith(server, { 韩梅: 'han.mei@example.com' });
    await invite(server, summitId);
    await vi.waitFor(async () => expect((await mailsOf(server, summitId))[0].state).toBe('failed'));
    const organiser = await server.userWithRole('organiser');
    const viewer = await server.userWithRole('viewer');
    const [mail] = await mailsOf(server, summitId);
    expect((await viewer.api(`/outbox/${mail.id}/resend`, { method: 'POST' })).status).toBe(403);
    expect((await organiser.api(`/outbox/${mail.id}/resend`, { method: 'POST' })).status).toBe(202);
    await vi.waitFor(async () => expect((await mailsOf(server, summitId))[0].state).toBe('sent'));
    expect(sink.received).toHaveLength(1);
  });

  it('a restart in the middle of 60 invitations sends none twice and loses none', async () => {
    const first = await start({ outbox: { pollMs: 50, retryBaseMs: 100 } });
    await first.api('/settings/mail', { method: 'PUT', ...json(settingsFor(sink, { perMinute: 1200 })) });
    const guests = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`嘉宾${i + 1}`, `guest${i + 1}@example.com`]),
    );
    const { summitId } = await summitWith(first, guests);
    expect((await invite(first, summitId)).queued).toBe(60);
    await vi.waitFor(() => expect(sink.received.length).toBeGreaterThanOrEqual(15), { timeout: 20_000 });
    await first.close();
    servers.splice(servers.indexOf(first), 1);
    const before = sink.received.length;
    expect(before).toBeLessThan(60);
    const second = await start({ dir: first.dir });
    await vi.waitFor(() => expect(sink.received.length).toBe(60), { timeout: 30_000 });
    const addresses = sink.received.map(recipientOf);
    expect(new Set(addresses).size).toBe(60);
    expect((await mailsOf(second, summitId)).every((m) => m.state === 'sent' && m.attempts === 1)).toBe(true);
  });

  it('twenty clicks at once by two organisers queue each guest’s invitation once', async () => {
    const server = await start({ outbox: false });
    const { summitId } = await summitWith(server, {
      甲: 'a@example.com',
      乙: 'b@example.com',
      丙: 'c@example.com',
    });
    const [one, two] = [await server.userWithRole('organiser'), await server.userWithRole('organiser')];
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? one : two).api(`/summits/${summitId}/invitations`, { method: 'POST', body: '{}' }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(202));
    const queued = (await Promise.all(answers.map((r) => r.json()))).map((a) => a.queued as number);
    expect(queued.reduce((a, b) => a + b, 0)).toBe(3);
    expect((await mailsOf(server, summitId)).map((m) => m.to).sort()).toEqual([
      'a@example.com',
      'b@example.com',
      'c@example.com',
    ]);
  });
});
