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
    expect(guests.every((g) => g.invitation === 'invited' && g.version === 2)).toBe(true);
  });
});
