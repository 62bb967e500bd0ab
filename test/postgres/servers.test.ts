import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, startTestServer, tempDir, type Session, type TestServer } from '../helpers/server';
import { postgresForFile } from '../helpers/postgres';

/**
 * Two Huiwu servers on one PostgreSQL database, two users writing one record through both at
 * the same moment: every answer its own write at its own version, versions without a gap or a
 * double, one audit entry per write holding its own user and change; and a stale write is
 * refused (409) by whichever server it reaches, as on one server.
 */

const cluster = postgresForFile();
let one: TestServer;
let two: TestServer;
let organiser: Session;
let url: string;

beforeAll(async () => {
  url = await cluster().createDatabase();
  // started one after the other: the first applies the migrations and writes the seed
  one = await startTestServer({ databaseUrl: url, dir: tempDir() });
  two = await startTestServer({ databaseUrl: url, dir: tempDir() });
  // an organiser created through one server signs in through the other
  const { username, password } = await one.userWithRole('organiser');
  organiser = await two.login(username, password);
}, 120_000);
afterAll(async () => {
  await one?.close();
  await two?.close();
});

type Entry = { version: number; username: string; after: Record<string, unknown> };
const patch = (who: Session, path: string, body: object) =>
  who
    .api(path, { method: 'PATCH', body: JSON.stringify(body) })
    .then(async (res) => ({ status: res.status, body: await res.json() }));

describe('two servers on one database', () => {
  it('see each other’s writes at once', async () => {
    const { data } = await one.client.create('series', { data: { name: '两台服务器的讲堂' } });
    const { data: seen } = await two.client.getOne('series', { id: data.id });
    expect(seen).toMatchObject({ name: '两台服务器的讲堂', version: 1 });
  });

  it('forty PATCHes to one guest by two users through both servers: versions 2…41, each answer and audit entry its own', async () => {
    const { data: guest } = await one.client.create('attendees', {
      data: { summitId: 1, name: '两台服务器上的嘉宾', role: 'guest', invitation: 'invited' },
    });
    const writers = [one, organiser, two];
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        patch(writers[i % 3], `/attendees/${guest.id}`, i % 2 ? { hotel: `H${i}` } : { room: `R${i}` }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(200));
    const versions = answers.map((a) => a.body.version as number).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
    const trail = (
      (await rowsOf(
        one.client,
        'audit',
        { resource: 'attendees', recordId: String(guest.id) },
        1000,
      )) as unknown as Entry[]
    ).sort((a, b) => a.version - b.version);
    expect(trail.map((e) => e.version)).toEqual([1, ...versions]);
    answers.forEach((answer, i) => {
      const entry = trail.find((e) => e.version === answer.body.version)!;
      const [field, value] = i % 2 ? ['hotel', `H${i}`] : ['room', `R${i}`];
      // the answer shows its own write, and the entry of its version holds exactly it
      expect(answer.body[field]).toBe(value);
      expect(entry.after).toEqual({ [field]: value });
      expect(entry.username).toEqual(writers[i % 3] === organiser ? expect.stringMatching(/^organiser/) : 'admin');
    });
    const { data: last } = await two.client.getOne('attendees', { id: guest.id });
    expect(last.version).toBe(41);
  });

  it('twenty edits of one field from one version, through both servers: one wins, the rest are 409 with the winner', async () => {
    const { data: guest } = await two.client.create('attendees', {
      data: { summitId: 1, name: '同时改酒店的嘉宾', role: 'guest', invitation: 'invited' },
    });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        patch(i % 2 ? organiser : one, `/attendees/${guest.id}`, { hotel: `酒店${i}`, version: guest.version }),
      ),
    );
    const won = answers.filter((a) => a.status === 200);
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(19);
    const { data: now } = await one.client.getOne('attendees', { id: guest.id });
    expect(now).toMatchObject({ hotel: won[0].body.hotel, version: guest.version + 1 });
    const trail = await rowsOf(one.client, 'audit', { resource: 'attendees', recordId: String(guest.id) }, 100);
    expect(trail).toHaveLength(2);
  });

  it('an edit that leaves a guest’s links alone waits for no lock on its summit; one that moves it does', async () => {
    const { data: guest } = await one.client.create('attendees', {
      data: { summitId: 1, name: '只改酒店的嘉宾', role: 'guest', invitation: 'invited' },
    });
    // someone holds the summit (an admin editing it in psql, a long import's plan)
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM summits WHERE id = 1 FOR UPDATE');
      const edit = await patch(organiser, `/attendees/${guest.id}`, { hotel: '青岚宾馆' });
      expect(edit).toMatchObject({ status: 200, body: { hotel: '青岚宾馆', version: 2 } });
      // moving the guest to that summit checks it is there, so waits for the holder
      const { data: other } = await one.client.create('attendees', {
        data: { summitId: 2, name: '换峰会的嘉宾', role: 'guest', invitation: 'invited' },
      });
      let moved = false;
      const moving = patch(organiser, `/attendees/${other.id}`, { summitId: 1 }).then((answer) => {
        moved = true;
        return answer;
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(moved).toBe(false);
      await holder.query('COMMIT');
      expect(await moving).toMatchObject({ status: 200, body: { summitId: 1 } });
    } finally {
      await holder.end();
    }
  });
});
