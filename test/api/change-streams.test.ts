import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSummit, startTestServer, type TestServer } from '../helpers/server';

// The check-in desk's live stream (GET /api/attendees/changes): one account holds a bounded
// number of them, so one session cannot take every connection the server has and shut
// everyone else out (an attack held 20,000 open until logins failed).
let server: TestServer;
let summitId: number;

beforeAll(async () => {
  server = await startTestServer();
  summitId = await newSummit(server.client, '实时连接测试论坛', '2026-12-23');
});
afterAll(() => server.close());

const stream = async (who = server) => {
  const abort = new AbortController();
  const filter = encodeURIComponent(JSON.stringify({ summitId }));
  const res = await who.api(`/attendees/changes?filter=${filter}`, { signal: abort.signal });
  return { status: res.status, res, close: () => abort.abort() };
};

describe('live-update streams', () => {
  it('one account may hold sixteen; the seventeenth is refused with 429, and a closed one frees its place', async () => {
    const held = await Promise.all(Array.from({ length: 16 }, () => stream()));
    expect(held.map((s) => s.status)).toEqual(Array(16).fill(200));
    const extra = await stream();
    expect(extra.status).toBe(429);
    expect((await extra.res.json()).message).toMatch(/Too many live-update connections/);
    // another account is not shut out
    const organiser = await server.userWithRole('organiser');
    const theirs = await stream(organiser as unknown as TestServer);
    expect(theirs.status).toBe(200);
    theirs.close();
    // a desk closed frees its place
    held[0].close();
    await expect
      .poll(async () => {
        const again = await stream();
        if (again.status === 200) again.close();
        return again.status;
      })
      .toBe(200);
    for (const s of held) s.close();
  });
});
