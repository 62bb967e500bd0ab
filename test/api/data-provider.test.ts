import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSummit, startTestServer, type TestServer } from '../helpers/server';

// Every data-provider method of ra-data-simple-rest, against the real server.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('reading', () => {
  it('getList sorts, pages and counts', async () => {
    const { data, total } = await server.client.getList('attendees', {
      sort: { field: 'name', order: 'DESC' },
      pagination: { page: 1, perPage: 2 },
      filter: {},
    });
    expect(total).toBe(3);
    // by pinyin, as WPS and Excel sort names: zhang, wang, li
    expect(data.map((a) => a.name)).toEqual(['张伟', '王强']);
    const second = await server.client.getList('attendees', {
      sort: { field: 'name', order: 'DESC' },
      pagination: { page: 2, perPage: 2 },
      filter: {},
    });
    expect(second.data.map((a) => a.name)).toEqual(['李娜']);
  });

  it('answers lists with a Content-Range header', async () => {
    const res = await server.api(`/attendees?range=${encodeURIComponent('[0,1]')}`);
    expect(res.headers.get('content-range')).toBe('attendees 0-1/3');
  });

  it('getList filters by equality, lists, full text and operators', async () => {
    const list = (filter: object) =>
      server.client
        .getList('attendees', { filter, sort: { field: 'id', order: 'ASC' }, pagination: { page: 1, perPage: 50 } })
        .then(({ data }) => data.map((a) => a.id));
    expect(await list({ summitId: 1 })).toEqual([1, 2]);
    expect(await list({ invitation: ['confirmed', 'checkedIn'] })).toEqual([1, 3]);
    expect(await list({ q: '兴化' })).toEqual([1]);
    expect(await list({ role_ne: 'expert' })).toEqual([2, 3]);
    expect(await list({ arrivalAt_gte: '2026-12-04', arrivalAt_lte: '2026-12-05' })).toEqual([1]);
    expect(await list({ name_like: '李' })).toEqual([2]);
    expect(await list({ certificate: true })).toEqual([1]);
  });

  it('treats _like input as text, not as a regular expression', async () => {
    const { data } = await server.client.getList('attendees', {
      filter: { name_like: '.*' },
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 10 },
    });
    expect(data).toEqual([]);
  });

  it('getOne, getMany and getManyReference', async () => {
    expect((await server.client.getOne('summits', { id: 2 })).data.name).toBe('石墨烯产业大会');
    const many = await server.client.getMany('organizations', { ids: [1, 3] });
    expect(many.data.map((o) => o.id).sort()).toEqual([1, 3]);
    const followups = await server.client.getManyReference('followups', {
      target: 'agreementId',
      id: 2,
      sort: { field: 'on', order: 'DESC' },
      pagination: { page: 1, perPage: 10 },
      filter: {},
    });
    expect(followups.total).toBe(1);
    expect(followups.data[0].note).toContain('样机');
  });
});

describe('writing', () => {
  it('create stores a valid record with defaults and timestamps', async () => {
    const { data } = await server.client.create('attendees', {
      data: { summitId: 1, name: '孙悦', phone: '13700003333' },
    });
    expect(data).toMatchObject({ name: '孙悦', role: 'guest', invitation: 'toInvite', summitId: 1 });
    expect(typeof data.id).toBe('number');
    expect(data.createdAt).toBeTruthy();
    const { data: stored } = await server.client.getOne('attendees', { id: data.id });
    expect(stored.phone).toBe('13700003333');
  });

  it('update merges the fields it is given, with the version they start from', async () => {
    const { data: seen } = await server.client.getOne('attendees', { id: 2 });
    const { data } = await server.client.update('attendees', {
      id: 2,
      data: { hotel: '兴化宾馆', version: seen.version },
      previousData: seen,
    });
    expect(data).toMatchObject({ id: 2, name: '李娜', hotel: '兴化宾馆', invitation: 'invited' });
  });

  it('updateMany: simple-rest’s, a PUT without a version per record, is refused; the app’s PATCH per record sets one field and keeps the others', async () => {
    await expect(
      server.client.updateMany('attendees', { ids: [1, 2], data: { pickupBy: '小周' } }),
    ).rejects.toMatchObject({ status: 400 });
    for (const id of [1, 2]) {
      const res = await server.api(`/attendees/${id}`, { method: 'PATCH', body: JSON.stringify({ pickupBy: '小周' }) });
      expect(res.status).toBe(200);
    }
    const { data: rows } = await server.client.getMany('attendees', { ids: [1, 2] });
    expect(rows.map((r) => [r.name, r.pickupBy])).toEqual(
      expect.arrayContaining([
        ['张伟', '小周'],
        ['李娜', '小周'],
      ]),
    );
  });

  it('delete answers the deleted record, deleteMany removes several', async () => {
    const a = await server.client.create('followups', {
      data: { agreementId: 1, on: '2026-11-10', officer: '赵敏', note: '电话了解设备到货', nextOn: '2026-12-20' },
    });
    const b = await server.client.create('followups', {
      data: { agreementId: 1, on: '2026-11-12', officer: '赵敏', note: '现场查看', nextOn: '2026-12-20' },
    });
    const c = await server.client.create('followups', {
      data: { agreementId: 1, on: '2026-11-15', officer: '赵敏', note: '会商', nextOn: '2026-12-20' },
    });
    const { data } = await server.client.delete('followups', { id: a.data.id, previousData: a.data });
    expect(data).toMatchObject({ id: a.data.id, note: '电话了解设备到货' });
    await server.client.deleteMany('followups', { ids: [b.data.id, c.data.id] });
    const { total } = await server.client.getList('followups', {
      filter: { agreementId: 1 },
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 10 },
    });
    expect(total).toBe(0);
  });
});

describe('sorting', () => {
  it('getList sorts names by pinyin across pages, and text without a value last either way', async () => {
    const summitId = await newSummit(server.client, '拼音排序峰会');
    // created in code-point order (孙 U+5B59 … 钱 U+94B1), which is not the pinyin order
    const guests: [string, string | null][] = [
      ['孙浩', '教授'],
      ['张伟', null],
      ['李明', '院长'],
      ['王芳', null],
      ['赵静', '总经理'],
      ['钱进', '研究员'],
    ];
    for (const [name, title] of guests)
      await server.client.create('attendees', { data: { summitId, name, title, phone: null } });
    const pages = async (field: string, order: 'ASC' | 'DESC', perPage: number) => {
      const shown: unknown[] = [];
      for (let page = 1; page <= Math.ceil(guests.length / perPage); page++) {
        const { data, total } = await server.client.getList('attendees', {
          filter: { summitId },
          sort: { field, order },
          pagination: { page, perPage },
        });
        expect(total).toBe(guests.length);
        shown.push(...data.map((a) => a[field]));
      }
      return shown;
    };
    const pinyin = ['李明', '钱进', '孙浩', '王芳', '张伟', '赵静'];
    for (const perPage of [1, 2, 4]) {
      expect(await pages('name', 'ASC', perPage)).toEqual(pinyin);
      expect(await pages('name', 'DESC', perPage)).toEqual([...pinyin].reverse());
    }
    // jiao, yan, yuan, zong; empty titles after them, in either direction
    expect(await pages('title', 'ASC', 4)).toEqual(['教授', '研究员', '院长', '总经理', null, null]);
    expect(await pages('title', 'DESC', 4)).toEqual(['总经理', '院长', '研究员', '教授', null, null]);
    // numbers keep their order
    const ids = (await pages('id', 'DESC', 4)) as number[];
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('getList sorts guests by the name of their organisation, in pinyin, following a rename', async () => {
    const summitId = await newSummit(server.client, '按单位排序峰会');
    // 1 江淮智能装备有限公司, 2 江淮工业大学, 3 省农业机械学会, and one without
    for (const [name, organizationId] of [
      ['甲', 1],
      ['乙', null],
      ['丙', 3],
      ['丁', 2],
    ] as const)
      await server.client.create('attendees', { data: { summitId, name, organizationId } });
    // the whole list (its order kept between writes), then this summit's guests in it
    const order = async (sort: 'ASC' | 'DESC') =>
      (
        await server.client.getList('attendees', {
          filter: {},
          sort: { field: 'organizationId', order: sort },
          pagination: { page: 1, perPage: 100 },
        })
      ).data
        .filter((a) => a.summitId === summitId)
        .map((a) => a.organizationId);
    // jiang huai gong, jiang huai zhi, sheng; no organisation last either way
    expect(await order('ASC')).toEqual([2, 1, 3, null]);
    expect(await order('DESC')).toEqual([3, 1, 2, null]);
    const { data: org } = await server.client.getOne('organizations', { id: 3 });
    await server.client.update('organizations', {
      id: 3,
      data: { name: '阿坝农机学会', version: org.version },
      previousData: org,
    });
    expect(await order('ASC')).toEqual([3, 2, 1, null]);
  });
});
