import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/store/postgres/migrate';
import {
  fromColumns,
  insertStatement,
  isoFromTimestamp,
  nextIdStatement,
  pgTypes,
  selectList,
  takeIdStatement,
  toColumns,
} from '../../src/server/store/postgres/rows';
import { tableOf } from '../../src/server/store/postgres/tables';
import { postgresForFile } from '../helpers/postgres';

const cluster = postgresForFile();
let pool: pg.Pool;
beforeAll(async () => {
  // a session in Beijing time: what the rows read back must not depend on it
  pool = new pg.Pool({
    connectionString: await cluster().createDatabase(),
    types: pgTypes,
    options: '-c TimeZone=Asia/Shanghai',
  });
  await migrate(pool);
});
afterAll(() => pool?.end());

const guest = {
  id: 7,
  summitId: 1,
  name: '欧阳娜娜',
  organizationId: 12,
  salutation: '院士',
  title: '研究员、博士生导师',
  role: 'academician',
  phone: '13812345678',
  email: null,
  emailBouncing: false,
  invitation: 'checkedIn',
  invitedOn: '2026-05-02',
  repliedOn: '2026-05-20',
  replyNote: '准时到',
  arrivalAt: '2026-05-24T07:05:00.000Z',
  arrivalMode: 'train',
  arrivalNumber: 'G1234',
  arrivalStation: '青岚南站',
  pickupBy: '张伟',
  needsPickup: true,
  pickupCar: null,
  departureAt: null,
  departureNumber: null,
  hotel: '锦江宾馆',
  nights: 2,
  room: null,
  seat: 'A-01',
  certificate: false,
  certificateName: null,
  honour: null,
  handwritten: false,
  certificatePrinted: false,
  certificateDelivered: false,
  checkedInAt: '2026-05-25T00:59:59.123Z',
  checkInCode: 'K7M2QX9P',
  diet: '清真',
  companions: null,
  note: '第一行\n第二行 "引号" \\ 反斜杠',
  createdAt: '2026-01-06T01:00:00.000Z',
  updatedAt: '2026-05-25T00:59:59.123Z',
  version: 4,
  // an admin's custom fields, flat beside the built-in ones
  dietaryNeeds: '不吃辣',
  badgeCount: 2,
  vip: true,
  travelGrant: null,
};

async function roundTrip(resource: string, row: Record<string, unknown>) {
  const table = tableOf(resource);
  const insert = insertStatement(table, [row]);
  await pool.query(insert.text, insert.values);
  const scope = table.list !== undefined ? ` AND r.resource = '${table.list}'` : '';
  const { rows } = await pool.query(`SELECT ${selectList(table, 'r')} FROM "${table.name}" r WHERE r.id = $1${scope}`, [
    row.id,
  ]);
  return { stored: rows[0], read: fromColumns(table, rows[0]) };
}

describe('a stored row and its table columns', () => {
  it('reads back exactly as written: text, days, times, money, yes/no, links, custom fields', async () => {
    const { stored, read } = await roundTrip('attendees', guest);
    expect(read).toEqual(guest);
    // typed columns, for a report tool or a DBA
    expect(stored).toMatchObject({
      summit_id: '1',
      name: '欧阳娜娜',
      replied_on: '2026-05-20',
      needs_pickup: true,
      nights: 2,
    });
    expect(stored.custom).toEqual({ dietaryNeeds: '不吃辣', badgeCount: 2, vip: true, travelGrant: null });
    const typed = await pool.query(
      "SELECT arrival_at = '2026-05-24 15:05:00+08' AS at, pg_typeof(checked_in_at)::text AS type FROM attendees WHERE id = 7",
    );
    expect(typed.rows[0]).toEqual({ at: true, type: 'timestamp with time zone' });
  });

  it('keeps money to the fen and large amounts exact', async () => {
    const agreement = {
      id: 3,
      title: '石墨烯联合实验室共建协议',
      enterpriseId: 1,
      partnerId: 2,
      ceremonyId: null,
      signedOn: '2026-03-18',
      kind: 'jointLab',
      industry: 'graphene',
      amount: 123456789012.34,
      status: 'signed',
      officer: '李娜',
      nextFollowUpOn: null,
      note: null,
      version: 1,
    };
    const { stored, read } = await roundTrip('agreements', agreement);
    expect(read).toEqual(agreement);
    expect(stored.amount).toBe('123456789012.34');
  });

  it('keeps what a column cannot hold in custom, and reads it back as it was', async () => {
    // from a hand-edited data file: a number as text, a time not in ISO form, an unknown key
    const odd = {
      id: 8,
      summitId: 1,
      name: '王芳',
      nights: '两晚',
      arrivalAt: '2026-05-24 15:00',
      legacy: { a: 1 },
      version: 1,
    };
    const { stored, read } = await roundTrip('attendees', odd);
    expect(stored.nights).toBeNull();
    expect(stored.custom).toEqual({ nights: '两晚', arrivalAt: '2026-05-24 15:00', legacy: { a: 1 } });
    expect(read).toMatchObject(odd);
    // a built-in field the row did not hold reads as null; times it never had stay absent
    expect(read.hotel).toBeNull();
    expect('createdAt' in read).toBe(false);
  });

  it('stores an account’s password hash, and the audit trail with its before and after', async () => {
    const user = {
      id: 2,
      username: 'zhangwei',
      displayName: '张伟',
      role: 'official',
      disabled: false,
      passwordHash: 'scrypt$abc',
      version: 1,
    };
    expect((await roundTrip('users', user)).read).toEqual(user);
    const entry = {
      id: 1,
      at: '2026-05-25T01:00:00.000Z',
      userId: 2,
      username: 'zhangwei',
      action: 'update',
      resource: 'attendees',
      recordId: '7',
      version: 4,
      before: { invitation: 'confirmed', checkedInAt: null },
      after: { invitation: 'checkedIn', checkedInAt: '2026-05-25T00:59:59.123Z' },
    };
    const { stored, read } = await roundTrip('audit', entry);
    expect(read).toEqual(entry);
    expect(stored.record_id).toBe('7');
  });

  it('puts a custom list’s rows in one table, by list, with ids per list', async () => {
    const need = {
      id: 1,
      title: '高精度减速器国产化',
      budget: 3200000,
      urgent: true,
      createdAt: '2026-02-01T00:00:00.000Z',
      updatedAt: '2026-02-01T00:00:00.000Z',
      version: 1,
    };
    const { stored, read } = await roundTrip('techNeeds', need);
    expect(read).toEqual(need);
    expect(stored.resource).toBe('techNeeds');
    await roundTrip('talentNeeds', { id: 1, title: '数控工程师', version: 1 });
    for (const list of ['techNeeds', 'talentNeeds']) {
      const next = nextIdStatement(tableOf(list));
      await pool.query(next.text, next.values);
    }
    const next = nextIdStatement(tableOf('attendees'));
    await pool.query(next.text, next.values);
    const ids = await pool.query('SELECT resource, next_id FROM custom_list_ids ORDER BY resource');
    expect(ids.rows).toEqual([
      { resource: 'talentNeeds', next_id: '2' },
      { resource: 'techNeeds', next_id: '2' },
    ]);
    const insert = insertStatement(tableOf('attendees'), [{ summitId: 1, name: '新' }]);
    const { rows } = await pool.query(`${insert.text} RETURNING id`, insert.values);
    expect(Number(rows[0].id)).toBe(9);
    // ids taken for records written later (an import's new organisations), never twice
    const take = async (list: string) => {
      const statement = takeIdStatement(tableOf(list));
      return Number((await pool.query(statement.text, statement.values)).rows[0].id);
    };
    expect([await take('attendees'), await take('attendees')]).toEqual([10, 11]);
    expect([await take('techNeeds'), await take('techNeeds'), await take('newList')]).toEqual([2, 3, 1]);
  });

  it('to columns and back without a database', () => {
    const table = tableOf('attendees');
    const columns = toColumns(table, guest);
    expect(columns.arrival_at).toBe('2026-05-24T07:05:00.000Z');
    expect(JSON.parse(columns.custom as string)).toEqual({
      dietaryNeeds: '不吃辣',
      badgeCount: 2,
      vip: true,
      travelGrant: null,
    });
    expect(
      fromColumns(table, {
        ...columns,
        id: '7',
        summit_id: '1',
        organization_id: '12',
        arrival_at: '2026-05-24 15:05:00+08',
      }),
    ).toEqual(guest);
  });

  it('reads PostgreSQL’s text of a time in any session zone', () => {
    expect(isoFromTimestamp('2026-05-24 07:00:00+00')).toBe('2026-05-24T07:00:00.000Z');
    expect(isoFromTimestamp('2026-05-24 15:00:00.5+08')).toBe('2026-05-24T07:00:00.500Z');
    expect(isoFromTimestamp('2026-05-24 02:30:00.123456-04:30')).toBe('2026-05-24T07:00:00.123Z');
  });
});
