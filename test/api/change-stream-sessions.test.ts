import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSummit, startTestServer, type Session, type TestServer } from '../helpers/server';

// A live-update stream (GET /api/attendees/changes) lives no longer than the session that
// opened it: logged out, expired, or the account disabled, it ends within a few seconds (the
// sessions of open streams are looked up every 2 s), not at the end of its 5-minute lifetime.
// On both stores (the `postgres` project runs this file on PostgreSQL's sessions too).

/** The most a stream may outlive its session here. */
const PROMPTLY_MS = 5_000;

let server: TestServer;
let summitId: number;

beforeAll(async () => {
  server = await startTestServer();
  summitId = await newSummit(server.client, '会话结束的实时连接论坛', '2026-12-23');
});
afterAll(() => server.close());

/** A stream opened by `who`; `ended` resolves with the milliseconds from `since()` to its end. */
async function openStream(who: Session) {
  const abort = new AbortController();
  const filter = encodeURIComponent(JSON.stringify({ summitId }));
  const res = await who.api(`/attendees/changes?filter=${filter}`, { signal: abort.signal });
  expect(res.status).toBe(200);
  let from = Date.now();
  const reader = res.body!.getReader();
  const ended = (async () => {
    try {
      while (!(await reader.read()).done);
    } catch {
      // cut rather than ended: an end all the same
    }
    return Date.now() - from;
  })();
  // the stream is live: it says so first (`retry:`)
  return {
    ended,
    since: () => (from = Date.now()),
    close: () => abort.abort(),
    /** whether it is still open after `ms` */
    async openAfter(ms: number) {
      return Promise.race([ended.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), ms))]);
    },
  };
}

describe('live-update streams end with their session', () => {
  it('logged out: its streams end within seconds; another session’s stream of the same account goes on', async () => {
    const desk = await server.userWithRole('organiser');
    const other = await server.login(desk.username, desk.password);
    const mine = await openStream(desk);
    const theirs = await openStream(other);
    try {
      expect(await mine.openAfter(2_500)).toBe(true);
      mine.since();
      const out = await desk.api('/auth/logout', { method: 'POST', body: '{}' });
      expect(out.status).toBe(200);
      expect(await mine.ended).toBeLessThan(PROMPTLY_MS);
      // the same account's other session is not the one that ended
      expect(await theirs.openAfter(3_000)).toBe(true);
    } finally {
      mine.close();
      theirs.close();
    }
  });

  it('the account disabled by an admin: its streams end within seconds', async () => {
    const desk = await server.userWithRole('organiser');
    const stream = await openStream(desk);
    try {
      const { data: user } = await server.client.getOne('users', { id: desk.id });
      stream.since();
      await server.client.update('users', {
        id: desk.id,
        data: { ...user, disabled: true },
        previousData: user,
      });
      expect(await stream.ended).toBeLessThan(PROMPTLY_MS);
    } finally {
      stream.close();
    }
  });

  it('the session expired (idle, nothing but the stream open): the stream ends within seconds', async () => {
    // sessions idle for 4 s end
    const short = await startTestServer({ sessionMinutes: 4 / 60 });
    try {
      const stream = await openStream(short);
      // the stream itself does not keep its session alive
      expect(await stream.ended).toBeLessThan(4_000 + PROMPTLY_MS);
      expect(await stream.ended).toBeGreaterThan(3_000);
      expect((await short.api('/auth/me')).status).toBe(401);
    } finally {
      await short.close();
    }
  });
});
