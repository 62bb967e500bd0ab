import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Session, type TestServer } from '../helpers/server';

let server: TestServer;
let wang: Session;
let li: Session;
beforeAll(async () => {
  server = await startTestServer();
  wang = await server.userWithRole('organiser');
  li = await server.userWithRole('organiser');
});
afterAll(() => server.close());

const get = async (id: number) => (await server.client.getOne('attendees', { id })).data;

describe('two staff editing one attendee at once', () => {
  it('changes to different fields both survive (clients that send only what changed)', async () => {
    const start = await get(1);
    const a = await wang.api('/attendees/1', {
      method: 'PUT',
      body: JSON.stringify({ hotel: '青岚宾馆', version: start.version }),
    });
    const b = await li.api('/attendees/1', {
      method: 'PUT',
      body: JSON.stringify({ seat: 'B-07', version: start.version }),
    });
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await get(1)).toMatchObject({ hotel: '青岚宾馆', seat: 'B-07', version: start.version + 2 });
  });

  it('a change to a field someone else changed meanwhile is refused with 409, the current record and both values', async () => {
    const start = await get(1);
    await wang.api('/attendees/1', {
      method: 'PUT',
      body: JSON.stringify({ pickupBy: '小周', version: start.version }),
    });
    const res = await li.api('/attendees/1', {
      method: 'PUT',
      body: JSON.stringify({ pickupBy: '小吴', note: '坐轮椅', version: start.version }),
    });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.message).toMatch(/someone else changed: Picked up by/);
    expect(body.conflicts).toEqual({
      pickupBy: { mine: '小吴', theirs: '小周', by: expect.stringMatching(/^organiser/), at: expect.any(String) },
    });
    expect(body.current).toMatchObject({ pickupBy: '小周', version: start.version + 1 });
    // nothing of the refused update was written, not even its other field
    expect(await get(1)).toMatchObject({ pickupBy: '小周', note: null });
    // re-applied on the current version, it goes through
    expect(
      (
        await li.api('/attendees/1', {
          method: 'PUT',
          body: JSON.stringify({ pickupBy: '小吴', note: '坐轮椅', version: body.current.version }),
        })
      ).status,
    ).toBe(200);
  });

  it('names who changed the field as colleagues know them: their display name, not their username', async () => {
    await server.client.create('users', {
      data: { username: 'zhangsan', displayName: '张三', role: 'organiser', password: 'zhangsan-pass' },
    });
    const zhang = await server.login('zhangsan', 'zhangsan-pass');
    const start = await get(1);
    await zhang.api('/attendees/1', {
      method: 'PATCH',
      body: JSON.stringify({ hotel: '张三订的', version: start.version }),
    });
    const res = await li.api('/attendees/1', {
      method: 'PATCH',
      body: JSON.stringify({ hotel: '李四订的', version: start.version }),
    });
    expect(res.status).toBe(409);
    expect((await res.json()).conflicts.hotel).toMatchObject({ mine: '李四订的', theirs: '张三订的', by: '张三' });
  });

  it('works the same for a client that sends the whole record, as ra-data-simple-rest does', async () => {
    const seen = await get(2); // both open the form on the same version
    await wang.client.update('attendees', { id: 2, data: { ...seen, hotel: '兴化宾馆' }, previousData: seen });
    const { data } = await li.client.update('attendees', {
      id: 2,
      data: { ...seen, arrivalNumber: 'G7012' },
      previousData: seen,
    });
    expect(data).toMatchObject({ hotel: '兴化宾馆', arrivalNumber: 'G7012' }); // li's stale hotel did not undo wang's
    const again = await get(2);
    const clash = li.client.update('attendees', { id: 2, data: { ...seen, hotel: '国际酒店' }, previousData: seen });
    await expect(clash).rejects.toMatchObject({
      status: 409,
      body: { conflicts: { hotel: { mine: '国际酒店', theirs: '兴化宾馆' } } },
    });
    expect(await get(2)).toEqual(again);
  });

  it('the same value set by both is no conflict', async () => {
    const start = await get(3);
    await wang.api('/attendees/3', {
      method: 'PUT',
      body: JSON.stringify({ hotel: '同一家', version: start.version }),
    });
    expect(
      (
        await li.api('/attendees/3', {
          method: 'PUT',
          body: JSON.stringify({ hotel: '同一家', version: start.version }),
        })
      ).status,
    ).toBe(200);
  });

  it('a version the record never had is refused', async () => {
    const res = await wang.api('/attendees/3', { method: 'PUT', body: JSON.stringify({ hotel: 'x', version: 999 }) });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/Version 999/);
    const long = await wang.api('/attendees/3', {
      method: 'PATCH',
      body: JSON.stringify({ version: '9'.repeat(50_000) }),
    });
    expect(long.status).toBe(400);
    expect((await long.json()).message.length).toBeLessThan(200);
  });

  it('a whole record PUT without its version is refused, not left to undo newer edits; a PATCH changes what it names', async () => {
    const { data: seen } = await server.client.create('attendees', { data: { summitId: 1, name: '周敏' } });
    const path = `/attendees/${seen.id}`;
    // li opens the form; wang saves a hotel meanwhile, sending the whole record as the app's client does
    await wang.client.update('attendees', { id: seen.id, data: { ...seen, hotel: '兴化宾馆' }, previousData: seen });
    const { version: _version, ...stale } = seen;
    const res = await li.api(path, { method: 'PUT', body: JSON.stringify({ ...stale, seat: 'C-01' }) });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/Send the record’s version/);
    expect(await get(seen.id)).toMatchObject({ hotel: '兴化宾馆', seat: null, version: seen.version + 1 });
    const patch = await li.api(path, { method: 'PATCH', body: JSON.stringify({ seat: 'C-01' }) });
    expect(patch.status).toBe(200);
    expect(await get(seen.id)).toMatchObject({ hotel: '兴化宾馆', seat: 'C-01' });
  });
});

describe('a stale write naming what is no field', () => {
  it('is refused as it would be from the current version, not quietly dropped', async () => {
    const start = await get(2);
    await wang.api('/attendees/2', {
      method: 'PATCH',
      body: JSON.stringify({ hotel: '先改的', version: start.version }),
    });
    const stale = await li.api('/attendees/2', {
      method: 'PUT',
      body: JSON.stringify({ version: start.version, foo: 1 }),
    });
    expect(stale.status).toBe(400);
    expect((await stale.json()).errors).toHaveProperty('foo');
    const current = await li.api('/attendees/2', {
      method: 'PUT',
      body: JSON.stringify({ version: start.version + 1, foo: 1 }),
    });
    expect(current.status).toBe(400);
  });
});
