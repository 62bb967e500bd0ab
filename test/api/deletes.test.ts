import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const ids = async (resource: string, filter: object = {}) =>
  (
    await server.client.getList(resource, {
      filter,
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 100 },
    })
  ).data.map((r) => r.id);

describe('deleting a record others refer to', () => {
  it('is refused with 409 and a message that names the dependants; nothing is deleted', async () => {
    const res = await server.api('/summits/1', { method: 'DELETE' });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.message).toContain('(lectures: 1, signing ceremonies: 1, attendees: 2)');
    expect(body.dependants).toEqual({ attendees: 2, lectures: 1, ceremonies: 1 });
    expect(await ids('summits')).toEqual([1, 2]);
    expect(await ids('attendees', { summitId: 1 })).toEqual([1, 2]);
  });

  it('says so in Chinese too', async () => {
    const res = await server.api('/organizations/2', { method: 'DELETE', headers: { 'Accept-Language': 'zh' } });
    expect(res.status).toBe(409);
    expect((await res.json()).message).toMatch(/^还有讲座活动 2 条、参会人员 1 条、签约项目 1 条关联到这条记录/);
  });

  it('with cascade, deletes what requires it and unlinks what merely mentions it', async () => {
    const res = await server.api('/summits/1?cascade=true', { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect((await res.json()).name).toBe('智能制造高峰论坛');
    expect(await ids('summits')).toEqual([2]);
    expect(await ids('attendees')).toEqual([3]);
    // the keynote stays in its series, no longer tied to a summit
    expect((await server.client.getOne('lectures', { id: 1 })).data.summitId).toBeNull();
    // the ceremony stays too, and the agreement signed at it keeps its ceremony
    expect((await server.client.getOne('ceremonies', { id: 1 })).data.summitId).toBeNull();
    expect((await server.client.getOne('agreements', { id: 1 })).data.ceremonyId).toBe(1);
  });

  it('a record nobody refers to is simply deleted, and a missing one is a 404', async () => {
    expect((await server.api('/followups/1', { method: 'DELETE' })).status).toBe(200);
    const res = await server.api('/followups/1', { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect((await res.json()).message).toBe('No such record');
  });
});

describe('deleting a user who wrote things', () => {
  it('leaves the audit trail as it was written: the entries keep their user, their version, their text', async () => {
    const writer = await server.userWithRole('organiser');
    const [summit] = (await (await server.api('/summits')).json()) as { id: number }[];
    const made = await writer.api('/attendees', {
      method: 'POST',
      body: JSON.stringify({ summitId: summit.id, name: '审计留痕', role: 'guest', invitation: 'invited' }),
    });
    expect(made.status).toBe(201);
    const guest = (await made.json()) as { id: number };
    const trailOf = async () =>
      (await (
        await server.api(`/audit?filter=${encodeURIComponent(JSON.stringify({ userId: writer.id }))}`)
      ).json()) as {
        id: number;
        userId: number;
        username: string;
        version: number;
        updatedAt?: string;
      }[];
    const before = await trailOf();
    expect(before.length).toBeGreaterThan(0);
    // history does not hold a user back: the delete needs no cascade
    const res = await server.api(`/users/${writer.id}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    const after = await trailOf();
    expect(after).toEqual(before);
    expect(after.every((entry) => entry.username === writer.username)).toBe(true);
    // and the guest they created is still theirs in its history
    const own = await (
      await server.api(
        `/audit?filter=${encodeURIComponent(JSON.stringify({ resource: 'attendees', recordId: String(guest.id) }))}`,
      )
    ).json();
    expect(own[0]).toMatchObject({ userId: writer.id, username: writer.username, action: 'create' });
  });
});
