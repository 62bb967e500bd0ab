import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const post = (resource: string, body: unknown, lang = 'en') =>
  server.api(`/${resource}`, { method: 'POST', body: JSON.stringify(body), headers: { 'Accept-Language': lang } });
const count = async (resource: string) =>
  (
    await server.client.getList(resource, {
      filter: {},
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 1 },
    })
  ).total;

describe('schema validation on every write', () => {
  it('rejects unknown fields, wrong types, bad enum values, missing required fields and dangling references, writing nothing', async () => {
    const before = await count('attendees');
    const res = await post('attendees', {
      summitId: 99,
      name: '',
      role: 'king',
      phone: 'call me',
      certificate: 'maybe',
      arrivalAt: 'tomorrow',
      shoeSize: 42,
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors).toEqual({
      summitId: 'No record with id 99',
      name: 'Required',
      role: expect.stringContaining('academician'),
      phone: expect.stringContaining('phone'),
      certificate: 'Must be yes or no',
      arrivalAt: expect.stringContaining('2026-05-25 14:30'),
      shoeSize: 'No such field',
    });
    expect(body.message).toContain('Please correct');
    expect(await count('attendees')).toBe(before);
  });

  it('checks numbers, lengths and dates', async () => {
    const res = await post('agreements', {
      title: 'x'.repeat(201),
      enterpriseId: 1,
      partnerId: 2,
      signedOn: '2026-02-30',
      kind: 'jointLab',
      amount: -5,
      officer: '赵敏',
    });
    const body = await res.json();
    expect(res.status).toBe(400);
    expect(body.errors).toEqual({
      title: 'At most 200 characters',
      signedOn: 'Use a date like 2026-05-25',
      amount: 'Must be at least 0',
    });
  });

  it('counts lengths as people count characters: 𠀀 is one, not two UTF-16 units, in text and passwords alike', async () => {
    const rare = (n: number) => '𠀀'.repeat(n);
    const fits = await post('users', { username: 'rare1', displayName: rare(40), role: 'viewer', password: rare(101) });
    expect(fits.status).toBe(201);
    const over = await post('users', { username: 'rare2', displayName: rare(41), role: 'viewer', password: rare(7) });
    expect((await over.json()).errors).toEqual({
      displayName: 'At most 40 characters',
      password: 'At least 8 characters',
    });
  });

  it('names a hidden direction control or half a character when it refuses one, in text and long text', async () => {
    const before = await count('attendees');
    const reversed = await post('attendees', { summitId: 1, name: '王\u202e五', note: '见\u2067附件' });
    expect((await reversed.json()).errors).toEqual({
      name: expect.stringContaining('the hidden direction control U+202E, which makes text show reversed'),
      note: expect.stringContaining('the hidden direction control U+2067'),
    });
    // the invisible marks that set a direction (right-to-left, Arabic letter mark) are dropped
    const marked = await post('attendees', { summitId: 1, name: '王\u200f五', hotel: '青岚\u061c宾馆' });
    const kept = await marked.json();
    expect(kept).toMatchObject({ name: '王五', hotel: '青岚宾馆' });
    await server.api(`/attendees/${kept.id}`, { method: 'DELETE' });
    const half = await post('attendees', { summitId: 1, name: '王\ud840五' }, 'zh');
    expect((await half.json()).errors).toEqual({
      name: '含有不能保存的字符：半个字符（复制时被截断）。请重新输入这个字',
    });
    expect(await count('attendees')).toBe(before);
  });

  it('refuses an end before the start', async () => {
    const res = await post('summits', {
      name: '新型储能论坛',
      kind: 'forum',
      startsOn: '2027-04-10',
      endsOn: '2027-04-09',
      status: 'planning',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors.endsOn).toBe('Cannot be before “Starts on”');
  });

  it('answers in Chinese when asked', async () => {
    const res = await post('attendees', { summitId: 1 }, 'zh-CN,zh;q=0.9');
    const body = await res.json();
    expect(body.errors.name).toBe('必填');
    expect(body.message).toBe('请修改以下字段：姓名: 必填');
  });

  it('validates an update against the merged record and keeps the stored one when it fails', async () => {
    const res = await server.api('/summits/1', { method: 'PATCH', body: JSON.stringify({ endsOn: '2026-01-01' }) });
    expect(res.status).toBe(400);
    expect((await server.client.getOne('summits', { id: 1 })).data.endsOn).toBe('2026-12-06');
  });

  it('refuses to point a record at one that does not exist, on update too', async () => {
    const res = await server.api('/attendees/1', { method: 'PATCH', body: JSON.stringify({ organizationId: 777 }) });
    expect(res.status).toBe(400);
    expect((await res.json()).errors.organizationId).toBe('No record with id 777');
  });

  it('refuses a list or an object where a single value belongs, by its field, however deep it nests', async () => {
    const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    const before = (await server.client.getOne('summits', { id: 1 })).data;
    for (const [key, json] of [
      ['version', deep(5000)],
      ['id', deep(5000)],
      ['updatedAt', '{"a": 1}'],
      ['city', '{"zh": "常州"}'],
    ]) {
      const res = await server.api('/summits/1', { method: 'PATCH', body: `{"${key}": ${json}, "venue": "新馆"}` });
      expect(res.status, key).toBe(400);
      expect((await res.json()).errors, key).toEqual({ [key]: 'Must be a single value, not a list or an object' });
    }
    expect((await server.client.getOne('summits', { id: 1 })).data).toEqual(before);
  });

  it('ignores the id, createdAt and updatedAt a client sends: the server owns them', async () => {
    const res = await post('series', { id: 5000, name: '科技大讲堂', createdAt: '1999-01-01' });
    const body = await res.json();
    expect(res.status).toBe(201);
    expect(body.id).not.toBe(5000);
    expect(body.createdAt).not.toBe('1999-01-01');
  });
});
