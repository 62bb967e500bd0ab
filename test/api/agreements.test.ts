import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallSeed } from '../fixtures/smallSeed';
import { startTestServer, type TestServer } from '../helpers/server';

// The agreements ledger: status moves through follow-ups only, within the lifecycle the schema
// declares; overdue by the Beijing calendar; figures computed on the server.
let server: TestServer;
/** the server's clock, moved by the tests */
let clock = Date.parse('2026-11-21T04:00:00Z'); // noon in Beijing

const agreement = (id: number, fields: Record<string, unknown>) => ({
  id,
  title: `项目${id}`,
  enterpriseId: 1,
  partnerId: 2,
  ceremonyId: null,
  signedOn: '2026-01-15',
  kind: 'jointLab',
  industry: 'graphene',
  amount: 1_000_000,
  status: 'signed',
  officer: '赵敏',
  nextFollowUpOn: null,
  note: null,
  ...fields,
});

beforeAll(async () => {
  const seed = smallSeed();
  // hand-counted below: statuses, amounts, industries, months, partners
  (seed.agreements as Record<string, unknown>[]).push(
    agreement(3, {
      status: 'completed',
      amount: 3_000_000,
      partnerId: 3,
      signedOn: '2025-06-01',
      industry: 'agriMachinery',
    }),
    agreement(4, { status: 'stalled', amount: 500_000, nextFollowUpOn: '2026-11-20', signedOn: '2025-06-30' }),
    agreement(5, { status: 'landed', amount: 2_000_000, nextFollowUpOn: '2026-11-21', officer: '钱进' }),
    agreement(6, { status: 'terminated', amount: null, nextFollowUpOn: '2026-01-01', industry: null }),
  );
  server = await startTestServer({ seed, now: () => clock });
});
afterAll(() => server.close());

const get = async (resource: string, id: number) => (await server.client.getOne(resource, { id })).data;
const count = async (resource: string) =>
  (
    await server.client.getList(resource, {
      filter: {},
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 1 },
    })
  ).total;
const post = (resource: string, body: object) =>
  server.api(`/${resource}`, { method: 'POST', body: JSON.stringify(body) });
const followUp = (agreementId: number, fields: Record<string, unknown>) =>
  post('followups', { agreementId, on: '2026-11-21', officer: '赵敏', kind: 'visit', note: '走访企业', ...fields });

describe('the status lifecycle', () => {
  it('refuses a status change made directly, saying how to make it', async () => {
    const res = await server.api('/agreements/1', { method: 'PATCH', body: JSON.stringify({ status: 'inProgress' }) });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual({ status: 'Not changed directly: add a follow-up' });
    expect((await get('agreements', 1)).status).toBe('signed');
    // other fields still change as ever
    const note = await server.api('/agreements/1', { method: 'PATCH', body: JSON.stringify({ note: '重点项目' }) });
    expect(note.status).toBe(200);
  });

  it('moves the agreement with a follow-up: status and next follow-up day, in one step, both audited', async () => {
    const before = await get('agreements', 1);
    const res = await followUp(1, { statusAfter: 'inProgress', nextOn: '2026-12-15', nextStep: '对接实验室场地' });
    expect(res.status).toBe(201);
    const after = await get('agreements', 1);
    expect(after).toMatchObject({ status: 'inProgress', nextFollowUpOn: '2026-12-15', version: before.version + 1 });
    const trail = await server.client.getList('audit', {
      filter: { resource: 'agreements', recordId: '1' },
      sort: { field: 'id', order: 'DESC' },
      pagination: { page: 1, perPage: 1 },
    });
    expect(trail.data[0]).toMatchObject({
      action: 'update',
      before: { status: 'signed', nextFollowUpOn: '2026-12-20' },
      after: { status: 'inProgress', nextFollowUpOn: '2026-12-15' },
    });
    // a follow-up without a status change moves only the next day
    await followUp(1, { nextOn: '2027-01-10' });
    expect(await get('agreements', 1)).toMatchObject({ status: 'inProgress', nextFollowUpOn: '2027-01-10' });
  });

  it('refuses a move the lifecycle does not allow, and writes neither the follow-up nor the agreement', async () => {
    const followups = await count('followups');
    const done = await followUp(3, { statusAfter: 'signed', nextOn: '2027-01-01' });
    expect(done.status).toBe(400);
    expect((await done.json()).errors).toEqual({ statusAfter: '“Completed” is final: it cannot become “Signed”' });
    const back = await server.api('/followups', {
      method: 'POST',
      headers: { 'Accept-Language': 'zh' },
      body: JSON.stringify({
        agreementId: 5,
        on: '2026-11-21',
        officer: '钱进',
        kind: 'call',
        note: '电话',
        statusAfter: 'signed',
        nextOn: '2027-01-01',
      }),
    });
    expect((await back.json()).errors.statusAfter).toBe('不能从“已落地”改为“已签约”，只能改为：已完成、停滞、已终止');
    expect(await count('followups')).toBe(followups);
    expect((await get('agreements', 3)).status).toBe('completed');
    expect((await get('agreements', 5)).status).toBe('landed');
  });

  it('asks for the next follow-up day while the agreement is open, and clears it once it is final', async () => {
    const { data: fresh } = await server.client.create('agreements', {
      data: { ...agreement(0, { nextFollowUpOn: '2026-12-01' }), id: undefined, title: '终止测试' },
    });
    const open = await followUp(fresh.id as number, { statusAfter: 'inProgress' });
    expect(open.status).toBe(400);
    expect((await open.json()).errors).toEqual({ nextOn: 'Required' });
    expect(
      (await followUp(fresh.id as number, { statusAfter: 'terminated', note: '企业经营困难，终止合作' })).status,
    ).toBe(201);
    expect(await get('agreements', fresh.id as number)).toMatchObject({ status: 'terminated', nextFollowUpOn: null });
    await server.api(`/agreements/${fresh.id}?cascade=true`, { method: 'DELETE' });
  });

  it('records a follow-up dated before the latest as history: it moves nothing, and may not ask to', async () => {
    const before = await get('agreements', 1);
    const moving = await followUp(1, { on: '2026-06-01', statusAfter: 'stalled', nextOn: '2026-06-10' });
    expect(moving.status).toBe(400);
    expect((await moving.json()).errors.statusAfter).toContain('(2026-11-21)');
    const late = await followUp(1, { on: '2026-06-01', nextOn: '2026-06-10' });
    expect(late.status).toBe(201);
    expect(await get('agreements', 1)).toMatchObject({ status: before.status, nextFollowUpOn: before.nextFollowUpOn });
  });

  it('refuses a follow-up dated after today', async () => {
    const res = await followUp(1, { on: '2099-01-01', nextOn: '2099-02-01' });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual({ on: 'Cannot be after today' });
  });

  it('leaves the agreement unchanged when the follow-up itself is invalid', async () => {
    const before = await get('agreements', 4);
    const res = await followUp(4, { statusAfter: 'inProgress', note: '', nextOn: '2026-01-01' });
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).errors).sort()).toEqual(['nextOn', 'note']);
    expect(await get('agreements', 4)).toEqual(before);
  });

  it('keeps a recorded move as history: a follow-up’s status and agreement cannot be edited', async () => {
    const res = await server.api('/followups/1', { method: 'PATCH', body: JSON.stringify({ statusAfter: 'landed' }) });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual({ statusAfter: 'Cannot be changed once created' });
  });

  it('survives a restart with the follow-up and the agreement together', async () => {
    await followUp(2, { statusAfter: 'landed', nextOn: '2027-02-01' });
    await server.close();
    server = await startTestServer({ dir: server.dir, now: () => clock });
    expect(await get('agreements', 2)).toMatchObject({ status: 'landed', nextFollowUpOn: '2027-02-01' });
  });
});

describe('overdue, by the Beijing calendar', () => {
  const overdue = async (filter: object = {}) =>
    (
      await server.client.getList('agreements', {
        filter: { overdue: true, ...filter },
        sort: { field: 'id', order: 'ASC' },
        pagination: { page: 1, perPage: 100 },
      })
    ).data.map((a) => a.id);

  it('is a next follow-up day already past in Beijing, for an agreement still being followed', async () => {
    clock = Date.parse('2026-11-21T15:59:59Z'); // 23:59:59 on the 21st in Beijing
    expect(await overdue()).toEqual([4]); // 5 is due today; 6 is terminated
    clock = Date.parse('2026-11-21T16:00:00Z'); // midnight: the 22nd has begun in Beijing
    expect(await overdue()).toEqual([4, 5]);
    expect(await overdue({ officer: '钱进' })).toEqual([5]);
    expect(await overdue({ status: ['stalled', 'completed'] })).toEqual([4]);
    // an empty condition of the list's own does not widen the named one
    expect(await overdue({ nextFollowUpOn_lte: '', status: null })).toEqual([4, 5]);
  });
});

describe('my projects', () => {
  it('are the agreements whose officer is the user’s display name', async () => {
    const { data: user } = await server.client.create('users', {
      data: { username: 'qianjin', displayName: '钱进', role: 'official', password: 'qianjin-password' },
    });
    const qian = await server.login('qianjin', 'qianjin-password');
    const { data } = await qian.client.getList('agreements', {
      filter: { mine: true },
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 100 },
    });
    expect(data.map((a) => a.officer)).toEqual(['钱进', '钱进']);
    expect(user.id).toBeDefined();
  });
});

describe('figures computed on the server', () => {
  const aggregate = async (resource: string, params: Record<string, unknown>, session = server) => {
    const search = new URLSearchParams(
      Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    );
    const res = await session.api(`/${resource}/aggregate?${search}`);
    return { status: res.status, body: await res.json() };
  };

  it('counts and sums agreements by status, industry, month and partner, as counted by hand', async () => {
    // after the tests above: 1 inProgress 5,000,000 · 2 landed 1,200,000 · 3 completed 3,000,000 ·
    // 4 stalled 500,000 · 5 landed 2,000,000 · 6 terminated (no amount)
    const byStatus = await aggregate('agreements', { groupBy: 'status', sum: 'amount' });
    expect(byStatus.body).toEqual({
      count: 6,
      sum: 11_700_000,
      groups: [
        { key: 'completed', count: 1, sum: 3_000_000 },
        { key: 'inProgress', count: 1, sum: 5_000_000 },
        { key: 'landed', count: 2, sum: 3_200_000 },
        { key: 'stalled', count: 1, sum: 500_000 },
        { key: 'terminated', count: 1, sum: 0 },
      ],
    });
    const industry = await aggregate('agreements', {
      groupBy: 'industry',
      sum: 'amount',
      filter: { signedOn_gte: '2026-01-01' },
    });
    expect(industry.body.groups).toEqual([
      { key: null, count: 1, sum: 0 },
      { key: 'agriMachinery', count: 1, sum: 1_200_000 },
      { key: 'graphene', count: 1, sum: 2_000_000 },
      { key: 'intelligentManufacturing', count: 1, sum: 5_000_000 },
    ]);
    const months = await aggregate('agreements', { groupBy: 'signedOn:month' });
    expect(months.body.groups).toEqual([
      { key: '2025-06', count: 2 },
      { key: '2026-01', count: 2 },
      { key: '2026-03', count: 1 },
      { key: '2026-12', count: 1 },
    ]);
    const partners = await aggregate('agreements', { groupBy: 'partnerId', top: '1' });
    expect(partners.body.groups).toEqual([{ key: 2, count: 4 }]);
    const overdue = await aggregate('agreements', { filter: { overdue: true }, sum: 'amount' });
    expect(overdue.body).toEqual({ count: 2, sum: 2_500_000 });
  });

  it('groups words in pinyin order: the officers the board offers', async () => {
    const officers = await aggregate('agreements', { groupBy: 'officer' });
    expect(officers.body.groups.map((g: { key: string }) => g.key)).toEqual(['钱进', '赵敏']);
  });

  it('gives each agreement its last follow-up day', async () => {
    const last = await aggregate('followups', { groupBy: 'agreementId', max: 'on' });
    expect(last.body.groups).toEqual([
      { key: 1, count: 3, max: '2026-11-21' }, // the third, from June, is history entered late
      { key: 2, count: 2, max: '2026-11-21' },
    ]);
  });

  it('groups date-times by the Beijing day, and refuses what it cannot compute', async () => {
    // 王强 checked in at 08:40 on 18 March in Beijing (00:40 UTC)
    const checkIns = await aggregate('attendees', {
      groupBy: 'checkedInAt:month',
      filter: { checkedInAt_gte: '2026-01-01' },
    });
    expect(checkIns.body.groups).toEqual([{ key: '2026-03', count: 1 }]);
    expect((await aggregate('agreements', { sum: 'title' })).body.message).toBe('Bad query: cannot sum "title"');
    expect((await aggregate('agreements', { groupBy: 'title:month' })).status).toBe(400);
    expect((await aggregate('agreements', { groupBy: 'nothing' })).status).toBe(400);
    const viewer = await server.userWithRole('viewer');
    expect((await aggregate('attendees', { groupBy: 'phone' }, viewer as unknown as TestServer)).status).toBe(403);
    // nor the largest phone number of each group
    expect(
      (await aggregate('attendees', { groupBy: 'name', max: 'phone' }, viewer as unknown as TestServer)).status,
    ).toBe(403);
    // and lists and figures agree on what "not" means (json-server's own semantics)
    const list = await server.client.getList('agreements', {
      filter: { status_ne: ['signed', 'completed'], ceremonyId_ne: 999 },
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 100 },
    });
    const figure = await aggregate('agreements', {
      filter: { status_ne: ['signed', 'completed'], ceremonyId_ne: 999 },
    });
    expect(figure.body.count).toBe(list.total);
    expect((await aggregate('users', { groupBy: 'role' }, viewer as unknown as TestServer)).status).toBe(403);
  });
});
