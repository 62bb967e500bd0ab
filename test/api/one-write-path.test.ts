import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, startDemoServer, type Session, type TestServer } from '../helpers/server';

// Every write goes one way (checks, one commit, the answer): requests sent at the same moment
// each get their own answer, their own version and their own audit entry, by their own user.
let server: TestServer;
let organiser: Session;
let official: Session;

beforeAll(async () => {
  server = await startDemoServer();
  organiser = await server.userWithRole('organiser');
  official = await server.userWithRole('official');
});
afterAll(() => server.close());

type Entry = { version: number; username: string; before: Record<string, unknown>; after: Record<string, unknown> };
const trailOf = async (resource: string, id: unknown) =>
  ((await rowsOf(server.client, 'audit', { resource, recordId: String(id) }, 1000)) as unknown as Entry[]).sort(
    (a, b) => a.version - b.version,
  );
const patch = (who: Session, path: string, body: object) =>
  who
    .api(path, { method: 'PATCH', body: JSON.stringify(body) })
    .then(async (res) => ({ status: res.status, body: await res.json() }));

describe('two users changing one record at the same moment', () => {
  it('fifty times over: each audit entry holds its own request’s field and user', async () => {
    for (let round = 0; round < 50; round++) {
      const { data: guest } = await server.client.getOne('attendees', { id: 1 + (round % 5) });
      const [mine, theirs] = await Promise.all([
        patch(organiser, `/attendees/${guest.id}`, { hotel: `酒店${round}`, version: guest.version }),
        patch(server, `/attendees/${guest.id}`, { room: `R${round}`, version: guest.version }),
      ]);
      expect([mine.status, theirs.status]).toEqual([200, 200]);
      const trail = (await trailOf('attendees', guest.id)).filter((e) => e.version > guest.version);
      expect(trail.map((e) => e.version)).toEqual([guest.version + 1, guest.version + 2]);
      const byField = Object.fromEntries(trail.map((e) => [Object.keys(e.after).join(), e]));
      expect(Object.keys(byField).sort()).toEqual(['hotel', 'room']);
      expect(byField.hotel.username).toEqual(expect.stringMatching(/^organiser/));
      expect(byField.room.username).toBe('admin');
      // each answer shows its own write, at its own version
      expect(mine.body.hotel).toBe(`酒店${round}`);
      expect(theirs.body.room).toBe(`R${round}`);
      expect(new Set([mine.body.version, theirs.body.version])).toEqual(
        new Set([guest.version + 1, guest.version + 2]),
      );
    }
  });

  it('twenty at once: versions 2…21, one audit entry each, chained without a gap, each answer its own', async () => {
    const { data: guest } = await server.client.create('attendees', {
      data: { summitId: 5, name: '并发写入的嘉宾', role: 'guest', invitation: 'invited' },
    });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        patch(i % 2 ? organiser : server, `/attendees/${guest.id}`, { hotel: `W${i}` }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(answers.map((a) => a.body.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 2),
    );
    answers.forEach((answer, i) => expect(answer.body.hotel).toBe(`W${i}`));
    const trail = await trailOf('attendees', guest.id);
    expect(trail.map((e) => e.version)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    // each entry's before is the previous entry's after: no write lost between them
    for (let v = 2; v < trail.length; v++) expect(trail[v].before.hotel).toBe(trail[v - 1].after.hotel);
    // and each entry is the one its answer told: same version, same value
    for (const answer of answers)
      expect(trail.find((e) => e.version === answer.body.version)!.after.hotel).toBe(answer.body.hotel);
  });
});

describe('a field’s type changed while records are written', () => {
  it('forty writes around a change to number: no stored value the new type refuses', async () => {
    const { data: field } = await server.client.create('customFields', {
      data: { resource: 'attendees', source: 'badgeNo', labelZh: '胸牌号', type: 'text' },
    });
    const guests = (await rowsOf(server.client, 'attendees', { summitId: 5 }, 40)).slice(0, 40);
    const writes = guests.map((guest, i) =>
      patch(organiser, `/attendees/${guest.id}`, { badgeNo: i % 2 ? `abc${i}` : String(i) }),
    );
    const retype = patch(server, `/customFields/${field.id}`, { type: 'number' });
    const results = await Promise.all([...writes.slice(0, 20), retype, ...writes.slice(20)]);
    const typed = results[20];
    const stored = (await rowsOf(server.client, 'attendees', { summitId: 5 }, 40)).map((g) => g.badgeNo);
    if (typed.status === 200)
      expect(stored.every((v) => v === null || v === undefined || typeof v === 'number')).toBe(true);
    else {
      // refused, naming what blocks it: then the texts stay texts
      expect(typed.status).toBe(400);
      expect(stored.every((v) => v === null || v === undefined || typeof v === 'string')).toBe(true);
    }
    // every record can still be edited
    for (const guest of guests.slice(0, 5))
      expect((await patch(organiser, `/attendees/${guest.id}`, { hotel: '可以编辑' })).status).toBe(200);
  });
});

describe('an agreement is what its follow-ups say', () => {
  const agreementAt = async (id: number) => (await server.client.getOne('agreements', { id })).data;
  const followUp = (agreementId: number, on: string, statusAfter: string | null, nextOn: string | null) =>
    official.api('/followups', {
      method: 'POST',
      body: JSON.stringify({ agreementId, on, officer: '王海燕', kind: 'visit', note: '走访', statusAfter, nextOn }),
    });

  it('deleting the latest follow-up moves the agreement back to what the rest of its history says', async () => {
    const { data: agreement } = await server.client.create('agreements', {
      data: {
        title: '历史测试项目',
        enterpriseId: 1,
        partnerId: 42,
        signedOn: '2026-01-05',
        kind: 'jointRD',
        officer: '王海燕',
      },
    });
    const a = await (await followUp(agreement.id as number, '2026-02-01', 'inProgress', '2026-03-01')).json();
    const b = await (await followUp(agreement.id as number, '2026-03-01', 'stalled', '2026-04-01')).json();
    const c = await (await followUp(agreement.id as number, '2026-04-01', 'terminated', null)).json();
    expect(await agreementAt(agreement.id as number)).toMatchObject({ status: 'terminated', nextFollowUpOn: null });
    // the terminating follow-up deleted: stalled again, with that follow-up's next day
    expect((await official.api(`/followups/${c.id}`, { method: 'DELETE' })).status).toBe(200);
    expect(await agreementAt(agreement.id as number)).toMatchObject({
      status: 'stalled',
      nextFollowUpOn: '2026-04-01',
    });
    // the agreement's move is in the trail, by the same user, in the same step
    const trail = await trailOf('agreements', agreement.id);
    expect(trail[trail.length - 1]).toMatchObject({
      username: expect.stringMatching(/^official/),
      before: { status: 'terminated' },
      after: { status: 'stalled' },
    });
    // all gone: as it was signed
    await official.api(`/followups/${b.id}`, { method: 'DELETE' });
    await official.api(`/followups/${a.id}`, { method: 'DELETE' });
    expect(await agreementAt(agreement.id as number)).toMatchObject({ status: 'signed' });
  });

  it('a delete that would leave a move the lifecycle forbids is refused, saying where', async () => {
    const { data: agreement } = await server.client.create('agreements', {
      data: {
        title: '不能断开的历史',
        enterpriseId: 2,
        partnerId: 43,
        signedOn: '2026-01-05',
        kind: 'jointLab',
        officer: '王海燕',
      },
    });
    const a = await (await followUp(agreement.id as number, '2026-02-01', 'inProgress', '2026-03-01')).json();
    await followUp(agreement.id as number, '2026-03-01', 'landed', '2026-04-01');
    await followUp(agreement.id as number, '2026-04-01', 'completed', null);
    // without the first, the history would go signed → landed → completed: allowed; without the
    // second, in progress → completed: not allowed
    const second = (await rowsOf(server.client, 'followups', { agreementId: agreement.id }, 10)).find(
      (f) => f.on === '2026-03-01',
    )!;
    const refused = await official.api(`/followups/${second.id}`, { method: 'DELETE' });
    expect(refused.status).toBe(409);
    expect((await refused.json()).message).toContain('2026-04-01');
    expect(await agreementAt(agreement.id as number)).toMatchObject({ status: 'completed' });
    expect((await official.api(`/followups/${a.id}`, { method: 'DELETE' })).status).toBe(200);
    expect(await agreementAt(agreement.id as number)).toMatchObject({ status: 'completed' });
  });

  it('twenty follow-ups of one agreement posted at once: the agreement ends as the latest says, one version each', async () => {
    const { data: agreement } = await server.client.create('agreements', {
      data: {
        title: '并发跟进',
        enterpriseId: 3,
        partnerId: 44,
        signedOn: '2026-01-05',
        kind: 'talent',
        officer: '王海燕',
      },
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        followUp(
          agreement.id as number,
          `2026-02-${String(i + 1).padStart(2, '0')}`,
          null,
          `2026-12-${String(i + 1).padStart(2, '0')}`,
        ),
      ),
    );
    expect(results.map((r) => r.status).every((s) => s === 201 || s === 400)).toBe(true);
    const now = await agreementAt(agreement.id as number);
    const kept = await rowsOf(server.client, 'followups', { agreementId: agreement.id }, 50);
    const latest = [...kept].sort((a, b) => String(b.on).localeCompare(String(a.on)))[0];
    expect(now.nextFollowUpOn).toBe(latest.nextOn);
    const trail = await trailOf('agreements', agreement.id);
    expect(trail.map((e) => e.version)).toEqual(Array.from({ length: trail.length }, (_, i) => i + 1));
  });
});

describe('a record is found by its id as the writes before it left it', () => {
  it('thirty guests created, read and deleted at once: each read finds its own, each deleted one is gone', async () => {
    const created = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        organiser
          .api('/attendees', {
            method: 'POST',
            body: JSON.stringify({ summitId: 1, name: `并发来宾${i}`, role: 'guest', invitation: 'invited' }),
          })
          .then((res) => res.json() as Promise<{ id: number; name: string }>),
      ),
    );
    // reads and deletes of the new records, interleaved, in one burst
    const answers = await Promise.all(
      created.flatMap((guest, i) => [
        organiser
          .api(`/attendees/${guest.id}`)
          .then(async (res) => ({ i, status: res.status, body: await res.json() })),
        ...(i % 3 === 0 ? [organiser.api(`/attendees/${guest.id}`, { method: 'DELETE' }).then(() => null)] : []),
      ]),
    );
    for (const answer of answers.filter((a) => a !== null)) {
      // read before or after its delete: its own record, or 404, never another's
      if (answer.status === 200) expect(answer.body.name).toBe(`并发来宾${answer.i}`);
      else expect([answer.status, answer.i % 3]).toEqual([404, 0]);
    }
    const after = await Promise.all(created.map((guest) => organiser.api(`/attendees/${guest.id}`)));
    expect(after.map((res) => res.status)).toEqual(created.map((_, i) => (i % 3 === 0 ? 404 : 200)));
    // a deleted record's id is not taken again
    const next = await organiser
      .api('/attendees', {
        method: 'POST',
        body: JSON.stringify({ summitId: 1, name: '之后的来宾', role: 'guest', invitation: 'invited' }),
      })
      .then((res) => res.json() as Promise<{ id: number }>);
    expect(next.id).toBeGreaterThan(Math.max(...created.map((guest) => guest.id)));
    // the audit trail, written beside the steps, is found by id too, its newest entry included
    const [newest] = (await (
      await server.api(`/audit?sort=${encodeURIComponent('["id","DESC"]')}&range=[0,0]`)
    ).json()) as {
      id: number;
      recordId: string;
    }[];
    const entry = await server.api(`/audit/${newest.id}`);
    expect([entry.status, (await entry.json()).recordId]).toEqual([200, String(next.id)]);
    expect((await organiser.api('/attendees/99999999')).status).toBe(404);
  });
});
