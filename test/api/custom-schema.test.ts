import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/app';
import {
  ADMIN_PASSWORD,
  loginCookie,
  rowsOf,
  sessionFor,
  startTestServer,
  type TestServer,
  itEmbedded,
} from '../helpers/server';

// One server per file: the schema is the process's (see src/schema/custom.ts).
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Body = Record<string, unknown>;
const send = (method: string, path: string, body?: Body) =>
  server.api(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const firstGuest = async () => await rowsOf(server.client, 'attendees', {}, 3);

describe('custom fields', () => {
  let mealPlanId: number;

  it('adds a choice field to attendees: written, read, filtered, and validated like a built-in one', async () => {
    const created = await json(
      await send('POST', '/customFields', {
        resource: 'attendees',
        source: 'mealPlan',
        labelZh: '用餐要求',
        labelEn: 'Dietary needs',
        type: 'enum',
        options: '素食 | Vegetarian\n清真 | Halal\n无',
      }),
    );
    expect(created.status).toBe(201);
    mealPlanId = created.body.id;
    const [guest, other] = await firstGuest();

    const saved = await json(await send('PATCH', `/attendees/${guest.id}`, { mealPlan: '清真' }));
    expect(saved.status).toBe(200);
    expect(saved.body.mealPlan).toBe('清真');
    expect((await json(await send('GET', `/attendees/${guest.id}`))).body.mealPlan).toBe('清真');

    const bad = await json(await send('PATCH', `/attendees/${other.id}`, { mealPlan: 'pizza' }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.mealPlan).toBe('Must be one of: 素食, 清真, 无');

    const filtered = await server.client.getList('attendees', {
      filter: { mealPlan: '清真' },
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 10 },
    });
    expect(filtered.data.map((row) => row.id)).toEqual([guest.id]);

    // the schema every user's app reads
    const schema = (await json(await send('GET', '/schema'))).body;
    expect(schema.customFields.map((row: Body) => row.source)).toContain('mealPlan');
  });

  it('refuses a bad definition with a reason per field', async () => {
    const res = await json(
      await send('POST', '/customFields', {
        resource: 'attendees',
        source: 'name',
        labelZh: '重名',
        type: 'enum',
        options: '',
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.source).toBe('Already used by the system: choose another');
    const res2 = await json(
      await send('POST', '/customFields', {
        resource: 'audit',
        source: '1x',
        labelZh: '坏',
        type: 'enum',
        options: '',
      }),
    );
    expect(res2.body.errors).toMatchObject({
      resource: expect.stringContaining('Must be one of'),
      source: expect.stringContaining('Start with a letter'),
    });
    const res3 = await json(
      await send('POST', '/customFields', {
        resource: 'attendees',
        source: 'seats',
        labelZh: '座位',
        type: 'number',
        defaultValue: 'many',
      }),
    );
    expect(res3.body.errors.defaultValue).toBe('Must be a number');
  });

  it('hides a field and shows it again with its values kept', async () => {
    const [guest] = await firstGuest();
    expect((await send('PATCH', `/customFields/${mealPlanId}`, { hidden: true })).status).toBe(200);
    const hidden = (await json(await send('GET', `/attendees/${guest.id}`))).body;
    expect(hidden).not.toHaveProperty('mealPlan'); // not served while hidden…
    expect((await server.records.get('attendees', [guest.id]))[0].mealPlan).toBe('清真'); // …but kept
    const refused = await json(await send('PATCH', `/attendees/${guest.id}`, { mealPlan: '素食' }));
    expect(refused.body.errors.mealPlan).toBe('No such field');
    // an edit of another field is not refused for the hidden value it carries back
    expect((await send('PATCH', `/attendees/${guest.id}`, { hotel: '青岚酒店' })).status).toBe(200);

    expect((await send('PATCH', `/customFields/${mealPlanId}`, { hidden: false })).status).toBe(200);
    const shown = (await json(await send('GET', `/attendees/${guest.id}`))).body;
    expect(shown.mealPlan).toBe('清真');
    expect((await send('PATCH', `/attendees/${guest.id}`, { mealPlan: '素食' })).status).toBe(200);
  });

  it('refuses a change of type that existing values cannot follow, naming the records, and converts those that can', async () => {
    const [a, b] = await firstGuest();
    const field = await json(
      await send('POST', '/customFields', {
        resource: 'attendees',
        source: 'seatNo',
        labelZh: '座位号',
        labelEn: 'Seat',
        type: 'text',
      }),
    );
    await send('PATCH', `/attendees/${a.id}`, { seatNo: '12' });
    await send('PATCH', `/attendees/${b.id}`, { seatNo: 'A排3号' });

    const refused = await json(await send('PATCH', `/customFields/${field.body.id}`, { type: 'number' }));
    expect(refused.status).toBe(400);
    expect(refused.body.errors.type).toContain('1 records hold values that do not convert');
    expect(refused.body.errors.type).toContain(`#${b.id}`);
    expect(refused.body.errors.type).toContain('A排3号');
    expect((await json(await send('GET', `/customFields/${field.body.id}`))).body.type).toBe('text');

    await send('PATCH', `/attendees/${b.id}`, { seatNo: '' });
    const changed = await json(await send('PATCH', `/customFields/${field.body.id}`, { type: 'number' }));
    expect(changed.status).toBe(200);
    expect((await json(await send('GET', `/attendees/${a.id}`))).body.seatNo).toBe(12); // the text "12" became a number
    const now = await json(await send('PATCH', `/attendees/${a.id}`, { seatNo: 'twelve' }));
    expect(now.body.errors.seatNo).toBe('Must be a number');
  });

  it('deletes a definition without touching the values, which come back with the same key', async () => {
    const [guest] = await firstGuest();
    expect((await send('DELETE', `/customFields/${mealPlanId}`)).status).toBe(200);
    expect((await server.records.get('attendees', [guest.id]))[0].mealPlan).toBe('素食');
    const again = await json(
      await send('POST', '/customFields', {
        resource: 'attendees',
        source: 'mealPlan',
        labelZh: '饮食',
        type: 'enum',
        options: '素食\n清真',
      }),
    );
    expect(again.status).toBe(201);
    const filtered = await server.client.getList('attendees', {
      filter: { mealPlan: '素食' },
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 10 },
    });
    expect(filtered.data.map((row) => row.id)).toEqual([guest.id]);
  });

  it('serves no value of a hidden field, so a viewer never gets an unmasked number back', async () => {
    const [guest] = await firstGuest();
    const field = await json(
      await send('POST', '/customFields', {
        resource: 'attendees',
        source: 'driverPhone',
        labelZh: '司机电话',
        type: 'phone',
      }),
    );
    await send('PATCH', `/attendees/${guest.id}`, { driverPhone: '13812345678' });
    const viewer = await server.userWithRole('viewer');
    expect((await (await viewer.api(`/attendees/${guest.id}`)).json()).driverPhone).toBe('138****5678');
    await send('PATCH', `/customFields/${field.body.id}`, { hidden: true });
    expect(await (await viewer.api(`/attendees/${guest.id}`)).json()).not.toHaveProperty('driverPhone');
    expect((await json(await send('GET', `/attendees/${guest.id}`))).body).not.toHaveProperty('driverPhone');
    await send('PATCH', `/customFields/${field.body.id}`, { hidden: false });
    expect((await json(await send('GET', `/attendees/${guest.id}`))).body.driverPhone).toBe('13812345678');
  });

  it('a hidden field is not named to non-admins, nor its value shown in a conflict’s answer', async () => {
    const [guest] = await firstGuest();
    const field = await json(
      await send('POST', '/customFields', {
        resource: 'attendees',
        source: 'vipNote',
        labelZh: '内部备注',
        type: 'text',
      }),
    );
    await send('PATCH', `/attendees/${guest.id}`, { vipNote: '只给管理员看' });
    await send('PATCH', `/customFields/${field.body.id}`, { hidden: true });
    const organiser = await server.userWithRole('organiser');
    const named = (await (await organiser.api('/schema')).json()).customFields.map((row: Body) => row.source);
    expect(named).not.toContain('vipNote');
    expect((await json(await send('GET', '/schema'))).body.customFields.map((row: Body) => row.source)).toContain(
      'vipNote',
    );
    // two edits of one field from one version: the second is refused with the record as it is
    const { version } = (await json(await send('GET', `/attendees/${guest.id}`))).body;
    await send('PATCH', `/attendees/${guest.id}`, { hotel: '第一家', version });
    const refused = await organiser.api(`/attendees/${guest.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ hotel: '第二家', version }),
    });
    expect(refused.status).toBe(409);
    const body = await refused.json();
    expect(body.current.hotel).toBe('第一家');
    expect(JSON.stringify(body)).not.toContain('只给管理员看');
  });

  it('takes definitions one at a time, never from a spreadsheet import', async () => {
    const res = await json(
      await send('POST', '/customFields/import', { columns: ['resource'], rows: [['attendees']] }),
    );
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('cannot be imported');
  });

  it('leaves the schema alone for everyone but admins', async () => {
    const organiser = await server.userWithRole('organiser');
    const res = await organiser.api('/customFields', {
      method: 'POST',
      body: JSON.stringify({ resource: 'attendees', source: 'x1', labelZh: 'x', type: 'text' }),
    });
    expect(res.status).toBe(403);
    expect((await organiser.api('/schema')).status).toBe(200);
  });
});

describe('custom resources', () => {
  it('creates a list of technology needs with its fields: rows written, validated, audited, and kept from roles it does not admit', async () => {
    const list = await json(
      await send('POST', '/customResources', {
        name: 'techNeeds',
        labelZh: '技术需求',
        labelEn: 'Technology needs',
        group: 'projects',
        readAccess: 'staff',
        writeAccess: 'officials',
      }),
    );
    expect(list.status).toBe(201);
    for (const field of [
      { source: 'title', labelZh: '需求名称', labelEn: 'Need', type: 'text', required: true, position: 1 },
      {
        source: 'enterpriseId',
        labelZh: '提出企业',
        labelEn: 'Enterprise',
        type: 'reference',
        reference: 'organizations',
        position: 2,
      },
      { source: 'budget', labelZh: '预算', labelEn: 'Budget', type: 'money', position: 3 },
    ]) {
      const res = await send('POST', '/customFields', { resource: 'techNeeds', ...field });
      expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
    }
    const org = (await rowsOf(server.client, 'organizations', {}, 1))[0];

    const row = await json(
      await send('POST', '/techNeeds', { title: '石墨烯散热膜量产工艺', enterpriseId: org.id, budget: 300 }),
    );
    expect(row.status).toBe(201);
    const bad = await json(await send('POST', '/techNeeds', { enterpriseId: 99999, budget: -1 }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual({
      title: 'Required',
      enterpriseId: 'No record with id 99999',
      budget: 'Must be at least 0',
    });

    const listed = await server.client.getList('techNeeds', {
      filter: { q: '石墨烯' },
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 5 },
    });
    expect(listed.data.map((r) => r.title)).toEqual(['石墨烯散热膜量产工艺']);
    const trail = await server.client.getList('audit', {
      filter: { resource: 'techNeeds' },
      sort: { field: 'at', order: 'DESC' },
      pagination: { page: 1, perPage: 5 },
    });
    expect(trail.data[0]).toMatchObject({ action: 'create', recordId: String(row.body.id) });

    const official = await server.userWithRole('official');
    const organiser = await server.userWithRole('organiser');
    const viewer = await server.userWithRole('viewer');
    expect(
      (await official.api('/techNeeds', { method: 'POST', body: JSON.stringify({ title: '需求二' }) })).status,
    ).toBe(201);
    expect(
      (await organiser.api('/techNeeds', { method: 'POST', body: JSON.stringify({ title: '需求三' }) })).status,
    ).toBe(403);
    expect((await organiser.api('/techNeeds')).status).toBe(200);
    expect((await viewer.api('/techNeeds')).status).toBe(403);

    // the schema's own changes are in the audit trail too: who added which field, when
    const changes = await server.client.getList('audit', {
      filter: { resource: 'customFields' },
      sort: { field: 'at', order: 'DESC' },
      pagination: { page: 1, perPage: 50 },
    });
    expect(changes.data.some((entry) => entry.after?.source === 'budget')).toBe(true);
  });

  it('matches imported rows by a field marked unique, which duplicates refuse', async () => {
    const code = await json(
      await send('POST', '/customFields', { resource: 'techNeeds', source: 'code', labelZh: '需求编号', type: 'text' }),
    );
    const rows = await rowsOf(server.client, 'techNeeds', {}, 5);
    await send('PATCH', `/techNeeds/${rows[0].id}`, { code: 'XQ-1' });
    await send('PATCH', `/techNeeds/${rows[1].id}`, { code: 'xq-1' });
    const refused = await json(await send('PATCH', `/customFields/${code.body.id}`, { unique: true }));
    expect(refused.body.errors.unique).toContain('2 records');
    await send('PATCH', `/techNeeds/${rows[1].id}`, { code: 'XQ-2' });
    expect((await send('PATCH', `/customFields/${code.body.id}`, { unique: true })).status).toBe(200);
    const body = {
      key: ['code'],
      columns: ['code', 'title'],
      rows: [
        ['XQ-1', '石墨烯散热膜（更新）'],
        ['XQ-3', '新需求'],
      ],
    };
    for (let i = 0; i < 2; i++) {
      const report = await json(await send('POST', '/techNeeds/import', body));
      expect(report.status, JSON.stringify(report.body)).toBe(200);
    }
    const after = await rowsOf(server.client, 'techNeeds', {}, 10);
    expect(after.map((row) => row.code)).toEqual(['XQ-1', 'XQ-2', 'XQ-3']);
    expect(after[0].title).toBe('石墨烯散热膜（更新）');
  });

  it('lets every role read a list open to every role, and write it as chosen', async () => {
    await send('POST', '/customResources', { name: 'visits', labelZh: '走访记录' }); // defaults: everyone reads, staff write
    await send('POST', '/customFields', { resource: 'visits', source: 'place', labelZh: '地点', type: 'text' });
    const viewer = await server.userWithRole('viewer');
    const organiser = await server.userWithRole('organiser');
    expect((await viewer.api('/visits')).status).toBe(200);
    expect((await viewer.api('/visits', { method: 'POST', body: JSON.stringify({ place: '青岚' }) })).status).toBe(403);
    expect((await organiser.api('/visits', { method: 'POST', body: JSON.stringify({ place: '青岚' }) })).status).toBe(
      201,
    );
  });

  it('names only the lists a role may read', async () => {
    await send('POST', '/customResources', { name: 'secretList', labelZh: '内部清单', readAccess: 'admins' });
    const viewer = await server.userWithRole('organiser');
    const schema = await (await viewer.api('/schema')).json();
    expect(schema.customResources.map((row: Body) => row.name)).toEqual(['techNeeds', 'visits']);
    const mine = (await json(await send('GET', '/schema'))).body;
    expect(mine.customResources.map((row: Body) => row.name).sort()).toEqual(['secretList', 'techNeeds', 'visits']);
  });

  it('refuses to delete a list that holds records, and a name the system uses', async () => {
    const lists = await server.client.getList('customResources', {
      filter: {},
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 5 },
    });
    const res = await json(await send('DELETE', `/customResources/${lists.data[0].id}`));
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('hide it instead');
    // an empty list that another list's field links to stays too
    const linked = await json(await send('POST', '/customResources', { name: 'programmes', labelZh: '项目库' }));
    await send('POST', '/customFields', {
      resource: 'techNeeds',
      source: 'programme',
      labelZh: '所属项目',
      type: 'reference',
      reference: 'programmes',
    });
    const refused = await json(await send('DELETE', `/customResources/${linked.body.id}`));
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('techNeeds.programme');
    // names the system or JavaScript already uses: a list called "constructor" would read the
    // store's inherited property, one called "db" is json-server's dump of everything, one
    // called "preferences" would share the accounts' own settings
    for (const name of ['attendees', 'Users', 'constructor', 'db', 'preferences', 'TechNeeds']) {
      const clash = await json(await send('POST', '/customResources', { name, labelZh: '重名' }));
      expect(clash.body.errors.name, name).toMatch(/Already (used|taken)/);
    }
    const field = await json(
      await send('POST', '/customFields', { resource: 'attendees', source: 'toString', labelZh: 'x', type: 'text' }),
    );
    expect(field.body.errors?.source).toBe('Already used by the system: choose another');
  });

  // edits the embedded store's data file by hand: not on PostgreSQL
  itEmbedded(
    'keeps custom lists and fields across a restart, and starts despite a broken definition in the file',
    async () => {
      const { dir, dataFile } = server;
      await server.close();
      const seedFile = `${dir}/seed.json`;
      const restarted = await startServer({ port: 0, dataFile, seedFile, adminPassword: ADMIN_PASSWORD });
      const session = sessionFor(restarted.url, await loginCookie(restarted.url, 'admin', ADMIN_PASSWORD));
      const techNeeds = await session.client.getList('techNeeds', {
        filter: {},
        sort: { field: 'id', order: 'ASC' },
        pagination: { page: 1, perPage: 5 },
      });
      expect(techNeeds.total).toBe(3);
      // a hand edit gone wrong: a field of a list that does not exist, and one with a bad key
      restarted.store!.data.customFields.push({
        id: 999,
        resource: 'nowhere',
        source: 'x',
        labelZh: 'x',
        type: 'text',
      });
      restarted.store!.data.customFields.push({
        id: 998,
        resource: 'attendees',
        source: '*',
        labelZh: 'y',
        type: 'text',
      });
      restarted.store!.snapshot();
      await restarted.close();
      server = await startTestServer({ dir });
      expect((await server.api('/attendees?range=[0,0]')).status).toBe(200);
      expect((await server.api('/techNeeds')).status).toBe(200);
      const diet = await server.client.getList('attendees', {
        filter: { mealPlan: '素食' },
        sort: { field: 'id', order: 'ASC' },
        pagination: { page: 1, perPage: 5 },
      });
      expect(diet.total).toBe(1);
    },
  );
});
