import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newSummit, rowsOf, startTestServer, tempDir, type TestServer } from '../helpers/server';
import { postgresForFile } from '../helpers/postgres';
import { recipientOf, settingsFor, startSink, type Sink } from '../helpers/smtp';

/**
 * Two Huiwu servers on one database both run the outbox: each mail is taken by one of them,
 * sent once, and recorded once, however the two race; invitations queued through both at the
 * same moment are queued once per guest.
 */

const cluster = postgresForFile();
let one: TestServer;
let two: TestServer;
let sink: Sink;

beforeAll(async () => {
  sink = await startSink();
  const url = await cluster().createDatabase();
  const outbox = { pollMs: 20, retryBaseMs: 100 };
  one = await startTestServer({ databaseUrl: url, dir: tempDir(), outbox });
  two = await startTestServer({ databaseUrl: url, dir: tempDir(), outbox });
  await one.api('/settings/mail', { method: 'PUT', body: JSON.stringify(settingsFor(sink)) });
}, 120_000);
afterAll(async () => {
  await one?.close();
  await two?.close();
  await sink?.close();
});

describe('the outbox on two servers', () => {
  it('80 invitations queued through both at once: each guest mailed once, each mail sent by one server', async () => {
    const summitId = await newSummit(one.client, '双服务器邀请测试');
    for (let i = 1; i <= 80; i++)
      await one.client.create('attendees', {
        data: { summitId, name: `嘉宾${i}`, role: 'guest', invitation: 'toInvite', email: `g${i}@example.com` },
      });
    const clicks = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? one : two).api(`/summits/${summitId}/invitations`, { method: 'POST', body: '{}' }),
      ),
    );
    expect(clicks.map((r) => r.status)).toEqual(Array(10).fill(202));
    const queued = (await Promise.all(clicks.map((r) => r.json()))).reduce((n, a) => n + a.queued, 0);
    expect(queued).toBe(80);
    await vi.waitFor(() => expect(sink.received.length).toBe(80), { timeout: 60_000 });
    // a little longer: nothing more arrives
    await new Promise((r) => setTimeout(r, 500));
    const addresses = sink.received.map(recipientOf);
    expect(addresses).toHaveLength(80);
    expect(new Set(addresses).size).toBe(80);
    const mails = await rowsOf(two.client, 'outbox', { summitId }, 500);
    expect(mails.map((m) => [m.state, m.attempts])).toEqual(Array(80).fill(['sent', 1]));
    // each message went out under its own Message-ID, the one its record keeps
    expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(80);
    expect(new Set(mails.map((m) => m.messageId))).toEqual(new Set(sink.received.map((m) => m.messageId)));
    const guests = await rowsOf(one.client, 'attendees', { summitId }, 500);
    // one write gave each their check-in code with their invitation, one moved them to 已邀请
    expect(guests.every((g) => g.invitation === 'invited' && g.checkInCode && g.version === 3)).toBe(true);
  });

  it('reminders worked out by both servers at once: each guest gets one, with a link of their own', async () => {
    // both servers on one clock, which the test moves on: 10:00 in Beijing, 18 May 2027
    const clock = { days: 0, started: Date.now() };
    const now = () => Date.parse('2027-05-18T02:00:00Z') + clock.days * 86_400_000 + (Date.now() - clock.started);
    const url = await cluster().createDatabase();
    const outbox = { pollMs: 20, retryBaseMs: 100, reminderEveryMs: 20 };
    const a = await startTestServer({ databaseUrl: url, dir: tempDir(), outbox, now });
    const b = await startTestServer({ databaseUrl: url, dir: tempDir(), outbox, now });
    try {
      const before = sink.received.length;
      await a.api('/settings/mail', { method: 'PUT', body: JSON.stringify(settingsFor(sink)) });
      const summitId = await newSummit(a.client, '双服务器提醒测试');
      await a.api(`/summits/${summitId}`, { method: 'PATCH', body: JSON.stringify({ replyBy: '2027-05-22', remindDays: 3 }) });
      for (let i = 1; i <= 30; i++)
        await a.client.create('attendees', {
          data: { summitId, name: `提醒${i}`, role: 'guest', invitation: 'toInvite', email: `r${i}@example.com` },
        });
      await b.api(`/summits/${summitId}/invitations`, { method: 'POST', body: '{}' });
      await vi.waitFor(() => expect(sink.received.length - before).toBe(30), { timeout: 60_000 });
      clock.days = 2;
      await vi.waitFor(() => expect(sink.received.length - before).toBe(60), { timeout: 60_000 });
      await new Promise((r) => setTimeout(r, 1000));
      const reminders = sink.received.slice(before).filter((m) => m.subject?.startsWith('回复提醒'));
      expect(reminders).toHaveLength(30);
      expect(new Set(reminders.map(recipientOf)).size).toBe(30);
      const links = reminders.map((m) => /\/r\/([A-Za-z0-9_-]{24})/.exec(m.text ?? '')![1]);
      expect(new Set(links).size).toBe(30);
      const mails = await rowsOf(a.client, 'outbox', { summitId, kind: 'reminder' }, 500);
      expect(mails.map((m) => m.state)).toEqual(Array(30).fill('sent'));
    } finally {
      await a.close();
      await b.close();
    }
  });
});
