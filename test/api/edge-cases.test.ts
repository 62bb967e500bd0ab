import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, loginCookie, startTestServer, tempDir, type TestServer } from '../helpers/server';

// What a careful reviewer tried against the server, kept as tests.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const list = async (resource: string, filter: object) =>
  (
    await server.client.getList(resource, {
      filter,
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 100 },
    })
  ).data.map((r) => r.id);
const post = (resource: string, body: unknown) =>
  server.api(`/${resource}`, { method: 'POST', body: JSON.stringify(body) });

describe('the search box', () => {
  it('finds text, enum labels in either language and the names of referenced records', async () => {
    expect(await list('attendees', { q: '兴化宾馆' })).toEqual([1]);
    expect(await list('attendees', { q: 'entrepreneur' })).toEqual([2]);
    expect(await list('attendees', { q: '企业家' })).toEqual([2]);
    expect(await list('attendees', { q: '江淮工业' })).toEqual([1]); // organization name
    expect(await list('attendees', { q: '张伟 教授' })).toEqual([1]); // every word
  });

  it('never matches ids, enum codes or timestamps', async () => {
    expect(await list('summits', { q: '2' })).toEqual([]); // ids, dates and timestamps hold 2s
    expect(await list('agreements', { q: 'inProgress' })).toEqual([]);
    expect(await list('attendees', { q: 'T0' })).toEqual([]);
  });

  it('finds a phone number for those who see phones, never for a viewer', async () => {
    const { id } = await (await post('attendees', { summitId: 1, name: '搜号码', phone: '13655558888' })).json();
    expect(await list('attendees', { q: '5555888' })).toEqual([id]);
    const viewer = await server.userWithRole('viewer');
    const viewerList = async (q: string) =>
      (
        await viewer.client.getList('attendees', {
          filter: { q },
          sort: { field: 'id', order: 'ASC' },
          pagination: { page: 1, perPage: 100 },
        })
      ).data.map((r) => r.id);
    expect(await viewerList('5555888')).toEqual([]);
    // nor by a word reaching across from the name into the phones
    expect(await viewerList('搜号码 136')).toEqual([]);
    expect(await viewerList('搜号码')).toEqual([id]);
  });

  it('finds guests by their organisation’s new name once it is renamed', async () => {
    const { id } = await (await post('organizations', { name: '旧名研究所', kind: 'institute' })).json();
    const guest = await (await post('attendees', { summitId: 1, name: '改名客', organizationId: id })).json();
    expect(await list('attendees', { q: '旧名研究所' })).toEqual([guest.id]);
    await server.client.update('organizations', {
      id,
      data: { name: '新名研究院', version: 1 },
      previousData: { id, name: '旧名研究所', version: 1 },
    });
    expect(await list('attendees', { q: '新名研究院' })).toEqual([guest.id]);
    expect(await list('attendees', { q: '旧名研究所' })).toEqual([]);
  });
});

describe('dates and times', () => {
  it('a day filter on a date-time field covers the whole Beijing day', async () => {
    // attendee 1 arrives 2026-12-04 17:12 Beijing time (09:12 UTC)
    expect(await list('attendees', { arrivalAt_gte: '2026-12-04', arrivalAt_lte: '2026-12-04' })).toEqual([1]);
    expect(await list('attendees', { arrivalAt_gte: '2026-12-05' })).toEqual([]);
    const early = await post('attendees', { summitId: 1, name: '早班', arrivalAt: '2026-12-05 06:30' }); // 22:30 UTC the day before
    const { id } = await early.json();
    expect(await list('attendees', { arrivalAt_gte: '2026-12-05', arrivalAt_lte: '2026-12-05' })).toEqual([id]);
  });

  it('refuses impossible date-times', async () => {
    for (const arrivalAt of ['2026-02-30T10:00', '2026-12-04 24:00', '2026-12-04T10:61']) {
      const res = await post('attendees', { summitId: 1, name: '某人', arrivalAt });
      expect(res.status, arrivalAt).toBe(400);
    }
  });
});

describe('values', () => {
  it('refuses fractions where whole numbers are meant, hex and other non-decimal text', async () => {
    const lecture = { title: '讲座', kind: 'lecture', startsAt: '2026-12-05T09:00' };
    expect((await (await post('lectures', { ...lecture, audience: 1.5 })).json()).errors.audience).toBe(
      'Must be a whole number',
    );
    expect((await (await post('lectures', { ...lecture, audience: '0x10' })).json()).errors.audience).toBe(
      'Must be a number',
    );
    expect((await post('lectures', { ...lecture, audience: '120' })).status).toBe(201);
  });

  it('refuses control characters anywhere and line breaks in one-line text', async () => {
    const body = await (
      await post('organizations', { name: '江淮\n科技', kind: 'enterprise', note: 'a\u0000b' })
    ).json();
    expect(Object.keys(body.errors).sort()).toEqual(['name', 'note']);
    expect((await post('organizations', { name: '江淮科技', kind: 'enterprise', note: '第一行\n第二行' })).status).toBe(
      201,
    );
  });

  it('refuses an agreement whose enterprise is also its partner', async () => {
    const res = await post('agreements', {
      title: '自签',
      enterpriseId: 1,
      partnerId: 1,
      signedOn: '2026-06-01',
      kind: 'jointRD',
      officer: '赵敏',
    });
    expect((await res.json()).errors.partnerId).toBe('Cannot be the same as “Enterprise”');
  });
});

describe('writes under load', () => {
  it('answers each concurrent update with its own result', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        server
          .api('/attendees/2', { method: 'PATCH', body: JSON.stringify({ hotel: `酒店${i}` }) })
          .then((r) => r.json()),
      ),
    );
    results.forEach((record, i) => expect(record.hotel).toBe(`酒店${i}`));
  });

  it('never leaves a record pointing at one deleted at the same moment', async () => {
    for (let round = 0; round < 10; round++) {
      const summit = await (
        await post('summits', {
          name: `论坛${round}`,
          kind: 'forum',
          startsOn: '2027-01-01',
          endsOn: '2027-01-02',
          status: 'planning',
        })
      ).json();
      await Promise.all([
        ...Array.from({ length: 5 }, (_, i) => post('attendees', { summitId: summit.id, name: `嘉宾${i}` })),
        server.api(`/summits/${summit.id}`, { method: 'DELETE' }),
      ]);
      const left = await list('attendees', { summitId: summit.id });
      const summitThere = (await server.api(`/summits/${summit.id}`)).status === 200;
      if (!summitThere) expect(left, `round ${round}`).toEqual([]);
    }
  });
});

describe('ids', () => {
  it('are never reused, even after the newest record is deleted and the server restarts', async () => {
    const dir = tempDir();
    const first = await startTestServer({ dir });
    const a = await first.client.create('series', { data: { name: '科技大讲堂' } });
    await first.client.delete('series', { id: a.data.id, previousData: a.data });
    const b = await first.client.create('series', { data: { name: '企业创新讲堂' } });
    expect(b.data.id).toBeGreaterThan(a.data.id as number);
    await first.client.delete('series', { id: b.data.id, previousData: b.data });
    await first.close();
    const second = await startTestServer({ dir });
    const c = await second.client.create('series', { data: { name: '青年科学家沙龙' } });
    expect(c.data.id).toBeGreaterThan(b.data.id as number);
    await second.close();
  });
});

describe('HTTP details', () => {
  it('HEAD goes through the same checks as GET', async () => {
    const res = await server.api(`/attendees?filter=${encodeURIComponent('{"name_like":"(("}')}`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-range')).toBe('attendees 0-0/0');
  });

  it('object-prototype names are not resources', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect((await server.api(`/${name}`)).status, name).toBe(404);
      expect((await post(name, {})).status, name).toBe(404);
    }
  });

  it('a malformed URL or an unsupported charset is the client’s mistake, not a 500', async () => {
    expect((await server.api('/series/%E0%A4%A')).status).toBe(400);
    const res = await server.api('/series', {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json; charset=latin1' },
    });
    expect(res.status).toBe(415);
    expect((await res.json()).message).toBe('The request is malformed');
  });

  it('other web pages may not call the API unless their origin is listed', async () => {
    const evil = await server.api('/summits', { headers: { Origin: 'https://evil.example' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const dir = tempDir();
    const { startServer } = await import('../../src/server/app');
    fs.writeFileSync(`${dir}/seed.json`, '{}');
    const open = await startServer({
      port: 0,
      dataFile: `${dir}/data.json`,
      seedFile: `${dir}/seed.json`,
      corsOrigins: ['https://portal.example'],
      adminPassword: ADMIN_PASSWORD,
    });
    const cookie = await loginCookie(open.url, 'admin', ADMIN_PASSWORD);
    const res = await fetch(`${open.url}/api/summits?range=[0,9]`, {
      headers: { Origin: 'https://portal.example', Cookie: cookie },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://portal.example');
    expect(res.headers.get('access-control-expose-headers')).toContain('Content-Range');
    await open.close();
  });
});
