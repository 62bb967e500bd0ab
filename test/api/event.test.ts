import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

// Running the event: invitations move within their lifecycle and record when; pick-ups are
// planned per station and hour, with unmet guests and double-booked drivers flagged.
let server: TestServer;
let clock = Date.parse('2026-12-05T00:30:00Z'); // 08:30 in Beijing, the morning of the summit
let summitId: number;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  const { data } = await server.client.create('summits', {
    data: { name: '接站测试论坛', kind: 'summit', startsOn: '2026-12-05', endsOn: '2026-12-06', status: 'inviting' },
  });
  summitId = data.id as number;
});
afterAll(() => server.close());

const guest = async (fields: Record<string, unknown>) =>
  (await server.client.create('attendees', { data: { summitId, role: 'expert', ...fields } })).data;
const patch = (id: unknown, body: object, lang = 'en') =>
  server.api(`/attendees/${id}`, { method: 'PATCH', body: JSON.stringify(body), headers: { 'Accept-Language': lang } });

describe('invitations', () => {
  it('move to invited, then a reply (dated), then checked in (timed) and back', async () => {
    const g = await guest({ name: '林晓', invitation: 'toInvite' });
    expect((await patch(g.id, { invitation: 'invited' })).status).toBe(200);
    const replied = await (await patch(g.id, { invitation: 'confirmed' })).json();
    expect(replied).toMatchObject({ invitation: 'confirmed', repliedOn: '2026-12-05' });
    const inside = await (await patch(g.id, { invitation: 'checkedIn' })).json();
    expect(inside).toMatchObject({ invitation: 'checkedIn', checkedInAt: '2026-12-05T00:30:00.000Z' });
    // tapped twice: nothing changes, the first time stays
    clock += 60_000;
    expect(await (await patch(g.id, { invitation: 'checkedIn' })).json()).toMatchObject({
      checkedInAt: '2026-12-05T00:30:00.000Z',
    });
    // undone: back to confirmed, the time cleared, the reply's date kept
    expect(await (await patch(g.id, { invitation: 'confirmed' })).json()).toMatchObject({
      checkedInAt: null,
      repliedOn: '2026-12-05',
    });
  });

  it('undo a check-in made by mistake back to what the guest was, without inventing a reply', async () => {
    const g = await guest({ name: '误点', invitation: 'invited' });
    expect((await (await patch(g.id, { invitation: 'checkedIn' })).json()).invitation).toBe('checkedIn');
    const back = await (await patch(g.id, { invitation: 'invited' })).json();
    expect(back).toMatchObject({ invitation: 'invited', repliedOn: null, checkedInAt: null });
  });

  it('refuse a move the lifecycle does not allow, saying which are', async () => {
    const g = await guest({ name: '周舟', invitation: 'toInvite' });
    const res = await patch(g.id, { invitation: 'absent' }, 'zh');
    expect(res.status).toBe(400);
    expect((await res.json()).errors.invitation).toBe(
      '不能从“待邀请”改为“缺席”，只能改为：已邀请、已确认、已婉拒、已签到',
    );
    // a reply given with its own date keeps that date
    expect(await (await patch(g.id, { invitation: 'declined', repliedOn: '2026-11-30' })).json()).toMatchObject({
      repliedOn: '2026-11-30',
    });
  });
});

describe('pick-ups', () => {
  it('groups arrivals by day, station and hour, and flags guests nobody meets and drivers at two stations', async () => {
    const at = (time: string) => new Date(`2026-12-04T${time}:00+08:00`).toISOString();
    const common = { invitation: 'confirmed', arrivalMode: 'train' };
    const a = await guest({
      ...common,
      name: '甲',
      arrivalAt: at('09:10'),
      arrivalStation: '青岚站',
      pickupBy: '小王',
    });
    const b = await guest({
      ...common,
      name: '乙',
      arrivalAt: at('09:40'),
      arrivalStation: '青岚站',
      pickupBy: '小王',
    });
    // 小王 again, at the airport 30 minutes after 乙 at the station: cannot be both
    const c = await guest({
      ...common,
      name: '丙',
      arrivalAt: at('10:10'),
      arrivalStation: '青岚机场',
      pickupBy: '小王',
    });
    // 小李 at two stations, but two hours apart: fine
    const d = await guest({
      ...common,
      name: '丁',
      arrivalAt: at('08:00'),
      arrivalStation: '青岚站',
      pickupBy: '小李',
    });
    const e = await guest({
      ...common,
      name: '戊',
      arrivalAt: at('10:00'),
      arrivalStation: '青岚机场',
      pickupBy: '小李',
    });
    const f = await guest({ ...common, name: '己', arrivalAt: at('09:20'), arrivalStation: '青岚站' });
    // drives over, or declined: no pick-up
    await guest({ ...common, name: '庚', arrivalAt: at('09:00'), arrivalMode: 'car' });
    await guest({ ...common, name: '辛', arrivalAt: at('09:00'), arrivalStation: '青岚站', invitation: 'declined' });

    const res = await server.api(`/attendees/pickups?filter=${encodeURIComponent(JSON.stringify({ summitId }))}`);
    expect(res.status).toBe(200);
    const plan = await res.json();
    expect(plan.groups).toEqual([
      { day: '2026-12-04', station: '青岚站', hour: '08:00', ids: [d.id] },
      { day: '2026-12-04', station: '青岚站', hour: '09:00', ids: [a.id, f.id, b.id] },
      { day: '2026-12-04', station: '青岚机场', hour: '10:00', ids: [e.id, c.id] },
    ]);
    expect(plan.unassigned).toEqual([f.id]);
    // 甲 at 09:10 and 丙 at 10:10 are an hour apart: 小王 makes both
    expect(plan.conflicts).toEqual([{ driver: '小王', ids: [b.id, c.id] }]);
    expect(plan.guests.map((g: { name: string }) => g.name).sort()).toEqual(
      ['丁', '丙', '乙', '己', '戊', '甲'].sort(),
    );
  });
});
