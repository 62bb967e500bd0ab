import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import seed from '../../db/seed.json';
import { resourceByName, roleSeesPersonalData, type Role } from '../../src/schema';
import { applyCustomSchema, type CustomRows } from '../../src/schema/custom';
import { byPinyin } from '../../src/schema/text/collate';
import { translateListQuery } from '../../src/server/protocol';
import { createListPath } from '../../src/server/store/listPath';
import { listStatements, searchStatement } from '../../src/server/store/postgres/listSql';
import { migrate } from '../../src/server/store/postgres/migrate';
import { openPool } from '../../src/server/store/postgres/pool';
import { fromColumns, insertStatement, nextIdStatement } from '../../src/server/store/postgres/rows';
import { tableOf } from '../../src/server/store/postgres/tables';
import type { ListQuery } from '../../src/server/store/recordStore';
import { createSearch } from '../../src/server/store/search';
import type { Data, Row, Store } from '../../src/server/store/store';
import { postgresForFile } from '../helpers/postgres';

/**
 * The same rows in the embedded store's list path and in PostgreSQL, the same queries to both
 * (as ra-data-simple-rest sends them, read by the server's own protocol.ts): the same totals,
 * the same rows in the same order.
 */

// half past midnight in Beijing on 1 December: overdue is a next follow-up on 30 November or before
const NOW = Date.parse('2026-11-30T16:30:00Z');

const definitions: CustomRows = {
  customResources: [{ id: 1, name: 'techNeeds', labelZh: '技术需求', labelEn: 'Tech needs', titleField: 'need' }],
  customFields: [
    { id: 1, resource: 'attendees', source: 'dietaryNeeds', labelZh: '饮食需求', type: 'text' },
    { id: 2, resource: 'attendees', source: 'badgeCount', labelZh: '胸牌数', type: 'number' },
    {
      id: 3,
      resource: 'attendees',
      source: 'vipLevel',
      labelZh: '嘉宾级别',
      type: 'enum',
      options: '普通 | Regular\n贵宾 | VIP',
    },
    {
      id: 4,
      resource: 'attendees',
      source: 'partnerOrg',
      labelZh: '对口单位',
      type: 'reference',
      reference: 'organizations',
    },
    { id: 5, resource: 'attendees', source: 'mentorPhone', labelZh: '联络人电话', type: 'phone' },
    { id: 6, resource: 'techNeeds', source: 'need', labelZh: '需求', type: 'text' },
    { id: 7, resource: 'techNeeds', source: 'budget', labelZh: '预算', type: 'money' },
    {
      id: 8,
      resource: 'techNeeds',
      source: 'ownerOrg',
      labelZh: '提出单位',
      type: 'reference',
      reference: 'organizations',
    },
    { id: 9, resource: 'techNeeds', source: 'dueOn', labelZh: '期限', type: 'date' },
  ],
};

/** Guests written to catch differences: names that sort by pinyin (not by code point), Latin
 * names, blanks, custom values present, null and absent. */
const extraGuests = [
  ['欧阳娜娜', { dietaryNeeds: '不吃辣', badgeCount: 2, vipLevel: '贵宾', partnerOrg: 3, mentorPhone: '13912345678' }],
  ['张伟', { dietaryNeeds: '清真', badgeCount: 1, vipLevel: '普通', partnerOrg: 1 }],
  ['章伟', { dietaryNeeds: null, badgeCount: null, vipLevel: null, partnerOrg: null }],
  ['李娜', { dietaryNeeds: '素食 少盐', badgeCount: 3 }],
  ['李明', { badgeCount: 10 }],
  ['Alice Wang', { dietaryNeeds: 'No nuts', vipLevel: '贵宾' }],
  ['bob li', {}],
  ['', { dietaryNeeds: '' }],
  [null, {}],
  ['吕布', { dietaryNeeds: '100%纯素' }],
  ['阿布都热依木', { badgeCount: 0 }],
  ['曾国藩', {}],
] as const;

function testData(): Data {
  const data = structuredClone(seed) as unknown as Data;
  // every built-in field held (null when empty), as every record the API writes is
  for (const [name, rows] of Object.entries(data))
    for (const row of rows) {
      for (const column of tableOf(name).columns) if (column.field && !(column.key in row)) row[column.key] = null;
      row.version = 1;
    }
  let id = Math.max(...data.attendees.map((r) => Number(r.id)));
  extraGuests.forEach(([name, custom], i) =>
    data.attendees.push({
      ...data.attendees[i],
      id: ++id,
      name,
      phone: i % 2 ? `1380000${String(i).padStart(4, '0')}` : null,
      arrivalAt: i % 3 ? `2026-05-2${i % 5}T0${i % 10}:30:00.000Z` : null,
      nights: i % 4 ? i % 4 : null,
      needsPickup: i % 2 === 0,
      ...custom,
    } as Row),
  );
  // an organisation without a name (named #id where it is linked) and one in Latin letters
  data.organizations.push({ ...data.organizations[0], id: 900, name: null } as Row);
  data.organizations.push({ ...data.organizations[0], id: 901, name: 'Zeta Robotics', city: null } as Row);
  data.attendees[0].organizationId = 900;
  data.attendees[1].organizationId = 901;
  data.techNeeds = [
    { id: 1, need: '高精度减速器国产化', budget: 3200000, ownerOrg: 1, dueOn: '2026-12-31', version: 1 },
    { id: 2, need: '石墨烯导热膜量产工艺', budget: 1500000.5, ownerOrg: 4, dueOn: null, version: 1 },
    { id: 3, need: '农机北斗导航', budget: null, ownerOrg: 900, version: 1 },
    { id: 4, need: '阿胶质量追溯', budget: 800000, ownerOrg: null, dueOn: '2026-10-01', version: 1 },
  ];
  data.customResources = definitions.customResources as unknown as Row[];
  data.customFields = definitions.customFields as unknown as Row[];
  return data;
}

const cluster = postgresForFile();
let pool: pg.Pool;
let data: Data;
let embedded: ReturnType<typeof createListPath>;
let embeddedSearch: ReturnType<typeof createSearch>;

beforeAll(async () => {
  applyCustomSchema(definitions);
  data = testData();
  const store = { data, journal: { changesOf: () => 0 } } as unknown as Store;
  embedded = createListPath(store, resourceByName);
  embeddedSearch = createSearch(store);
  pool = openPool(await cluster().createDatabase(), { max: 4 });
  await migrate(pool);
  for (const [name, rows] of Object.entries(data)) {
    const table = tableOf(name);
    for (let i = 0; i < rows.length; i += 200) {
      const insert = insertStatement(table, rows.slice(i, i + 200));
      await pool.query(insert.text, insert.values);
    }
    const next = nextIdStatement(table);
    await pool.query(next.text, next.values);
  }
}, 60_000);
afterAll(() => pool?.end());

interface Case {
  resource: string;
  /** what ra-data-simple-rest sends: sort, range, filter (JSON), read by protocol.ts */
  sort?: [string, 'ASC' | 'DESC'];
  range?: [number, number];
  filter?: Record<string, unknown>;
  role?: Role;
  me?: Record<string, unknown>;
}

/** The embedded store's answer, as the API reaches it: the search box turned into ids first. */
function embeddedAnswer(resource: string, query: ListQuery, personal: boolean) {
  const q = { ...query };
  if (q.q !== undefined) {
    const ids = embeddedSearch(resourceByName[resource], String(q.q), personal);
    delete q.q;
    const wanted = q.id === undefined ? ids : ids.filter((id) => ([] as string[]).concat(q.id).includes(id));
    q.id = wanted.length > 0 ? wanted : ['\u0000no match'];
  }
  return embedded(resource, q);
}

async function postgresAnswer(resource: string, query: ListQuery, personal: boolean) {
  const { page, count } = listStatements(resourceByName[resource], query, { personal });
  const [rows, total] = await Promise.all([pool.query(page.text, page.values), pool.query(count.text, count.values)]);
  return { page: rows.rows.map((row) => fromColumns(tableOf(resource), row)), total: total.rows[0].total as number };
}

const sorted = (resource: string, field: string, order: 'ASC' | 'DESC', range: [number, number] = [0, 999]): Case => ({
  resource,
  sort: [field, order],
  range,
});

const cases: Case[] = [
  // words by pinyin, blanks last both ways; ties in stored order
  sorted('attendees', 'name', 'ASC'),
  sorted('attendees', 'name', 'DESC'),
  sorted('attendees', 'name', 'ASC', [0, 24]),
  sorted('attendees', 'name', 'ASC', [300, 349]),
  sorted('attendees', 'title', 'ASC'),
  sorted('organizations', 'name', 'ASC'),
  sorted('organizations', 'city', 'DESC'),
  sorted('agreements', 'title', 'ASC'),
  // links by the names they link to
  sorted('attendees', 'organizationId', 'ASC'),
  sorted('attendees', 'organizationId', 'DESC', [0, 49]),
  sorted('attendees', 'summitId', 'DESC'),
  sorted('agreements', 'enterpriseId', 'ASC'),
  sorted('followups', 'agreementId', 'ASC'),
  sorted('lectures', 'seriesId', 'DESC'),
  // numbers, days, times, codes, yes/no as json-server sorts them: empty last ascending, first descending
  sorted('attendees', 'arrivalAt', 'ASC'),
  sorted('attendees', 'arrivalAt', 'DESC'),
  sorted('attendees', 'nights', 'DESC'),
  sorted('attendees', 'needsPickup', 'ASC'),
  sorted('attendees', 'phone', 'ASC'),
  sorted('attendees', 'invitation', 'DESC'),
  sorted('attendees', 'id', 'DESC', [0, 9]),
  sorted('agreements', 'amount', 'DESC'),
  sorted('agreements', 'nextFollowUpOn', 'ASC'),
  sorted('followups', 'on', 'DESC'),
  sorted('lectures', 'startsAt', 'DESC'),
  sorted('lectures', 'audience', 'ASC'),
  sorted('summits', 'startsOn', 'DESC'),
  sorted('agreements', 'createdAt', 'ASC'),
  sorted('attendees', 'version', 'ASC', [0, 9]),
  // no order asked: stored order
  { resource: 'attendees', range: [100, 149] },
  { resource: 'organizations' },
  // equality, alternatives, exclusions
  { resource: 'attendees', sort: ['name', 'ASC'], filter: { summitId: 1 } },
  { resource: 'attendees', sort: ['id', 'DESC'], filter: { invitation: ['confirmed', 'checkedIn'], summitId: 2 } },
  { resource: 'attendees', filter: { role_ne: 'academician' } },
  { resource: 'attendees', filter: { invitation_ne: ['declined', 'absent'], role: 'expert' } },
  { resource: 'attendees', filter: { needsPickup: true } },
  { resource: 'attendees', filter: { needsPickup: 'false' } },
  { resource: 'attendees', filter: { nights: 2 } },
  { resource: 'attendees', filter: { nights: '02' } },
  { resource: 'attendees', filter: { nights_gte: 2 } },
  { resource: 'attendees', filter: { nights_lte: '1.5' } },
  { resource: 'attendees', filter: { nights_gte: 'abc' } },
  { resource: 'attendees', filter: { id: [5, 3, 1, 99999] } },
  { resource: 'attendees', filter: { id: [] } },
  { resource: 'attendees', filter: { organizationId: 66, summitId_ne: 2 } },
  // days and times: a day against a time is the whole Beijing day
  {
    resource: 'attendees',
    sort: ['arrivalAt', 'ASC'],
    filter: { arrivalAt_gte: '2026-05-22', arrivalAt_lte: '2026-05-23' },
  },
  { resource: 'attendees', filter: { checkedInAt_gte: '2025-04-18T00:22:00.000Z' } },
  { resource: 'attendees', filter: { checkedInAt: '2025-04-18T00:22:00.000Z' } },
  { resource: 'attendees', filter: { checkedInAt: '2025-04-18T00:22:00Z' } },
  {
    resource: 'agreements',
    sort: ['signedOn', 'ASC'],
    filter: { signedOn_gte: '2025-06-01', signedOn_lte: '2026-03-31' },
  },
  { resource: 'agreements', filter: { signedOn: '2026-02-30' } },
  { resource: 'agreements', filter: { signedOn_gte: '2026' } },
  { resource: 'agreements', filter: { createdAt_lte: '2025-06' } },
  // money, text ranges, `like`
  { resource: 'agreements', sort: ['amount', 'DESC'], filter: { amount_gte: 1000000, amount_lte: 20000000 } },
  { resource: 'agreements', filter: { amount: 3000000 } },
  { resource: 'agreements', filter: { officer_like: '王' } },
  { resource: 'agreements', filter: { title_like: '实验室' } },
  { resource: 'agreements', filter: { title_like: 'LAB' } },
  { resource: 'attendees', filter: { name_like: 'LI' } },
  { resource: 'attendees', filter: { phone_like: '138' } },
  { resource: 'attendees', filter: { phone_like: '^138' } },
  { resource: 'organizations', filter: { name_gte: '青', name_lte: '青岚华锐' } },
  // named filters, on the day NOW is in Beijing
  { resource: 'agreements', sort: ['nextFollowUpOn', 'ASC'], filter: { overdue: true } },
  { resource: 'agreements', filter: { overdue: true, status: ['stalled', 'completed'] } },
  { resource: 'agreements', filter: { mine: true }, me: { displayName: '王海燕' } },
  { resource: 'agreements', filter: { status_ne: ['completed', 'terminated'], industry: 'graphene' } },
  // the search box: Chinese text, names of linked records, choices' labels, several words, phones
  { resource: 'attendees', sort: ['name', 'ASC'], filter: { q: '张' } },
  { resource: 'attendees', filter: { q: '王海' } },
  { resource: 'attendees', filter: { q: 'G 岚' } },
  { resource: 'attendees', filter: { q: '青岚' } },
  { resource: 'attendees', filter: { q: '院士' } },
  { resource: 'attendees', filter: { q: 'Academician' } },
  { resource: 'attendees', filter: { q: '不吃辣' } },
  { resource: 'attendees', filter: { q: '素食 少盐' } },
  { resource: 'attendees', filter: { q: 'alice WANG' } },
  { resource: 'attendees', filter: { q: '100%' } },
  { resource: 'attendees', filter: { q: '_' } },
  { resource: 'attendees', filter: { q: '#900' } },
  { resource: 'attendees', filter: { q: '138' }, role: 'organiser' },
  { resource: 'attendees', filter: { q: '138' }, role: 'viewer' },
  { resource: 'attendees', filter: { q: '13912345678' }, role: 'organiser' },
  { resource: 'attendees', filter: { q: '13912345678' }, role: 'viewer' },
  { resource: 'attendees', filter: { q: '贵宾' } },
  { resource: 'attendees', filter: { q: '清真', summitId: 1, id: [1, 2, 3, 4, 5, 6] } },
  { resource: 'attendees', filter: { q: '  ' } },
  { resource: 'agreements', filter: { q: '联合实验室 石墨烯' } },
  { resource: 'agreements', filter: { q: '联合实验室', overdue: true } },
  { resource: 'followups', sort: ['on', 'DESC'], filter: { q: '焊接' } },
  { resource: 'organizations', filter: { q: 'robotics' } },
  { resource: 'lectures', filter: { q: '院士' } },
  // an admin's fields, in JSONB
  { resource: 'attendees', filter: { dietaryNeeds: '清真' } },
  { resource: 'attendees', filter: { vipLevel: '贵宾' } },
  { resource: 'attendees', filter: { vipLevel_ne: '贵宾' } },
  { resource: 'attendees', filter: { badgeCount: 2 } },
  { resource: 'attendees', filter: { badgeCount_gte: 2 } },
  { resource: 'attendees', filter: { badgeCount_lte: 1 } },
  { resource: 'attendees', filter: { partnerOrg: 3 } },
  { resource: 'attendees', filter: { dietaryNeeds_like: '辣' } },
  sorted('attendees', 'dietaryNeeds', 'ASC'),
  sorted('attendees', 'dietaryNeeds', 'DESC'),
  sorted('attendees', 'badgeCount', 'ASC'),
  sorted('attendees', 'badgeCount', 'DESC'),
  sorted('attendees', 'vipLevel', 'ASC'),
  sorted('attendees', 'partnerOrg', 'ASC'),
  // a list of an admin's own, in the one generic table
  sorted('techNeeds', 'need', 'ASC'),
  sorted('techNeeds', 'budget', 'DESC'),
  sorted('techNeeds', 'ownerOrg', 'ASC'),
  sorted('techNeeds', 'dueOn', 'ASC'),
  { resource: 'techNeeds', filter: { budget_gte: 1000000 } },
  { resource: 'techNeeds', filter: { q: '石墨烯' } },
  { resource: 'techNeeds', filter: { q: '青岚' } },
  { resource: 'techNeeds', filter: { ownerOrg: [1, 4] }, sort: ['id', 'DESC'] },
  { resource: 'techNeeds' },
];

describe('the same list answers from PostgreSQL as from the embedded store', () => {
  it.each(cases.map((c) => [JSON.stringify({ ...c, resource: undefined }), c] as const))(`%s`, async (_name, c) => {
    const raw: Record<string, unknown> = {};
    if (c.sort) raw.sort = JSON.stringify(c.sort);
    if (c.range) raw.range = JSON.stringify(c.range);
    if (c.filter) raw.filter = JSON.stringify(c.filter);
    const { query } = translateListQuery(resourceByName[c.resource], raw, NOW, c.me ?? {});
    const personal = roleSeesPersonalData(c.role ?? 'admin');
    const expected = embeddedAnswer(c.resource, { ...query }, personal);
    const actual = await postgresAnswer(c.resource, { ...query }, personal);
    expect(actual.total).toBe(expected.total);
    expect(actual.page.map((row) => row.id)).toEqual(expected.page.map((row) => row.id));
    expect(actual.page).toEqual(expected.page);
  });

  it('finds things: the cases above are not all empty', async () => {
    const answers = await Promise.all(
      [
        { resource: 'attendees', q: '张' },
        { resource: 'attendees', q: '青岚' },
        { resource: 'attendees', q: '院士' },
        { resource: 'techNeeds', q: '青岚' },
      ].map(async ({ resource, q }) => (await postgresAnswer(resource, { q }, true)).total),
    );
    for (const total of answers) expect(total).toBeGreaterThan(0);
    const names = (
      await postgresAnswer('attendees', { _sort: 'name', _order: 'asc', _start: '0', _end: '1000' }, true)
    ).page
      .map((row) => row.name)
      .filter((name) => ['李娜', '欧阳娜娜', '张伟', '章伟', 'Alice Wang', '', null].includes(name as string));
    // by pinyin (li, ouyang, zhang, zhang), Latin after Chinese, blanks last
    expect(names).toEqual(['李娜', '欧阳娜娜', '张伟', '章伟', 'Alice Wang', '', null]);
  });

  it('sorts words as the embedded store does (ICU pinyin on both sides), tricky ones too', async () => {
    const words = [
      '曾国藩',
      '单雄信',
      '解缙',
      '仇英',
      '重庆',
      '长沙',
      '银行',
      '行走',
      '区',
      '欧阳修',
      '吕',
      '律',
      '女',
      '阿',
      '啊',
      'a',
      'B',
      'b',
      'Z',
      '10',
      '9',
      '２',
      '〇',
      '一',
      '𠀀',
      '张',
      '章',
      'zhang',
      'Zhang',
      '',
    ];
    const { rows } = await pool.query<{ w: string }>(
      'SELECT w FROM unnest($1::text[]) AS w ORDER BY w COLLATE huiwu_pinyin, w COLLATE "C"',
      [words],
    );
    expect(rows.map((row) => row.w)).toEqual([...words].sort((a, b) => byPinyin(a, b) || (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('the search box’s ids, as RecordStore.search answers them', async () => {
    for (const [q, personal] of [
      ['张', true],
      ['王 青岚', false],
      ['a', false],
      ['%', false],
      ['138', false],
      ['138', true],
      ['联合实验室 石墨烯', true],
    ] as const)
      for (const resource of ['attendees', 'agreements']) {
        const statement = searchStatement(resourceByName[resource], q, personal);
        const { rows } = await pool.query(statement.text, statement.values);
        const expected = embeddedSearch(resourceByName[resource], q, personal);
        expect(rows.map((row) => row.id)).toEqual([...expected].sort((a, b) => Number(a) - Number(b)));
      }
  });

  it('asks in the form the indexes answer (each index can serve its query)', async () => {
    const plans: [string, ListQuery, string, { personal?: boolean }?][] = [
      ['attendees', { _sort: 'name', _order: 'asc', _start: '0', _end: '25' }, 'attendees_sort_name'],
      ['summits', { _sort: 'startsOn', _order: 'desc', _start: '0', _end: '25' }, 'summits_sort_starts_on'],
      ['attendees', { summitId: ['1'] }, 'attendees_summit_id'],
      ['attendees', { q: '欧阳娜' }, 'attendees_words'],
      // shorter than a trigram: by their characters
      ['attendees', { q: '张' }, 'attendees_chars'],
      ['attendees', { q: '青岚' }, 'attendees_chars'],
      // and in phones and e-mails, for those who may see them
      ['attendees', { q: '张' }, 'attendees_personal_chars', { personal: true }],
      ['attendees', { q: '青岚恒' }, 'organizations_title_words'],
      ['attendees', { vipLevel: ['贵宾'] }, 'attendees_custom'],
      ['agreements', { officer_like: ['王海燕'] }, 'agreements_officer_trgm'],
      ['agreements', { nextFollowUpOn_lte: ['2026-11-30'] }, 'agreements_next_follow_up_on'],
    ];
    const client = await pool.connect();
    try {
      // the rows here are few: make the planner show what it could use on many
      await client.query('SET enable_seqscan = off');
      for (const [resource, query, index, options] of plans) {
        // a page where the order is asked, the total where the filter is
        const { page, count } = listStatements(resourceByName[resource], query, options);
        const statement = query._sort ? page : count;
        const { rows } = await client.query(`EXPLAIN ${statement.text}`, statement.values);
        expect(rows.map((row) => row['QUERY PLAN']).join('\n'), `${resource} ${JSON.stringify(query)}`).toContain(
          index,
        );
      }
    } finally {
      await client.query('RESET enable_seqscan');
      client.release();
    }
  });

  it('sends values only as parameters', () => {
    const hostile = "'; DROP TABLE attendees; --";
    const { page, count } = listStatements(resourceByName.attendees, {
      name: hostile,
      [`dietaryNeeds`]: hostile,
      name_like: hostile,
      nights_gte: hostile,
      q: hostile,
      _sort: 'dietaryNeeds',
      _order: 'asc',
    });
    for (const statement of [page, count]) expect(statement.text).not.toContain('DROP TABLE');
  });
});
