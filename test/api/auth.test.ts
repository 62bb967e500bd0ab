import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../src/schema';
import { spawnServer } from '../helpers/process';
import {
  ADMIN_PASSWORD,
  loginCookie,
  sessionFor,
  startTestServer,
  tempDir,
  type TestServer,
  databaseFor,
  onPostgres,
  storedText,
} from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ throttle: { free: 3, baseMs: 300 } });
});
afterAll(() => server.close());

const login = (username: string, password: string) =>
  fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });

describe('without a session', () => {
  it('every API route but login answers 401, and nothing is written', async () => {
    const anonymous = sessionFor(server.url, '');
    const before = await storedText(server);
    for (const resource of resources) {
      for (const [method, url] of [
        ['GET', `/${resource.name}`],
        ['GET', `/${resource.name}/1`],
        ['POST', `/${resource.name}`],
        ['PUT', `/${resource.name}/1`],
        ['DELETE', `/${resource.name}/1`],
      ]) {
        const res = await anonymous.api(url, {
          method,
          body: method === 'POST' || method === 'PUT' ? '{"name":"x"}' : undefined,
        });
        expect(res.status, `${method} ${url}`).toBe(401);
        expect((await res.json()).message).toBe('Please log in');
      }
    }
    for (const url of ['/auth/me', '/nothing', '/db']) expect((await anonymous.api(url)).status, url).toBe(401);
    expect((await anonymous.api('/auth/password', { method: 'POST', body: '{}' })).status).toBe(401);
    expect(await storedText(server)).toBe(before);
  });

  it('a made-up session cookie is no session', async () => {
    expect((await sessionFor(server.url, 'huiwu_session=forged').api('/summits')).status).toBe(401);
  });
});

describe('logging in and out', () => {
  it('sets an HttpOnly, SameSite=Strict cookie; /auth/me says who; logout ends it', async () => {
    const res = await login('admin', ADMIN_PASSWORD);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 1, username: 'admin', displayName: '管理员', role: 'admin' });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^huiwu_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const session = sessionFor(server.url, cookie.split(';')[0]);
    expect((await (await session.api('/auth/me')).json()).username).toBe('admin');
    await session.api('/auth/logout', { method: 'POST' });
    expect((await session.api('/auth/me')).status).toBe(401);
  });

  it('refuses a wrong password or an unknown user with the same message', async () => {
    for (const [u, p] of [
      ['admin', 'wrong-password'],
      ['nobody', 'whatever1'],
    ]) {
      const res = await login(u, p);
      expect(res.status).toBe(401);
      expect((await res.json()).message).toBe('Wrong username or password');
    }
  });

  it('slows down repeated failures for one account, even when the right password finally comes', async () => {
    const victim = await server.userWithRole('viewer');
    for (let i = 0; i < 4; i++) expect((await login(victim.username, 'guess-' + i)).status).toBe(401);
    const blocked = await login(victim.username, victim.password);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await blocked.json()).message).toMatch(/Too many attempts/);
    await new Promise((r) => setTimeout(r, 350));
    expect((await login(victim.username, victim.password)).status).toBe(200);
  });

  it('ends a busy session once its lifetime is over, however active', async () => {
    const short = await startTestServer({ sessionMaxHours: 0.3 / 3600 }); // 300 ms
    const ends: number[] = [];
    for (let i = 0; i < 8; i++) {
      ends.push((await short.api('/summits')).status);
      await new Promise((r) => setTimeout(r, 60));
    }
    expect(ends.slice(0, 2)).toEqual([200, 200]);
    expect(ends.slice(-1)).toEqual([401]);
    await short.close();
  });

  it('takes only JSON, so another site’s form or text/plain post cannot sign anyone out', async () => {
    const user = await server.userWithRole('viewer');
    const forged = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { Cookie: user.cookie, 'Content-Type': 'text/plain' },
      body: 'x',
    });
    expect(forged.status).toBe(415);
    expect((await user.api('/auth/me')).status).toBe(200);
  });

  it('ends sessions after inactivity', async () => {
    const quick = await startTestServer({ sessionMinutes: 0.002 }); // 120 ms
    expect((await quick.api('/summits')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 250));
    expect((await quick.api('/summits')).status).toBe(401);
    await quick.close();
  });
});

describe('passwords', () => {
  it('are never served: not in users, not in write answers, not in the audit trail', async () => {
    const { id } = await server.userWithRole('official');
    const everything = JSON.stringify([
      await (await server.api('/users')).json(),
      await (await server.api(`/users/${id}`)).json(),
      await (
        await server.api(`/users/${id}`, {
          method: 'PATCH',
          body: JSON.stringify({ displayName: '钱进', password: 'a-new-password' }),
        })
      ).json(),
      await (await server.api('/audit?range=[0,1000]')).json(),
    ]);
    expect(everything).not.toMatch(/scrypt|passwordHash|a-new-password|official-password/);
    expect(everything).toContain('••••••'); // the trail says the password changed, not what to
    // while the store does hold a salted slow hash
    expect(await storedText(server)).toMatch(/"passwordHash":"scrypt\$16384\$8\$1\$/);
  });

  it('each user changes their own, proving the current one; other sessions of theirs end', async () => {
    const user = await server.userWithRole('organiser');
    const other = await server.login(user.username, user.password);
    const wrong = await user.api('/auth/password', {
      method: 'POST',
      body: JSON.stringify({ current: 'nope', password: 'brand-new-pass' }),
    });
    expect(wrong.status).toBe(400);
    const short = await user.api('/auth/password', {
      method: 'POST',
      body: JSON.stringify({ current: user.password, password: 'short' }),
    });
    expect((await short.json()).errors.password).toBe('At least 8 characters');
    expect(
      (
        await user.api('/auth/password', {
          method: 'POST',
          body: JSON.stringify({ current: user.password, password: 'brand-new-pass' }),
        })
      ).status,
    ).toBe(200);
    expect((await user.api('/auth/me')).status).toBe(200);
    expect((await other.api('/auth/me')).status).toBe(401);
    expect((await login(user.username, user.password)).status).toBe(401);
    expect((await login(user.username, 'brand-new-pass')).status).toBe(200);
  });
});

describe('user management', () => {
  it('admins create, re-role, disable and reset; each signs the user out everywhere; a disabled user cannot log in', async () => {
    const user = await server.userWithRole('viewer');
    expect(
      (await server.api(`/users/${user.id}`, { method: 'PATCH', body: JSON.stringify({ role: 'official' }) })).status,
    ).toBe(200);
    // a session of the old role does not go on with the new one
    expect((await user.api('/auth/me')).status).toBe(401);
    const again = await server.login(user.username, user.password);
    expect((await (await again.api('/auth/me')).json()).role).toBe('official');
    expect(
      (await server.api(`/users/${user.id}`, { method: 'PATCH', body: JSON.stringify({ disabled: true }) })).status,
    ).toBe(200);
    expect((await user.api('/summits')).status).toBe(401);
    // the same answer as a wrong password: a disabled account's password stays unconfirmed
    expect((await (await login(user.username, user.password)).json()).message).toBe('Wrong username or password');
    await server.api(`/users/${user.id}`, { method: 'PATCH', body: JSON.stringify({ disabled: false }) });
    const before = await server.login(user.username, user.password);
    await server.api(`/users/${user.id}`, { method: 'PATCH', body: JSON.stringify({ password: 'reset-by-admin' }) });
    // a password reset by an admin ends the sessions the old password opened
    expect((await before.api('/auth/me')).status).toBe(401);
    expect((await login(user.username, 'reset-by-admin')).status).toBe(200);
  });

  it('usernames are unique, passwords at least 8 characters', async () => {
    const res = await server.api('/users', {
      method: 'POST',
      body: JSON.stringify({ username: 'ADMIN', displayName: 'x', role: 'viewer', password: 'short' }),
    });
    expect((await res.json()).errors).toEqual({ username: 'Already taken', password: 'At least 8 characters' });
    const none = await server.api('/users', {
      method: 'POST',
      body: JSON.stringify({ username: 'nopass', displayName: 'x', role: 'viewer' }),
    });
    expect((await none.json()).errors).toEqual({ password: 'Required' });
  });

  it('the last active admin cannot be disabled, demoted or deleted', async () => {
    for (const change of [{ disabled: true }, { role: 'viewer' }]) {
      const res = await server.api('/users/1', { method: 'PATCH', body: JSON.stringify(change) });
      expect(res.status).toBe(409);
      expect((await res.json()).message).toBe('At least one active admin account must remain');
    }
    expect((await server.api('/users/1', { method: 'DELETE' })).status).toBe(409);
  });
});

describe('the first start', () => {
  it('creates admin with a random password printed once, and no default password works', async () => {
    const dir = tempDir();
    const dataFile = path.join(dir, 'data.json');
    fs.writeFileSync(path.join(dir, 'seed.json'), '{}');
    const env = {
      HUIWU_DATA: dataFile,
      HUIWU_SEED: path.join(dir, 'seed.json'),
      HUIWU_ADMIN_PASSWORD: '',
      // on PostgreSQL, `npm start` with DATABASE_URL: an empty database
      ...(onPostgres ? { DATABASE_URL: await databaseFor(dir) } : {}),
    };
    const first = await spawnServer(env);
    const printed = /password (\w{16})\b/.exec(first.output())?.[1];
    expect(printed).toBeTruthy();
    for (const guess of ['admin', 'password', 'huiwu']) {
      expect(
        (
          await fetch(`${first.url}/api/auth/login`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ username: 'admin', password: guess }),
          })
        ).status,
      ).toBe(401);
    }
    expect(await loginCookie(first.url, 'admin', printed!)).toMatch(/^huiwu_session=/);
    first.child.kill('SIGTERM');
    await new Promise((r) => first.child.once('exit', r));
    const second = await spawnServer(env);
    expect(second.output()).not.toMatch(/Created the admin account/);
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  });

  it('uses HUIWU_ADMIN_PASSWORD when set, and does not print it', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'seed.json'), '{}');
    const started = await spawnServer({
      HUIWU_DATA: path.join(dir, 'data.json'),
      HUIWU_SEED: path.join(dir, 'seed.json'),
      HUIWU_ADMIN_PASSWORD: 'chosen-by-ops',
      ...(onPostgres ? { DATABASE_URL: await databaseFor(dir) } : {}),
    });
    expect(started.output()).not.toContain('chosen-by-ops');
    expect(await loginCookie(started.url, 'admin', 'chosen-by-ops')).toMatch(/^huiwu_session=/);
    started.child.kill('SIGTERM');
    await new Promise((r) => started.child.once('exit', r));
  });
});
