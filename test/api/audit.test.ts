import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const trail = async (filter: object) =>
  (
    await server.client.getList('audit', {
      filter,
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 100 },
    })
  ).data;

describe('every write leaves an audit entry: who, when, which record, fields before and after', () => {
  it('create, update and delete', async () => {
    const organiser = await server.userWithRole('organiser');
    const { data } = await organiser.client.create('series', { data: { name: '青年科学家沙龙', host: '市科协' } });
    await organiser.client.update('series', {
      id: data.id,
      data: { host: '市科技局', version: 1 },
      previousData: data,
    });
    await organiser.client.delete('series', { id: data.id, previousData: data });
    const entries = await trail({ resource: 'series', recordId: String(data.id) });
    expect(entries.map((e) => [e.action, e.username, e.version])).toEqual([
      ['create', organiser.username, 1],
      ['update', organiser.username, 2],
      ['delete', organiser.username, 2],
    ]);
    expect(entries[0].after).toMatchObject({ name: '青年科学家沙龙', host: '市科协' });
    expect(entries[1].before).toEqual({ host: '市科协' });
    expect(entries[1].after).toEqual({ host: '市科技局' });
    expect(entries[2].before).toMatchObject({ name: '青年科学家沙龙', host: '市科技局' });
    expect(entries[2].after).toBeNull();
    expect(Date.parse(entries[0].at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('an update that changes nothing leaves no entry and keeps the version', async () => {
    const before = (await trail({ resource: 'summits', recordId: '2' })).length;
    const { data } = await server.client.update('summits', {
      id: 2,
      data: { city: '常州', version: 1 },
      previousData: { id: 2 },
    });
    expect(data.version).toBe(1);
    expect(await trail({ resource: 'summits', recordId: '2' })).toHaveLength(before);
  });

  it('a cascade delete records every record it removed or unlinked', async () => {
    await server.api('/summits/1?cascade=true', { method: 'DELETE' });
    const entries = await trail({ action: ['delete', 'update'] });
    const touched = entries.map((e) => `${e.action} ${e.resource}/${e.recordId}`);
    expect(touched).toEqual(
      expect.arrayContaining([
        'delete summits/1',
        'delete attendees/1',
        'delete attendees/2',
        'update lectures/1',
        'update ceremonies/1',
      ]),
    );
    expect(entries.find((e) => e.resource === 'lectures')!.after).toEqual({ summitId: null });
  });

  it('survives a restart, like the data it describes', async () => {
    const dir = server.dir;
    const count = (await trail({})).length;
    await server.close();
    server = await startTestServer({ dir });
    expect((await trail({})).length).toBeGreaterThanOrEqual(count);
  });
});
