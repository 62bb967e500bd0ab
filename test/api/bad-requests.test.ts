import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ bodyLimit: '10kb' });
});
afterAll(() => server.close());

const expectJsonError = async (res: Response, status: number, message: RegExp) => {
  expect(res.status).toBe(status);
  const text = await res.text();
  expect(text).not.toMatch(/\bat \w+ \(|node_modules/); // never a stack trace
  expect(JSON.parse(text).message).toMatch(message);
};

/** A request fetch refuses to send: a GET or a DELETE with a body. */
const withBody = (method: string, path: string, body: string) =>
  new Promise<number>((resolve, reject) => {
    const req = http.request(
      `${server.url}/api${path}`,
      {
        method,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          Cookie: server.cookie,
        },
      },
      (res) => res.resume().on('end', () => resolve(res.statusCode!)),
    );
    req.on('error', reject);
    req.end(body);
  });

describe('bad requests get a clear JSON answer', () => {
  it('a NUL byte or half a character in a search, a filter, a sign-in or a setting is never a 500', async () => {
    const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));
    const answers = [
      await server.api(`/attendees?filter=${q({ q: '\u0000' })}`),
      await server.api(`/attendees?filter=${q({ name_like: 'a\u0000b' })}`),
      await server.api(`/attendees?filter=${q({ invitation: '\u0000' })}`),
      await server.api(`/agreements/aggregate?groupBy=status&filter=${q({ officer: '\u0000' })}`),
      await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'a\u0000b', password: 'x' }),
      }),
      await server.api('/auth/me/preferences', {
        method: 'PATCH',
        body: JSON.stringify({ 'grid.attendees': { a: 'x\u0000y' } }),
      }),
      await server.api('/auth/me/preferences', { method: 'PATCH', body: '{"views.attendees": ["\\ud800"]}' }),
    ];
    for (const res of answers) {
      // matched nothing, refused as any wrong sign-in, or refused saying why
      expect([200, 400, 401]).toContain(res.status);
      if (res.status === 400) await expectJsonError(res, 400, /cannot be stored or searched|not valid/);
    }
  });

  it('malformed JSON is a 400', async () => {
    await expectJsonError(
      await server.api('/summits', { method: 'POST', body: '{"name": "未完' }),
      400,
      /not valid JSON/,
    );
  });

  it('the body of a GET or a DELETE is never read: no password in it is hashed, no bad JSON in it refused', async () => {
    expect(await withBody('GET', '/summits/1', '{"password": "a-long-password"')).toBe(200);
    expect(await withBody('GET', '/users', JSON.stringify({ password: 'a-long-password' }))).toBe(200);
    const { data } = await server.client.create('series', { data: { name: '读书会' } });
    expect(await withBody('DELETE', `/series/${data.id}`, '{"password": "a-long-')).toBe(200);
    await expect(server.client.getOne('series', { id: data.id })).rejects.toMatchObject({ status: 404 });
  });

  it('a key named __proto__, constructor or prototype is refused wherever it is, by its name', async () => {
    const before = (await server.client.getOne('summits', { id: 1 })).data;
    const proto = '{"__proto__": {"status": "cancelled"}, "city": "常州"}';
    await expectJsonError(await server.api('/summits/1', { method: 'PATCH', body: proto }), 400, /named “__proto__”/);
    const named = JSON.stringify({ city: '常州', constructor: 1 });
    await expectJsonError(await server.api('/summits/1', { method: 'PUT', body: named }), 400, /named “constructor”/);
    expect((await server.client.getOne('summits', { id: 1 })).data).toEqual(before);
    const inImport =
      '{"columns": ["name"], "rows": [["陈静"]], "fixed": {"summitId": 1}, "__proto__": {"key": ["id"]}}';
    await expectJsonError(
      await server.api('/attendees/import?dryRun=true', { method: 'POST', body: inImport }),
      400,
      /named “__proto__”/,
    );
    const deep = JSON.stringify({ columns: ['name'], rows: [['陈静']], meaning: { role: { prototype: 'guest' } } });
    await expectJsonError(
      await server.api('/attendees/import?dryRun=true', {
        method: 'POST',
        body: deep,
        headers: { 'Accept-Language': 'zh' },
      }),
      400,
      /名为“prototype”的键/,
    );
  });

  it('a form-encoded or text body is refused (415), never applied unchecked', async () => {
    const before = (await server.client.getOne('attendees', { id: 1 })).data;
    const res = await server.api('/attendees/1', {
      method: 'PATCH',
      body: 'name=&invitation=bogus&version=77&zzz=1',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    await expectJsonError(res, 415, /as JSON/);
    expect((await server.client.getOne('attendees', { id: 1 })).data).toEqual(before);
  });

  it('a range on a yes/no field is a 400 that says why', async () => {
    const res = await server.api(`/attendees?filter=${encodeURIComponent(JSON.stringify({ certificate_gte: true }))}`);
    await expectJsonError(res, 400, /yes or no/);
  });

  it('a body that is not an object is a 400', async () => {
    await expectJsonError(await server.api('/summits', { method: 'POST', body: '[1,2]' }), 400, /JSON object/);
  });

  it('a body over the limit is a 413 and nothing is written', async () => {
    const res = await server.api('/organizations', {
      method: 'POST',
      body: JSON.stringify({ name: '大'.repeat(20_000), kind: 'enterprise' }),
    });
    await expectJsonError(res, 413, /too large/);
    const { total } = await server.client.getList('organizations', {
      filter: {},
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 1 },
    });
    expect(total).toBe(3);
  });

  it('unknown resources, json-server internals and nested routes are 404s', async () => {
    await expectJsonError(await server.api('/nothing'), 404, /No such API route/);
    await expectJsonError(await server.api('/db'), 404, /No such API route/);
    await expectJsonError(await server.api('/summits/1/attendees'), 404, /No such API route/);
    await expectJsonError(await server.api('/summits/999'), 404, /No such record/);
  });

  it('bad sort, range and filter parameters are 400s', async () => {
    await expectJsonError(await server.api('/summits?sort=name'), 400, /sort/);
    await expectJsonError(
      await server.api(`/summits?sort=${encodeURIComponent('["password","ASC"]')}`),
      400,
      /unknown field "password"/,
    );
    await expectJsonError(await server.api(`/summits?range=${encodeURIComponent('[5,-1]')}`), 400, /range/);
    await expectJsonError(
      await server.api(`/summits?filter=${encodeURIComponent('{"nope":1}')}`),
      400,
      /unknown field "nope"/,
    );
    await expectJsonError(
      await server.api(`/summits?filter=${encodeURIComponent('{"name":{"$gt":1}}')}`),
      400,
      /filter "name"/,
    );
  });

  it('X-HTTP-Method-Override cannot turn a create into an unchecked delete', async () => {
    const res = await server.api('/summits/1', {
      method: 'POST',
      headers: { 'X-HTTP-Method-Override': 'DELETE' },
      body: '{}',
    });
    expect(res.status).toBe(404);
    expect((await server.client.getOne('summits', { id: 1 })).data.id).toBe(1);
  });

  it('a day that is none (9999-99-99, 2026-02-30) in a filter is a 400 naming it, on every route that lists', async () => {
    for (const bad of ['9999-99-99', '2026-13-01', '2026-02-30', '2026-00-10']) {
      const filter = encodeURIComponent(JSON.stringify({ arrivalAt_gte: bad }));
      for (const path of [
        `/attendees?filter=${filter}`,
        `/attendees/aggregate?filter=${filter}&groupBy=invitation`,
        `/attendees/export?format=csv&filter=${filter}`,
        `/attendees/pickups?filter=${filter}`,
      ]) {
        const res = await server.api(path);
        expect([path, res.status]).toEqual([path, 400]);
        expect((await res.json()).message).toContain(`"${bad}" is not a date`);
      }
    }
    const fine = await server.api(
      `/attendees?filter=${encodeURIComponent(JSON.stringify({ arrivalAt_lte: '2028-02-29' }))}`,
    );
    expect(fine.status).toBe(200);
  });
});
