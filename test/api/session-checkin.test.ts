import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSummit, rowsOf, startTestServer, type TestServer } from '../helpers/server';

/**
 * Check-in by session: a summit's forum or a lecture has a check-in window; each guest checks
 * in once per session, however many desks or retries; late and on time are decided by the
 * start and the grace period in Beijing time; the attendance report counts what offices report.
 */

let server: TestServer;
/** the server's clock: set to an instant, then running */
const clock = { at: Date.parse('2027-05-25T00:30:00Z'), set: Date.now() };
const setClock = (iso: string) => Object.assign(clock, { at: Date.parse(iso), set: Date.now() });
const now = () => clock.at + (Date.now() - clock.set);

beforeAll(async () => {
  server = await startTestServer({ now, lang: 'zh', outbox: false });
});
afterAll(() => server.close());

const json = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });

async function create(resource: string, data: Record<string, unknown>) {
  const res = await server.api(`/${resource}`, json(data));
  expect(res.status).toBe(201);
  return (await res.json()) as Record<string, unknown> & { id: number };
}

/** a summit with `count` confirmed guests (the first ten academicians) and a session at 09:00 Beijing */
async function summitWithSession(count: number, session: Record<string, unknown> = {}) {
  const summitId = await newSummit(server.client, `签到测试 ${Math.random().toString(36).slice(2, 8)}`);
  const guests: number[] = [];
  for (let i = 1; i <= count; i++)
    guests.push(
      (
        await create('attendees', {
          summitId,
          name: `嘉宾${i}`,
          role: i <= 10 ? 'academician' : 'expert',
          invitation: 'confirmed',
        })
      ).id,
    );
  const { id: lectureId } = await create('lectures', {
    title: '主论坛',
    kind: 'keynote',
    summitId,
    startsAt: '2027-05-25 09:00',
    venue: '青岚国际会议中心',
    ...session,
  });
  return { summitId, lectureId, guests };
}

const checkIn = (lectureId: number, body: Record<string, unknown>) =>
  server.api(`/lectures/${lectureId}/checkins`, json(body));

describe('one check-in per guest per session', () => {
  it('the same scan sent 100 times with one request id is one check-in', async () => {
    setClock('2027-05-25T00:55:00Z');
    const { lectureId, guests } = await summitWithSession(1);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        checkIn(lectureId, { attendeeId: guests[0], how: 'scan', desk: '1号台', requestId: 'scan-7f3a' }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(99);
    const ids = new Set((await Promise.all(answers.map((r) => r.json()))).map((c) => c.id));
    expect(ids.size).toBe(1);
    expect(await rowsOf(server.client, 'checkins', { lectureId })).toHaveLength(1);
    const trail = await rowsOf(server.client, 'audit', { resource: 'checkins' }, 500);
    expect(trail.filter((e) => e.after?.lectureId === lectureId)).toHaveLength(1);
  });

  it('two desks checking the same guest 50 ms apart: one check-in; the second desk is told when and where', async () => {
    setClock('2027-05-25T01:12:00Z');
    const { lectureId, guests } = await summitWithSession(1);
    const first = checkIn(lectureId, { attendeeId: guests[0], how: 'scan', desk: '1号台', requestId: 'a' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = checkIn(lectureId, { attendeeId: guests[0], how: 'search', desk: '2号台', requestId: 'b' });
    const [one, two] = await Promise.all([first, second]);
    expect(one.status).toBe(201);
    expect(two.status).toBe(409);
    expect((await two.json()).message).toBe('嘉宾1 已于 09:12 在1号台签到');
    const rows = await rowsOf(server.client, 'checkins', { lectureId });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ desk: '1号台', how: 'scan' });
  });

  it('outside the window a check-in is refused, saying when it opens or closed', async () => {
    const { lectureId, guests } = await summitWithSession(1, {
      checkInOpens: '2027-05-25 08:30',
      checkInCloses: '2027-05-25 12:00',
    });
    setClock('2027-05-25T00:29:00Z');
    const early = await checkIn(lectureId, { attendeeId: guests[0] });
    expect(early.status).toBe(409);
    expect((await early.json()).message).toBe('签到尚未开始：5月25日 08:30 开始签到');
    setClock('2027-05-25T04:00:01Z');
    const after = await checkIn(lectureId, { attendeeId: guests[0] });
    expect(after.status).toBe(409);
    expect((await after.json()).message).toBe('签到已于 5月25日 12:00 结束');
    expect(await rowsOf(server.client, 'checkins', { lectureId })).toHaveLength(0);
  });

  it('late and on time by the start and the grace period, in Beijing time', async () => {
    const { lectureId, guests } = await summitWithSession(3, { graceMinutes: 10 });
    setClock('2027-05-25T01:09:59Z'); // 09:09:59 in Beijing: within the grace
    await checkIn(lectureId, { attendeeId: guests[0] });
    setClock('2027-05-25T01:10:01Z');
    await checkIn(lectureId, { attendeeId: guests[1] });
    const rows = await rowsOf(server.client, 'checkins', { lectureId });
    expect(rows.map((r) => [r.attendeeId, r.late])).toEqual([
      [guests[0], false],
      [guests[1], true],
    ]);
  });

  it('a guest of another summit is refused; a code scanned from a badge checks its guest in', async () => {
    setClock('2027-05-25T00:50:00Z');
    const { summitId, lectureId, guests } = await summitWithSession(2);
    const other = await summitWithSession(1);
    const refused = await checkIn(lectureId, { attendeeId: other.guests[0] });
    expect(refused.status).toBe(409);
    expect((await refused.json()).message).toContain('不是本场次所属峰会的嘉宾');
    expect((await (await server.api(`/summits/${summitId}/checkin-codes`, json({}))).json()).made).toBe(2);
    const { data: guest } = await server.client.getOne('attendees', { id: guests[1] });
    expect(guest.checkInCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    const scanned = await checkIn(lectureId, { code: String(guest.checkInCode).toLowerCase(), how: 'scan' });
    expect(scanned.status).toBe(201);
    expect((await scanned.json()).attendeeId).toBe(guests[1]);
    expect((await checkIn(lectureId, { code: 'NOSUCHCODE' })).status).toBe(404);
  });
});

describe('the attendance report', () => {
  /**
   * 50 confirmed guests (1–10 academicians): 1–30 on time, 31–38 late, 39–42 excused, 43–45
   * excused with a 代会人 who came, 46–50 absent.
   */
  it('a 50-guest session gives exactly the expected counts and rates, in the API and in the workbook', async () => {
    const { summitId, lectureId, guests } = await summitWithSession(50, { graceMinutes: 5 });
    for (const [i, id] of guests.entries()) {
      const n = i + 1;
      if (n >= 39 && n <= 45)
        await create('leaves', {
          lectureId,
          attendeeId: id,
          reason: '出差',
          approvedBy: '王主任',
          ...(n >= 43 ? { substituteName: `代表${n}`, substituteOrg: '青岚大学' } : {}),
        });
    }
    for (const [i, id] of guests.entries()) {
      const n = i + 1;
      if (n <= 30) setClock('2027-05-25T00:58:00Z');
      else if (n <= 38) setClock('2027-05-25T01:20:00Z');
      else if (n >= 43 && n <= 45) setClock('2027-05-25T01:02:00Z');
      else continue;
      const res = await checkIn(lectureId, {
        attendeeId: id,
        how: 'scan',
        ...(n >= 43 && n <= 45 ? { substitute: true } : {}),
      });
      expect(res.status).toBe(201);
    }
    const report = await (await server.api(`/lectures/${lectureId}/attendance`)).json();
    expect(report.counts).toEqual({
      expected: 50,
      present: 38,
      onTime: 30,
      late: 8,
      substitute: 3,
      leave: 4,
      absent: 5,
      attendanceRate: 38 / 50,
      punctualityRate: 30 / 38,
    });
    const academicians = report.byRole.find((g: { role: string }) => g.role === 'academician');
    expect(academicians).toMatchObject({ expected: 10, present: 10, onTime: 10 });
    expect(report.people.find((p: { name: string }) => p.name === '嘉宾44')).toMatchObject({
      standing: 'substitute',
      substitute: '代表44',
    });
    expect(report.people.find((p: { name: string }) => p.name === '嘉宾40')).toMatchObject({
      standing: 'leave',
      reason: '出差',
    });

    const res = await server.api(`/lectures/${lectureId}/attendance.xlsx`);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0];
    expect(String(sheet.getCell('A1').value)).toBe('主论坛 出席情况统计表');
    // (a sparse array: empty rows are holes)
    const rows = Array.from(sheet.getSheetValues() as unknown[][], (row) => (row ?? []).slice(1));
    const head = rows.findIndex((row) => row[0] === '应到');
    expect(rows[head + 1]).toEqual([50, 38, 8, 4, 3, 5, '76.0%', '78.9%']);
    const listed = rows.filter(
      (row) => typeof row[0] === 'number' && typeof row[1] === 'string' && String(row[1]).startsWith('嘉宾'),
    );
    expect(listed).toHaveLength(50);
    expect(listed.filter((row) => row[4] === '缺席').map((row) => row[1])).toEqual([
      '嘉宾46',
      '嘉宾47',
      '嘉宾48',
      '嘉宾49',
      '嘉宾50',
    ]);
    expect(rows.some((row) => String(row[0] ?? '').startsWith('制表人：'))).toBe(true);

    // summed over the summit's sessions: one more, where nobody came yet
    await create('lectures', { title: '专题研讨', kind: 'seminar', summitId, startsAt: '2027-05-25 14:00' });
    const summit = await (await server.api(`/summits/${summitId}/attendance`)).json();
    expect(summit.sessions).toHaveLength(2);
    expect(summit.total).toMatchObject({ expected: 100, present: 38, absent: 55, attendanceRate: 0.38 });
  });

  it('after the first day, those who said they would come and did not are marked 缺席 in one step', async () => {
    const { summitId, guests } = await summitWithSession(3);
    await server.api(`/attendees/${guests[0]}`, { method: 'PATCH', body: JSON.stringify({ invitation: 'checkedIn' }) });
    setClock('2027-05-25T10:00:00Z'); // 18:00 in Beijing: the first day's registration still open
    const early = await server.api(`/summits/${summitId}/mark-absent`, json({}));
    expect(early.status).toBe(409);
    expect((await early.json()).message).toBe('报到尚未结束：5月26日 00:00 之后才能把未到的嘉宾标为缺席');
    setClock('2027-05-25T16:00:01Z');
    expect(await (await server.api(`/summits/${summitId}/mark-absent`, json({}))).json()).toEqual({ marked: 2 });
    const rows = await rowsOf(server.client, 'attendees', { summitId });
    expect(rows.map((g) => g.invitation)).toEqual(['checkedIn', 'absent', 'absent']);
  });
});

describe('what a check-in holds to', () => {
  it('the first session a guest comes to is their arrival at the summit; a guest with check-ins is not deleted from under them', async () => {
    setClock('2027-05-25T00:55:00Z');
    const { lectureId, guests } = await summitWithSession(2);
    expect((await checkIn(lectureId, { attendeeId: guests[0] })).status).toBe(201);
    const { data: guest } = await server.client.getOne('attendees', { id: guests[0] });
    expect(guest.invitation).toBe('checkedIn');
    expect(String(guest.checkedInAt)).toMatch(/^2027-05-25T00:55/);
    const deleted = await server.api(`/attendees/${guests[0]}`, { method: 'DELETE' });
    expect(deleted.status).toBe(409);
    expect((await (await server.api(`/lectures/${lectureId}/attendance`)).json()).counts.present).toBe(1);
  });

  it('a leave is for a guest of the session’s summit, once; a session with check-ins stays with its summit', async () => {
    setClock('2027-05-25T00:55:00Z');
    const { lectureId, guests } = await summitWithSession(1);
    const other = await summitWithSession(1);
    const stranger = await server.api('/leaves', json({ lectureId, attendeeId: other.guests[0], reason: '出差' }));
    expect(stranger.status).toBe(400);
    expect((await stranger.json()).errors.attendeeId).toBe('不是该场次所属峰会的嘉宾');
    expect((await server.api('/leaves', json({ lectureId, attendeeId: guests[0], reason: '出差' }))).status).toBe(201);
    const twice = await server.api('/leaves', json({ lectureId, attendeeId: guests[0], reason: '开会' }));
    expect((await twice.json()).errors.attendeeId).toBe('该嘉宾在本场次已有请假记录');
    await checkIn(other.lectureId, { attendeeId: other.guests[0] });
    const moved = await server.api(`/lectures/${other.lectureId}`, {
      method: 'PATCH',
      body: JSON.stringify({ summitId: (await server.client.getOne('attendees', { id: guests[0] })).data.summitId }),
    });
    expect(moved.status).toBe(400);
    expect((await moved.json()).errors.summitId).toBe('本场次已有 1 人签到，不能改到别的峰会');
  });

  it('what a desk sends is text: an object where a word belongs is refused, not turned into one', async () => {
    setClock('2027-05-25T00:55:00Z');
    const { lectureId, guests } = await summitWithSession(1);
    for (const body of [{ how: { toString: 1 } }, { how: ['scan'] }, { desk: { a: 1 } }, { requestId: [1] }])
      expect((await checkIn(lectureId, { attendeeId: guests[0], ...body })).status).toBe(400);
    expect((await checkIn(lectureId, { attendeeId: [guests[0]] })).status).toBe(400);
    expect(await rowsOf(server.client, 'checkins', { lectureId })).toHaveLength(0);
  });

  it('a wall’s key opens its summit’s wall without a session; wrong keys from one address are slowed down', async () => {
    const { summitId } = await summitWithSession(2);
    const { key } = await (await server.api(`/summits/${summitId}/wall-key`, json({}))).json();
    const wall = await fetch(`${server.url}/api/wall/${key}`);
    expect(wall.status).toBe(200);
    expect(await wall.json()).toMatchObject({ expected: 2, checkedIn: 0 });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await fetch(`${server.url}/api/wall/not-a-key-${i}-xxxxxxxxxxxxxx`)).status);
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(31);
    expect(statuses.at(-1)).toBe(429);
  });
});
