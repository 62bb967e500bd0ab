import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSummit, rowsOf, startTestServer, type Session, type TestServer } from '../helpers/server';

// Imports and pastes sent at the same moment, by two users: every answer true to what was
// written, one organisation however many rows at once name it, one audit entry per write, and
// a paste onto a row someone changed meanwhile refused rather than laid over the change.
let server: TestServer;
let organiser: Session;
let summitId: number;

beforeAll(async () => {
  server = await startTestServer();
  organiser = await server.userWithRole('organiser');
  summitId = await newSummit(server.client, '并发导入论坛');
});
afterAll(() => server.close());

const send = (who: Session, body: object, dryRun = false) =>
  who.api(`/attendees/import${dryRun ? '?dryRun=true' : ''}`, { method: 'POST', body: JSON.stringify(body) });

const auditOf = async (resource: string, recordId: unknown) =>
  (await rowsOf(server.client, 'audit', { resource, recordId: String(recordId) }, 1000)) as {
    version: number;
    username: string;
    action: string;
  }[];

describe('imports at the same moment', () => {
  it('forty one-row imports naming one new organisation, by two users: one organisation, forty guests', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        send(i % 2 ? organiser : server, {
          columns: ['name', 'organizationId', 'phone', 'arrivalAt'],
          rows: [[`并发嘉宾${i}`, '同时新建的研究院', `1390000${String(i).padStart(4, '0')}`, '5月24日 下午3点']],
          key: ['summitId', 'phone'],
          fixed: { summitId },
        }).then(async (res) => ({ status: res.status, body: await res.json() })),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(40).fill(200));
    const orgs = (await rowsOf(server.client, 'organizations', {}, 1000)).filter((o) => o.name === '同时新建的研究院');
    expect(orgs).toHaveLength(1);
    // exactly one answer says it created the organisation, with its id; the rest found it
    const creators = results.filter((r) => r.body.newRecords.length === 1);
    expect(creators).toHaveLength(1);
    expect(creators[0].body.newRecords[0]).toMatchObject({ name: '同时新建的研究院', id: orgs[0].id });
    const guests = await rowsOf(server.client, 'attendees', { summitId }, 100);
    expect(guests).toHaveLength(40);
    expect(new Set(guests.map((g) => g.organizationId))).toEqual(new Set([orgs[0].id]));
    expect(new Set(guests.map((g) => g.arrivalAt))).toEqual(new Set(['2027-05-24T07:00:00.000Z']));
    // each answer names its own row's new id, and each row has one audit entry, by whoever sent it
    const ids = results.map((r) => r.body.rows[0].id);
    expect(new Set(ids).size).toBe(40);
    for (const [i, id] of ids.entries()) {
      const trail = await auditOf('attendees', id);
      expect(trail, `guest ${i}`).toEqual([
        expect.objectContaining({
          action: 'import',
          version: 1,
          username: i % 2 ? expect.stringMatching(/^organiser/) : 'admin',
        }),
      ]);
    }
    expect(await auditOf('organizations', orgs[0].id)).toHaveLength(1);
  });

  it('twenty pastes onto one row at the version both users saw: one is written, the rest are refused, none lost', async () => {
    const { data: guest } = await server.client.create('attendees', {
      data: { summitId, name: '被同时粘贴的嘉宾', role: 'guest', invitation: 'invited' },
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        send(i % 2 ? organiser : server, {
          columns: ['hotel'],
          rows: [[`酒店${i}`]],
          key: ['id'],
          ids: [guest.id],
          versions: [guest.version],
        }).then(async (res) => ({ i, status: res.status, body: await res.json() })),
      ),
    );
    const written = results.filter((r) => r.status === 200);
    expect(written).toHaveLength(1);
    for (const refused of results.filter((r) => r.status !== 200)) {
      expect(refused.status).toBe(400);
      expect(refused.body.rows[0].errors['']).toContain('Someone changed this row');
    }
    const { data: now } = await server.client.getOne('attendees', { id: guest.id });
    expect(now).toMatchObject({ hotel: `酒店${written[0].i}`, version: Number(guest.version) + 1 });
    const trail = await auditOf('attendees', guest.id);
    expect(trail.map((e) => e.version)).toEqual([1, 2]);
  });

  it('a preview and a commit racing a colleague’s edit: the commit sees the edit and says so', async () => {
    const { data: guest } = await server.client.create('attendees', {
      data: { summitId, name: '预览后被改的嘉宾', role: 'guest', invitation: 'invited' },
    });
    const body = { columns: ['title'], rows: [['教授']], key: ['id'], ids: [guest.id], versions: [guest.version] };
    expect((await (await send(organiser, body, true)).json()).rows[0].outcome).toBe('update');
    await server.client.update('attendees', { id: guest.id, data: { ...guest, title: '院长' }, previousData: guest });
    const res = await send(organiser, body);
    expect(res.status).toBe(400);
    const { data: now } = await server.client.getOne('attendees', { id: guest.id });
    expect(now.title).toBe('院长');
  });
});
