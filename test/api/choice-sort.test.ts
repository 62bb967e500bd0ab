import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enums } from '../../src/schema';
import { newSummit, startTestServer, type TestServer } from '../helpers/server';

// Issue 17, a new user's walk: a choice column (状态, 邀请状态, 身份) sorted in the grid comes
// in the order its choices are declared in the schema, as its filter and its picker list them,
// not by the codes' alphabet; on the server, so every page is right.
let server: TestServer;
let summitId: number;
const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));

beforeAll(async () => {
  server = await startTestServer();
  summitId = await newSummit(server.client, '排序测试论坛');
  // every invitation status and role, twice, in no particular order, and one guest with no role
  const statuses = enums.invitationStatus.map((o) => o.id);
  const roles = enums.attendeeRole.map((o) => o.id);
  for (let i = 0; i < 14; i++)
    await server.client.create('attendees', {
      data: {
        summitId,
        name: `排序${i}`,
        invitation: statuses[(i * 5) % statuses.length],
        role: roles[(i * 3) % roles.length],
      },
    });
});
afterAll(() => server.close());

type Row = Record<string, unknown>;
const list = async (resource: string, query: string) => {
  const res = await server.api(`/${resource}?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Row[];
};
/** the declared order's places of the values, in the order they came */
const placesIn = (enumName: string, values: unknown[]) =>
  values.map((value) => enums[enumName].findIndex((o) => o.id === value));
const ascending = (places: number[]) => places.every((p, i) => i === 0 || places[i - 1] <= p);

describe('sorting by a choice field', () => {
  it('a summit’s guests by 邀请状态: in the declared order both ways, and page by page', async () => {
    const filter = q({ summitId });
    const all = await list('attendees', `filter=${filter}&sort=${q(['invitation', 'ASC'])}`);
    expect(all).toHaveLength(14);
    const places = placesIn(
      'invitationStatus',
      all.map((row) => row.invitation),
    );
    expect(ascending(places), JSON.stringify(all.map((row) => row.invitation))).toBe(true);
    expect(all[0].invitation).toBe('toInvite');
    // the second page continues where the first stopped
    const pages = [
      ...(await list('attendees', `filter=${filter}&sort=${q(['invitation', 'ASC'])}&range=${q([0, 6])}`)),
      ...(await list('attendees', `filter=${filter}&sort=${q(['invitation', 'ASC'])}&range=${q([7, 13])}`)),
    ];
    expect(pages.map((row) => row.id)).toEqual(all.map((row) => row.id));
    const down = await list('attendees', `filter=${filter}&sort=${q(['invitation', 'DESC'])}`);
    expect(
      ascending(
        placesIn(
          'invitationStatus',
          down.map((row) => row.invitation),
        ).reverse(),
      ),
    ).toBe(true);
  });

  it('every guest by 身份, unfiltered, in the declared order both ways', async () => {
    for (const order of ['ASC', 'DESC']) {
      const roles = (await list('attendees', `sort=${q(['role', order])}`)).map((row) => row.role);
      expect(new Set(roles).size).toBeGreaterThan(3);
      const places = placesIn('attendeeRole', roles);
      expect(ascending(order === 'ASC' ? places : places.reverse()), `${order}: ${roles.join(',')}`).toBe(true);
    }
  });

  it('by 交通方式: those without one last, whichever the direction', async () => {
    const guests = await list('attendees', `filter=${q({ summitId })}&sort=${q(['id', 'ASC'])}`);
    const modes = enums.arrivalMode.map((o) => o.id);
    for (const [i, mode] of [modes.at(-1), modes[0], modes.at(-1), modes[1]].entries())
      expect(
        (
          await server.api(`/attendees/${guests[i].id}`, {
            method: 'PATCH',
            body: JSON.stringify({ arrivalMode: mode }),
          })
        ).status,
      ).toBe(200);
    for (const order of ['ASC', 'DESC']) {
      const rows = await list('attendees', `filter=${q({ summitId })}&sort=${q(['arrivalMode', order])}`);
      const given = rows.map((row) => row.arrivalMode).filter((mode) => mode != null);
      expect(given).toHaveLength(4);
      expect(rows.slice(given.length).every((row) => row.arrivalMode == null)).toBe(true);
      const places = placesIn('arrivalMode', given);
      expect(ascending(order === 'ASC' ? places : places.reverse()), `${order}: ${given.join(',')}`).toBe(true);
    }
  });

  it('agreements by 状态: 已签约, 推进中 … 已终止, as the board’s columns', async () => {
    const rows = await list('agreements', `sort=${q(['status', 'ASC'])}`);
    expect(new Set(rows.map((row) => row.status)).size).toBeGreaterThan(1);
    expect(
      ascending(
        placesIn(
          'agreementStatus',
          rows.map((row) => row.status),
        ),
      ),
    ).toBe(true);
  });

  it('a choice field of one’s own: in the order its options are declared, and again when they are reordered', async () => {
    const send = (method: string, path: string, body: object) =>
      server.api(path, { method, body: JSON.stringify(body) });
    const created = await send('POST', '/customFields', {
      resource: 'attendees',
      source: 'meal',
      labelZh: '用餐',
      type: 'enum',
      // neither the codes' order (无, 清真, 素食) nor pinyin's (清真, 素食, 无)
      options: '素食\n清真\n无',
    });
    expect(created.status).toBe(201);
    const definition = await created.json();
    const guests = await list('attendees', `filter=${q({ summitId })}&sort=${q(['id', 'ASC'])}`);
    for (const [i, meal] of ['无', '清真', '素食', '无', '素食'].entries())
      expect((await send('PATCH', `/attendees/${guests[i].id}`, { meal })).status).toBe(200);
    // a summit's few guests are sorted when asked; every guest's order is kept until it changes
    const meals = async () => {
      const few = await list('attendees', `filter=${q({ summitId })}&sort=${q(['meal', 'ASC'])}`);
      const all = await list('attendees', `sort=${q(['meal', 'ASC'])}`);
      const given = (rows: Row[]) => rows.map((row) => row.meal).filter((meal) => meal != null);
      expect(given(all)).toEqual(given(few));
      return given(few);
    };
    expect(await meals()).toEqual(['素食', '素食', '清真', '无', '无']);
    // reordered by the admin: the order follows, though no guest changed
    expect((await send('PATCH', `/customFields/${definition.id}`, { options: '无\n清真\n素食' })).status).toBe(200);
    expect(await meals()).toEqual(['无', '无', '清真', '素食', '素食']);
  });
});
