/**
 * Deterministic data for the benchmark, in the proportions of a province-wide platform:
 * per 100,000 attendees, 2,000 organizations, 200 summits, 10,000 agreements and 20,000
 * follow-ups. Not the demo story (db/generate-seed.ts): just the same shapes, fast to make.
 */

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞宇浩然欣怡子轩梓涵一诺思远嘉琪晨曦文博雨桐';
const ROLES = ['academician', 'expert', 'entrepreneur', 'official', 'media', 'staff', 'guest'];
const INVITATIONS = ['toInvite', 'invited', 'confirmed', 'declined', 'checkedIn', 'absent'];
const STATUSES = ['signed', 'inProgress', 'landed', 'completed', 'stalled', 'terminated'];
const INDUSTRIES = [
  'graphene',
  'intelligentManufacturing',
  'newMaterials',
  'chemicals',
  'agriMachinery',
  'medicalDevices',
];
const KINDS = ['jointLab', 'techTransfer', 'jointRnD', 'talent', 'platform', 'challenge'];

/** mulberry32: small, fast, and the same numbers on every machine */
function rng(seed: number) {
  let a = seed;
  const next = () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[] | string): T => list[Math.floor(next() * list.length)] as T,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const NOW = '2026-11-21T00:00:00.000Z';

export function benchData(attendeeCount: number) {
  const r = rng(20261121);
  const orgCount = Math.max(50, attendeeCount / 50);
  const summitCount = Math.max(6, attendeeCount / 500);
  const agreementCount = attendeeCount / 10;
  const stamp = { createdAt: NOW, updatedAt: NOW, version: 1 };
  const organizations = Array.from({ length: orgCount }, (_, i) => ({
    id: i + 1,
    name: `测试单位${pad(i + 1, 5)}`,
    kind: i % 3 === 0 ? 'university' : 'enterprise',
    industry: r.pick(INDUSTRIES),
    city: '青岚',
    contact: null,
    phone: null,
    email: null,
    address: null,
    note: null,
    ...stamp,
  }));
  const summits = Array.from({ length: summitCount }, (_, i) => {
    const month = (i % 12) + 1;
    const year = 2025 + (Math.floor(i / 12) % 3);
    return {
      id: i + 1,
      name: `测试峰会${pad(i + 1, 4)}`,
      kind: 'summit',
      theme: null,
      startsOn: `${year}-${pad(month)}-10`,
      endsOn: `${year}-${pad(month)}-11`,
      city: '青岚',
      venue: '会展中心',
      host: null,
      status: 'inviting',
      description: null,
      ...stamp,
    };
  });
  const attendees = Array.from({ length: attendeeCount }, (_, i) => ({
    id: i + 1,
    summitId: r.int(1, summitCount),
    name: `${r.pick<string>(SURNAMES)}${r.pick<string>(GIVEN)}${i % 3 === 0 ? r.pick<string>(GIVEN) : ''}`,
    organizationId: r.int(1, orgCount),
    title: '教授',
    role: r.pick(ROLES),
    phone: `1${r.int(30, 89)}${pad(r.int(0, 99999999), 8)}`,
    email: null,
    invitation: r.pick(INVITATIONS),
    repliedOn: null,
    arrivalAt: `2026-12-0${r.int(1, 9)}T0${r.int(0, 9)}:${pad(r.int(0, 59))}:00.000Z`,
    arrivalMode: 'train',
    arrivalNumber: `G${r.int(100, 9999)}`,
    arrivalStation: r.pick(['青岚站', '青岚东站', '青岚机场']),
    pickupBy: null,
    pickupCar: null,
    departureAt: null,
    hotel: null,
    room: null,
    seat: null,
    certificate: false,
    certificateName: null,
    honour: null,
    handwritten: false,
    certificatePrinted: false,
    certificateDelivered: false,
    checkedInAt: null,
    note: null,
    ...stamp,
  }));
  const agreements = Array.from({ length: agreementCount }, (_, i) => ({
    id: i + 1,
    title: `测试项目${pad(i + 1, 6)}`,
    enterpriseId: r.int(1, orgCount / 2) * 2,
    partnerId: r.int(0, orgCount / 2 - 1) * 2 + 1,
    ceremonyId: null,
    signedOn: `${r.pick(['2025', '2026'])}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`,
    kind: r.pick(KINDS),
    industry: r.pick(INDUSTRIES),
    amount: r.int(10, 2000) * 10000,
    status: r.pick(STATUSES),
    officer: `专员${r.int(1, 40)}`,
    nextFollowUpOn: `2026-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`,
    note: null,
    ...stamp,
  }));
  const followups = Array.from({ length: agreementCount * 2 }, (_, i) => ({
    id: i + 1,
    agreementId: (i % agreementCount) + 1,
    on: `2026-${pad(r.int(1, 10))}-${pad(r.int(1, 28))}`,
    officer: `专员${r.int(1, 40)}`,
    kind: 'visit',
    note: '走访企业',
    statusAfter: null,
    nextStep: null,
    nextOn: null,
    ...stamp,
  }));
  return {
    organizations,
    summits,
    series: [],
    lectures: [],
    ceremonies: [],
    attendees,
    agreements,
    followups,
    users: [],
    audit: [],
  };
}
