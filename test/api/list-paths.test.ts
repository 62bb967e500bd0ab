import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, tempDir, type TestServer, describeEmbedded } from '../helpers/server';

// Lists and creates are answered in front of json-server (src/server/store/listPath.ts) for speed.
// The same requests against a server that sends everything through json-server's own router
// must get the same answers, byte for byte: rows, order, pages and totals. One difference is
// meant: words (names, titles) sort by pinyin here, by code point in json-server, and links by
// the names they link to (json-server: by id); those queries must match the same rows and
// totals, in pinyin order.
let fast: TestServer;
let plain: TestServer;

beforeAll(async () => {
  const start = async (plainPaths: boolean) => {
    const dir = tempDir();
    fs.copyFileSync(path.resolve('db/seed.json'), path.join(dir, 'seed.json'));
    return startTestServer({ dir, plainPaths });
  };
  [fast, plain] = await Promise.all([start(false), start(true)]);
});
afterAll(() => Promise.all([fast?.close(), plain?.close()]));

const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));
const both = async (pathAndQuery: string) => {
  const answers = await Promise.all(
    [fast, plain].map(async (server) => {
      const res = await server.api(pathAndQuery);
      return { status: res.status, range: res.headers.get('content-range'), body: await res.text() };
    }),
  );
  return answers;
};

const queries: [string, string][] = [
  ['attendees', `sort=${q(['arrivalAt', 'ASC'])}&range=${q([0, 99])}`],
  ['attendees', `filter=${q({ q: '青岚 教授' })}&range=${q([0, 9])}`],
  ['attendees', `filter=${q({ name_like: '王' })}&sort=${q(['id', 'DESC'])}&range=${q([0, 24])}`],
  [
    'attendees',
    `filter=${q({ arrivalAt_gte: '2026-12-03', arrivalAt_lte: '2026-12-04' })}&sort=${q(['arrivalAt', 'ASC'])}`,
  ],
  ['attendees', `filter=${q({ id: [3, 1, 200, 99999] })}`],
  ['attendees', `filter=${q({ id: [] })}`],
  ['attendees', `filter=${q({ invitation: ['confirmed', 'confirmed'] })}&sort=${q(['id', 'DESC'])}&range=${q([0, 9])}`],
  ['attendees', `filter=${q({ id: [3, 3, 1], summitId: [5, '5'] })}`],
  ['agreements', `filter=${q({ overdue: true })}&sort=${q(['nextFollowUpOn', 'ASC'])}`],
  [
    'agreements',
    `filter=${q({ amount_gte: 1000000, amount_lte: 5000000 })}&sort=${q(['amount', 'DESC'])}&range=${q([0, 9])}`,
  ],
  ['agreements', `filter=${q({ status_ne: ['signed', 'completed'] })}&sort=${q(['signedOn', 'DESC'])}`],
  ['agreements', `filter=${q({ ceremonyId: 1 })}`],
  ['followups', `filter=${q({ agreementId: 5 })}&sort=${q(['on', 'DESC'])}`],
  ['summits', `filter=${q({ endsOn_gte: '2026-11-21' })}&sort=${q(['startsOn', 'ASC'])}`],
  ['lectures', `filter=${q({ seriesId: 1 })}&sort=${q(['startsAt', 'DESC'])}&range=${q([0, 4])}`],
];

// sorted by words: [resource, field, order, filter, range]
const textSorts: [string, string, 'ASC' | 'DESC', object, [number, number]][] = [
  ['attendees', 'name', 'ASC', {}, [0, 24]],
  ['attendees', 'name', 'DESC', {}, [25, 49]],
  ['attendees', 'name', 'ASC', { summitId: 5, invitation: ['confirmed', 'checkedIn'] }, [0, 24]],
  ['attendees', 'name', 'ASC', { q: '张' }, [0, 9]],
  ['attendees', 'name', 'ASC', { invitation_ne: 'toInvite', role: 'academician' }, [0, 999]],
  ['attendees', 'name', 'ASC', { invitation: ['confirmed', 'confirmed'] }, [0, 9]],
  ['attendees', 'title', 'DESC', {}, [0, 99]],
  ['attendees', 'hotel', 'ASC', { summitId: 5 }, [0, 99]],
  ['organizations', 'name', 'ASC', {}, [80, 120]],
  ['agreements', 'title', 'DESC', { status_ne: 'signed' }, [0, 9]],
];

const pinyin = new Intl.Collator('zh-CN-u-co-pinyin');
const empty = (value: unknown) => value === null || value === undefined || value === '';

// The embedded store's lists against json-server's router (plainPaths), byte for byte: the
// reference exists only over the embedded store's memory. PostgreSQL's lists are compared
// with the embedded store's in test/postgres/list.test.ts.
describeEmbedded('the fast list path', () => {
  for (const [resource, query] of queries)
    it(`answers ${resource}?${decodeURIComponent(query)} as json-server does`, async () => {
      const [mine, theirs] = await both(`/${resource}?${query}`);
      expect(mine.status).toBe(200);
      expect(mine).toEqual(theirs);
    });

  for (const [resource, field, order, filter, range] of textSorts)
    it(`answers ${resource} sorted by ${field} ${order} (${JSON.stringify(filter)}) by pinyin, with json-server's rows and totals`, async () => {
      const all = `/${resource}?filter=${q(filter)}&sort=${q([field, order])}`;
      const [mine, theirs] = await both(all);
      expect(mine.status).toBe(200);
      expect(mine.range).toBe(theirs.range);
      const rows = JSON.parse(mine.body) as Record<string, unknown>[];
      const byId = (list: Record<string, unknown>[]) => [...list].sort((a, b) => Number(a.id) - Number(b.id));
      expect(byId(rows)).toEqual(byId(JSON.parse(theirs.body)));
      // in pinyin order, rows without a value last whichever the direction
      const values = rows.map((row) => row[field]);
      const filled = values.filter((value) => !empty(value)) as string[];
      expect(values.slice(0, filled.length).every((value) => !empty(value))).toBe(true);
      const sign = order === 'ASC' ? 1 : -1;
      for (let i = 1; i < filled.length; i++)
        expect(
          sign * pinyin.compare(filled[i - 1], filled[i]),
          `${filled[i - 1]} before ${filled[i]}`,
        ).toBeLessThanOrEqual(0);
      // a page is that order's slice, with json-server's Content-Range
      const [page, theirPage] = await both(`${all}&range=${q(range)}`);
      expect(page.range).toBe(theirPage.range);
      expect(JSON.parse(page.body)).toEqual(rows.slice(range[0], range[1] + 1));
    });

  it('sorts guests by their organisation’s name in pinyin, where json-server sorts by its id', async () => {
    const orgs = JSON.parse((await both(`/organizations`))[0].body) as { id: number; name: string }[];
    const names = new Map(orgs.map((o) => [o.id, o.name]));
    for (const order of ['ASC', 'DESC'] as const) {
      const [mine, theirs] = await both(`/attendees?sort=${q(['organizationId', order])}`);
      expect(mine.range).toBe(theirs.range);
      const rows = JSON.parse(mine.body) as { id: number; organizationId: number | null }[];
      expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(
        JSON.parse(theirs.body)
          .map((r: { id: number }) => r.id)
          .sort((a: number, b: number) => a - b),
      );
      const shown = rows.map((r) => (r.organizationId === null ? null : names.get(r.organizationId)!));
      const named = shown.filter((name) => name !== null && name !== undefined) as string[];
      expect(named.length).toBeGreaterThan(100);
      expect(shown.slice(named.length).every((name) => name === null)).toBe(true);
      const sign = order === 'ASC' ? 1 : -1;
      for (let i = 1; i < named.length; i++)
        expect(sign * pinyin.compare(named[i - 1], named[i])).toBeLessThanOrEqual(0);
    }
  });

  it('creates as json-server does: 201, the record, its Location, and it is listed', async () => {
    const body = JSON.stringify({ summitId: 5, name: '新嘉宾', role: 'guest', invitation: 'invited' });
    const [a, b] = await Promise.all([fast, plain].map((server) => server.api('/attendees', { method: 'POST', body })));
    expect(a.status).toBe(201);
    // the same address, each on its own port
    const where = (res: Response) => new URL(res.headers.get('location')!).pathname;
    expect(where(a)).toBe(where(b));
    const [x, y] = [await a.json(), await b.json()];
    expect({ ...x, createdAt: 0, updatedAt: 0 }).toEqual({ ...y, createdAt: 0, updatedAt: 0 });
    const [mine, theirs] = await both(`/attendees?filter=${q({ name: '新嘉宾' })}`);
    expect(JSON.parse(mine.body).map((r: { id: number }) => r.id)).toEqual(
      JSON.parse(theirs.body).map((r: { id: number }) => r.id),
    );
  });
});
