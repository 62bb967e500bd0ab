import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

// Issue 17, a new user's walk: a login that must wait says how long in the words people use,
// minutes for a lockout of a minute or more (请 15 分钟后再试), seconds below that.
const servers: TestServer[] = [];
afterAll(() => Promise.all(servers.map((server) => server.close())));

/** A server whose second wrong password makes the account wait `baseMs` (at most 15 minutes). */
async function lockedOut(baseMs: number) {
  const server = await startTestServer({ throttle: { free: 1, baseMs } });
  servers.push(server);
  const { username } = await server.userWithRole('organiser');
  const login = (lang: string) =>
    fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': lang },
      body: JSON.stringify({ username, password: 'wrong-password' }),
    });
  expect((await login('zh')).status).toBe(401);
  expect((await login('zh')).status).toBe(401); // the one past the free one: the wait begins
  return login;
}

const refusal = async (res: Response) => {
  expect(res.status).toBe(429);
  return { retryAfter: Number(res.headers.get('retry-after')), message: (await res.json()).message };
};

describe('the wait after too many wrong passwords', () => {
  it('fifteen minutes: said in minutes, in Chinese and English; Retry-After still in seconds', async () => {
    const login = await lockedOut(60 * 60_000); // more than the 15-minute ceiling
    const zh = await refusal(await login('zh-CN'));
    expect(zh.message).toBe('尝试次数过多，请 15 分钟后再试');
    expect(zh.retryAfter).toBeGreaterThan(14 * 60);
    expect((await refusal(await login('en'))).message).toBe('Too many attempts; try again in 15 minutes');
  });

  it('under a minute: said in seconds', async () => {
    const login = await lockedOut(40_000);
    expect((await refusal(await login('zh-CN'))).message).toMatch(/^尝试次数过多，请 (3\d|40) 秒后再试$/);
    expect((await refusal(await login('en'))).message).toMatch(/^Too many attempts; try again in (3\d|40) seconds$/);
  });
});
