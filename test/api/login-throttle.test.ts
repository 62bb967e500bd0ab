import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, tempDir, type TestServer } from '../helpers/server';

// Password guessing is counted when a guess starts, before the slow hash, per account (or per
// address for names nobody has), so bursts, proxies and shared tablets do not get around it.
let server: TestServer;
beforeAll(async () => {
  // X-Forwarded-For is believed from the loopback proxy only: tests speak as several addresses
  server = await startTestServer({ throttle: { free: 3, baseMs: 60_000 }, trustProxy: 'loopback' });
});
afterAll(() => server.close());

const login = (username: string, password: string, from = '203.0.113.9') =>
  fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': from },
    body: JSON.stringify({ username, password }),
  });

describe('a burst of guesses sent at once', () => {
  it('two hundred at once: the budget is checked, the rest wait, and the right password among them gets no session', async () => {
    const victim = await server.userWithRole('official');
    const guesses = Array.from({ length: 200 }, (_, i) => (i === 120 ? victim.password : `guess-${i}`));
    const answers = await Promise.all(guesses.map((guess) => login(victim.username, guess).then((res) => res.status)));
    const checked = answers.filter((status) => status !== 429);
    expect(checked.length).toBeLessThanOrEqual(4); // 3 free, the 4th starts the wait
    expect(answers[120]).toBe(429);
    expect(answers).not.toContain(200);
  });
});

describe('who a failure counts against', () => {
  it('guesses from elsewhere never lock the owner out where they signed in before', async () => {
    const owner = await server.userWithRole('admin');
    expect((await login(owner.username, owner.password, '198.51.100.7')).status).toBe(200);
    for (let i = 0; i < 6; i++) await login(owner.username, `guess-${i}`, '203.0.113.66');
    expect((await login(owner.username, owner.password, '203.0.113.66')).status).toBe(429);
    // a new place to sign in from meets the spent budget too
    expect((await login(owner.username, owner.password, '192.0.2.44')).status).toBe(429);
    expect((await login(owner.username, owner.password, '198.51.100.7')).status).toBe(200);
  });

  it('an office behind one address: one account’s failures do not stop the others', async () => {
    const careless = await server.userWithRole('organiser');
    const colleague = await server.userWithRole('organiser');
    for (let i = 0; i < 6; i++) await login(careless.username, `typo-${i}`, '100.64.0.1');
    expect((await login(careless.username, careless.password, '100.64.0.1')).status).toBe(429);
    expect((await login(colleague.username, colleague.password, '100.64.0.1')).status).toBe(200);
  });

  it('a name that exists and one that does not are refused alike, so guessing names tells nothing', async () => {
    const known = await server.userWithRole('viewer');
    const tries = async (name: string, from: string) => {
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await login(name, `guess-${i}`, from)).status);
      return statuses;
    };
    const forKnown = await tries(known.username, '100.64.7.1');
    expect(await tries('no-such-person', '100.64.7.2')).toEqual(forKnown);
    expect(forKnown).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('many names from one address: ten names’ worth, then the address waits, for every name', async () => {
    const colleague = await server.userWithRole('organiser');
    const answers = [];
    for (let i = 0; i < 32; i++) answers.push((await login(`sprayed${i}`, 'password1', '100.64.9.9')).status);
    expect(answers.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(answers.slice(-1)).toEqual([429]);
    // a colleague who never signed in from there waits too; one who did, does not
    expect((await login(colleague.username, colleague.password, '100.64.9.9')).status).toBe(429);
  });

  it('where an account signed in is remembered across a restart', async () => {
    const dir = tempDir();
    const first = await startTestServer({ dir, throttle: { free: 3, baseMs: 60_000 }, trustProxy: 'loopback' });
    const owner = await first.userWithRole('admin');
    const from = (url: string, address: string, password: string) =>
      fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
        body: JSON.stringify({ username: owner.username, password }),
      });
    expect((await from(first.url, '198.51.100.20', owner.password)).status).toBe(200);
    await first.close();
    const again = await startTestServer({ dir, throttle: { free: 3, baseMs: 60_000 }, trustProxy: 'loopback' });
    try {
      for (let i = 0; i < 6; i++) await from(again.url, '203.0.113.200', `guess-${i}`);
      expect((await from(again.url, '203.0.113.200', owner.password)).status).toBe(429);
      expect((await from(again.url, '198.51.100.20', owner.password)).status).toBe(200);
    } finally {
      await again.close();
    }
  });

  it('X-Forwarded-For is ignored unless a proxy is trusted', async () => {
    const plain = await startTestServer({ throttle: { free: 3, baseMs: 60_000 } });
    try {
      const victim = await plain.userWithRole('viewer');
      const from = (address: string, password: string) =>
        fetch(`${plain.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
          body: JSON.stringify({ username: victim.username, password }),
        });
      // each guess claims an address of its own; all are one address, and one budget
      const spent = [];
      for (let i = 0; i < 6; i++) spent.push((await from(`10.1.0.${i}`, `guess-${i}`)).status);
      expect(spent.slice(0, 3)).toEqual([401, 401, 401]);
      expect(spent.slice(-1)).toEqual([429]);
    } finally {
      await plain.close();
    }
  });
});

describe('changing one’s own password', () => {
  it('guesses of the current password spend the login’s budget: the right one then waits, and so does signing in', async () => {
    const user = await server.userWithRole('viewer');
    const change = (current: string) =>
      user.api('/auth/password', { method: 'POST', body: JSON.stringify({ current, password: 'a-new-password-1' }) });
    const tries = await Promise.all(Array.from({ length: 50 }, (_, i) => change(`guess-${i}`).then((r) => r.status)));
    expect(tries.filter((status) => status !== 429).length).toBeLessThanOrEqual(4);
    const right = await change(user.password);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    // the same budget: a login from the same tablet waits as well
    expect((await login(user.username, user.password, '127.0.0.1')).status).toBe(429);
  });
});

describe('a disabled account', () => {
  it('hears what a wrong password hears, so its password stays unconfirmed', async () => {
    const user = await server.userWithRole('viewer');
    await server.api(`/users/${user.id}`, { method: 'PATCH', body: JSON.stringify({ disabled: true }) });
    const right = await login(user.username, user.password, '100.64.3.3');
    const wrong = await login(user.username, 'not-the-password', '100.64.3.4');
    expect([right.status, wrong.status]).toEqual([401, 401]);
    expect((await right.json()).message).toBe((await wrong.json()).message);
  });
});
