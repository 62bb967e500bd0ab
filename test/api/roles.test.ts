import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Session, type TestServer } from '../helpers/server';

// The role table of the issue, written out by hand (not derived from the schema), so a
// change to the schema that breaks it fails here.
const WRITES: Record<string, string[]> = {
  organiser: ['summits', 'series', 'lectures', 'ceremonies', 'attendees', 'organizations'],
  official: ['agreements', 'followups', 'organizations'],
  viewer: [],
};
const EVERYDAY = [
  'summits',
  'series',
  'lectures',
  'ceremonies',
  'attendees',
  'organizations',
  'agreements',
  'followups',
];
const ADMIN_ONLY = ['users', 'audit'];

// A valid new record per resource (references point into the small seed).
const NEW: Record<string, object> = {
  summits: {
    name: '新型储能产业论坛',
    kind: 'forum',
    startsOn: '2027-05-10',
    endsOn: '2027-05-11',
    status: 'planning',
  },
  series: { name: '企业创新讲堂' },
  lectures: { title: '储能安全', kind: 'lecture', startsAt: '2027-05-10T09:00' },
  ceremonies: { title: '储能项目签约', heldOn: '2027-05-10' },
  attendees: { summitId: 1, name: '陆远' },
  organizations: { name: '青岚储能科技有限公司', kind: 'enterprise' },
  agreements: {
    title: '储能联合实验室',
    enterpriseId: 1,
    partnerId: 2,
    signedOn: '2026-11-01',
    kind: 'jointLab',
    officer: '赵敏',
  },
  followups: { agreementId: 1, on: '2026-11-10', officer: '赵敏', note: '电话跟进', nextOn: '2026-12-01' },
};

let server: TestServer;
const sessions: Record<string, Session> = {};
beforeAll(async () => {
  server = await startTestServer();
  for (const role of Object.keys(WRITES)) sessions[role] = await server.userWithRole(role);
});
afterAll(() => server.close());

describe.each(Object.keys(WRITES))('%s', (role) => {
  it.each(EVERYDAY)(`reads %s; writes it only where the role table says`, async (resource) => {
    const session = sessions[role];
    expect((await session.api(`/${resource}`)).status).toBe(200);
    expect((await session.api(`/${resource}/1`)).status).toBe(200);
    const created = await session.api(`/${resource}`, { method: 'POST', body: JSON.stringify(NEW[resource]) });
    const count = async () =>
      Number((await server.api(`/${resource}?range=[0,0]`)).headers.get('content-range')!.split('/')[1]);
    if (WRITES[role].includes(resource)) {
      expect(created.status).toBe(201);
      const { id } = await created.json();
      expect((await session.api(`/${resource}/${id}`, { method: 'PATCH', body: '{}' })).status).toBe(200);
      expect((await session.api(`/${resource}/${id}`, { method: 'DELETE' })).status).toBe(200);
    } else {
      const before = await count();
      expect(created.status).toBe(403);
      expect((await created.json()).message).toMatch(/^Your role \(\w+\) may not change /);
      expect((await session.api(`/${resource}/1`, { method: 'PUT', body: '{"note":"x"}' })).status).toBe(403);
      expect((await session.api(`/${resource}/1`, { method: 'DELETE' })).status).toBe(403);
      expect(await count()).toBe(before);
    }
  });

  it.each(ADMIN_ONLY)('may not read or write %s', async (resource) => {
    const session = sessions[role];
    const res = await session.api(`/${resource}`);
    expect(res.status).toBe(403);
    expect((await res.json()).message).toMatch(/may not read/);
    expect((await session.api(`/${resource}`, { method: 'POST', body: '{}' })).status).toBe(403);
  });
});

describe('viewers and personal data', () => {
  it('see phone numbers and e-mails masked in lists and records', async () => {
    const list = await (await sessions.viewer.api('/attendees?filter={"summitId":1}')).json();
    expect(list.find((a: { id: number }) => a.id === 1)).toMatchObject({
      phone: '139****1111',
      email: 'z***@example.cn',
    });
    expect(await (await sessions.viewer.api('/attendees/2')).json()).toMatchObject({ phone: '139****2222' });
    expect(await (await sessions.viewer.api('/organizations/1')).json()).toMatchObject({ phone: '138****5678' });
    // others see them whole
    expect(await (await sessions.organiser.api('/attendees/2')).json()).toMatchObject({ phone: '13900002222' });
  });

  it('cannot find a masked number by searching or filtering for it', async () => {
    expect(await (await sessions.viewer.api('/attendees?filter={"q":"13900001111"}')).json()).toEqual([]);
    const res = await sessions.viewer.api('/attendees?filter={"phone_like":"139"}');
    expect(res.status).toBe(403);
    expect((await res.json()).message).toBe('Your role may not filter, sort or group by personal data (Phone)');
    expect(
      (await (await sessions.organiser.api('/attendees?filter={"q":"13900001111"}')).json()).map(
        (a: { id: number }) => a.id,
      ),
    ).toEqual([1]);
  });
});

describe('the audit trail', () => {
  it('is read-only, for admins too', async () => {
    expect(
      (
        await server.api('/audit', {
          method: 'POST',
          body: JSON.stringify({ at: '2026-01-01T00:00', action: 'create', resource: 'x', recordId: '1' }),
        })
      ).status,
    ).toBe(403);
    expect((await server.api('/audit/1', { method: 'PUT', body: '{}' })).status).toBe(403);
    expect((await server.api('/audit/1', { method: 'DELETE' })).status).toBe(403);
  });
});

describe('a cascade delete', () => {
  it('reaches only lists the role may write: else 403 naming the list, and nothing is deleted or unlinked', async () => {
    const make = async (resource: string, body: object) =>
      (await (await server.api(`/${resource}`, { method: 'POST', body: JSON.stringify(body) })).json()) as {
        id: number;
      };
    const org = await make('organizations', { name: '级联测试企业', kind: 'enterprise' });
    const agreement = await make('agreements', { ...NEW.agreements, enterpriseId: org.id, title: '级联测试项目' });
    const guest = await make('attendees', { summitId: 1, name: '级联来宾', organizationId: org.id });
    // an organiser may write organisations but not agreements, which the cascade would delete
    const byOrganiser = await sessions.organiser.api(`/organizations/${org.id}?cascade=true`, { method: 'DELETE' });
    expect(byOrganiser.status).toBe(403);
    expect((await byOrganiser.json()).message).toMatch(/may not change signed agreements|may not change .*agreement/i);
    // an official may write agreements but not guests, whose link the cascade would clear
    const byOfficial = await sessions.official.api(`/organizations/${org.id}?cascade=true`, { method: 'DELETE' });
    expect(byOfficial.status).toBe(403);
    expect((await server.api(`/agreements/${agreement.id}`)).status).toBe(200);
    expect((await (await server.api(`/attendees/${guest.id}`)).json()).organizationId).toBe(org.id);
    expect((await server.api(`/organizations/${org.id}`)).status).toBe(200);
    // an admin may
    expect((await server.api(`/organizations/${org.id}?cascade=true`, { method: 'DELETE' })).status).toBe(200);
    expect((await server.api(`/agreements/${agreement.id}`)).status).toBe(404);
  });
});
