import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, sessionFor, startTestServer, type Session, type TestServer, storedText } from '../helpers/server';

// An account's own settings (the money unit, grid layouts, saved views, the board's filter)
// live on the server, so they follow the account from one browser to another: each account
// reads and changes only its own, through the one commit path, last write per key.
let server: TestServer;
let official: Session & { username: string; password: string };
let other: Session;

const PREFS = '/auth/me/preferences';
const get = async (who: Session) => {
  const res = await who.api(PREFS);
  return { status: res.status, body: await res.json() };
};
const patch = async (who: Session, body: unknown, init: RequestInit = {}) => {
  const res = await who.api(PREFS, { method: 'PATCH', body: JSON.stringify(body), ...init });
  return { status: res.status, body: await res.json() };
};
const auditCount = async () => (await rowsOf(server.client, 'audit', {}, 100_000)).length;
const journal = () => storedText(server);

const view = (name: string) => ({
  name,
  filter: { invitation: ['confirmed'] },
  sort: { field: 'name', order: 'ASC' },
  perPage: 25,
  layout: { order: ['name', 'phone'], hidden: [], widths: { name: 120 }, freeze: 1 },
});

beforeAll(async () => {
  server = await startTestServer();
  official = await server.userWithRole('official');
  other = await server.userWithRole('official');
});
afterAll(() => server.close());

describe('an account’s own preferences', () => {
  it('start empty, are set key by key, and a key not named is kept', async () => {
    expect(await get(official)).toEqual({ status: 200, body: {} });
    const first = await patch(official, { 'money.unit': 'wan', 'views.attendees': [view('已确认的嘉宾')] });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ 'money.unit': 'wan', 'views.attendees': [view('已确认的嘉宾')] });
    const second = await patch(official, {
      'grid.attendees.certificates': { order: ['name'], hidden: [], widths: {}, freeze: 2 },
    });
    expect(second.body['money.unit']).toBe('wan');
    expect(Object.keys(second.body).sort()).toEqual(['grid.attendees.certificates', 'money.unit', 'views.attendees']);
    // null removes a key
    expect((await patch(official, { 'grid.attendees.certificates': null })).body).toEqual({
      'money.unit': 'wan',
      'views.attendees': [view('已确认的嘉宾')],
    });
    expect((await get(official)).body).toEqual({ 'money.unit': 'wan', 'views.attendees': [view('已确认的嘉宾')] });
  });

  it('are another account’s business: others neither read nor change them, admins included', async () => {
    expect(await get(other)).toEqual({ status: 200, body: {} });
    await patch(other, { 'money.unit': 'yuan', 'board.filter': { officer: '李明' } });
    expect((await get(official)).body['money.unit']).toBe('wan');
    expect((await get(official)).body['board.filter']).toBeUndefined();
    expect((await get(server)).body).toEqual({});
    // no route names another account's preferences, and they are no list of records
    expect((await server.api('/preferences')).status).toBe(404);
    expect((await server.api('/preferences/1')).status).toBe(404);
    expect((await sessionFor(server.url, '').api(PREFS)).status).toBe(401);
    expect((await patch(sessionFor(server.url, ''), { 'money.unit': 'yuan' })).status).toBe(401);
    expect((await get(official)).body['money.unit']).toBe('wan');
  });

  it('refuses bad input with a clear 400 and saves nothing of it', async () => {
    const before = (await get(official)).body;
    const written = await journal();
    const refusals: [unknown, RegExp][] = [
      [['money.unit', 'wan'], /must be a JSON object/],
      ['wan', /must be a JSON object/],
      [{ theme: 'dark' }, /theme/],
      [{ 'money.colour': 'red' }, /money\.colour/],
      [{ 'grid.a b': {} }, /grid\.a b/],
      [{ 'money.unit': 'dollars' }, /money\.unit/],
      [{ 'views.attendees': { name: 'x' } }, /views\.attendees/],
      [{ 'grid.attendees': [1, 2] }, /grid\.attendees/],
      // one bad key costs the whole request: the good one beside it is not saved either
      [{ 'money.unit': 'yuan', 'views.summits': 'all' }, /views\.summits/],
    ];
    for (const [body, reason] of refusals) {
      const res = await patch(official, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.message, JSON.stringify(body)).toMatch(reason);
    }
    const named = await patch(official, { 'money.unit': 'yuan', 'views.summits': 'all' });
    expect(named.body.errors).toEqual({ 'views.summits': expect.stringMatching(/list/) });
    // JSON only, as every write of the API
    const text = await official.api(PREFS, {
      method: 'PATCH',
      body: 'money.unit=yuan',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    expect((await get(official)).body).toEqual(before);
    expect(await journal()).toBe(written);
  });

  it('are bounded: a value over 64 KB or more than 200 keys is refused with 413, nothing lost', async () => {
    const before = (await get(official)).body;
    const big = await patch(official, { 'views.attendees': [{ ...view('大'), filter: { q: 'x'.repeat(70_000) } }] });
    expect(big.status).toBe(413);
    expect(big.body.message).toMatch(/views\.attendees.*64 KB/);
    const many = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`grid.list${i}`, { freeze: 1 }]));
    const crowd = await patch(official, many);
    expect(crowd.status).toBe(413);
    expect(crowd.body.message).toMatch(/200/);
    expect((await get(official)).body).toEqual(before);
  });

  it('are no audit entries: a layout saved at every column resize would bury the records’ history', async () => {
    const entries = await auditCount();
    for (let i = 0; i < 5; i++) await patch(official, { 'grid.attendees': { widths: { name: 100 + i } } });
    expect(await auditCount()).toBe(entries);
  });
});

describe('the same account in two browsers at once', () => {
  it('refuses a value nested deeper than any setting is (400, not saved), so a restart still starts', async () => {
    const viewer = await server.userWithRole('viewer');
    // written as text: a value this deep is what a hostile client sends, not what code builds
    const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    // 4,101 levels is 41 KB, under the 64 KB a value may hold: stored, it stopped the next start
    for (const depth of [40, 4101, 20_000]) {
      const refused = await viewer.api(PREFS, { method: 'PATCH', body: `{"grid.f":${nested(depth)}}` });
      expect(refused.status, `depth ${depth}`).toBe(400);
      expect((await refused.json()).errors['grid.f']).toMatch(/nests too deep/);
    }
    expect((await get(viewer)).body).toEqual({});
    await server.close();
    server = await startTestServer({ dir: server.dir });
    expect((await server.api('/auth/me')).status).toBe(200);
  });

  it('sixty writes at the same moment: last write per key, none lost, all kept after a restart', async () => {
    const user = await server.userWithRole('organiser');
    const laptop = await server.login(user.username, user.password);
    const entries = await auditCount();
    // each write names a key of its own and the one both browsers change
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        patch(i % 2 ? laptop : user, {
          [`views.list${i}`]: [view(`视图${i}`)],
          'money.unit': i % 3 ? 'wan' : 'yuan',
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(60).fill(200));
    // each answer is the preferences as its own write left them: one more key each time, so
    // the writes were applied one after another, the last holding all sixty
    const sizes = answers.map((a) => Object.keys(a.body).length).sort((a, b) => a - b);
    expect(sizes).toEqual(Array.from({ length: 60 }, (_, i) => i + 2));
    answers.forEach((a, i) => {
      expect(a.body[`views.list${i}`]).toEqual([view(`视图${i}`)]);
      expect(a.body['money.unit']).toBe(i % 3 ? 'wan' : 'yuan');
    });
    const last = answers.find((a) => Object.keys(a.body).length === 61)!;
    const final = await get(user);
    expect(final.body).toEqual(last.body);
    expect((await get(laptop)).body).toEqual(last.body);
    expect(await auditCount()).toBe(entries);

    await server.close();
    server = await startTestServer({ dir: server.dir });
    const again = await server.login(user.username, user.password);
    expect((await get(again)).body).toEqual(last.body);
  });
});
