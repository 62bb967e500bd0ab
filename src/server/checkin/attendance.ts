import { INVITATION_GROUPS } from '../../schema';
import type { Row } from '../records';
import type { RecordStore } from '../store/recordStore';

/**
 * How each expected guest stood at a session, and the counts offices report upward:
 * - 应到 `expected`: the guests of the session's summit who said they would come (已确认,
 *   签到, 缺席), and anyone else who checked in or was excused;
 * - each of them exactly one of: 准时 `onTime` and 迟到 `late` (they came: 实到 `present`),
 *   代会 `substitute` (their 代会人 came), 请假 `leave` (excused, nobody came), 缺席 `absent`;
 * - 出席率 = 实到 / 应到, 准时率 = 准时 / 实到.
 */
export type Standing = 'onTime' | 'late' | 'substitute' | 'leave' | 'absent';

export interface Counts {
  expected: number;
  present: number;
  onTime: number;
  late: number;
  substitute: number;
  leave: number;
  absent: number;
  /** 出席率 and 准时率, as fractions (null when nothing to divide by) */
  attendanceRate: number | null;
  punctualityRate: number | null;
}

export interface Person {
  attendeeId: unknown;
  name: string;
  role: unknown;
  organization: string;
  standing: Standing;
  at: string | null;
  desk: string | null;
  substitute: string | null;
  reason: string | null;
}

export interface SessionAttendance {
  session: Row;
  counts: Counts;
  byRole: (Counts & { role: unknown })[];
  byOrganization: (Counts & { organization: string })[];
  people: Person[];
}

export function countsOf(standings: Standing[]): Counts {
  const n = (s: Standing) => standings.filter((x) => x === s).length;
  const onTime = n('onTime');
  const late = n('late');
  const present = onTime + late;
  const expected = standings.length;
  return {
    expected,
    present,
    onTime,
    late,
    substitute: n('substitute'),
    leave: n('leave'),
    absent: n('absent'),
    attendanceRate: expected ? present / expected : null,
    punctualityRate: present ? onTime / present : null,
  };
}

/** Counts summed over sessions (a summit's, a series'): rates from the sums. */
export function sumCounts(all: Counts[]): Counts {
  const sum = (key: keyof Counts) => all.reduce((total, c) => total + Number(c[key] ?? 0), 0);
  const expected = sum('expected');
  const present = sum('present');
  const onTime = sum('onTime');
  return {
    expected,
    present,
    onTime,
    late: sum('late'),
    substitute: sum('substitute'),
    leave: sum('leave'),
    absent: sum('absent'),
    attendanceRate: expected ? present / expected : null,
    punctualityRate: present ? onTime / present : null,
  };
}

function grouped<K extends string>(people: Person[], key: (p: Person) => string, as: K) {
  const groups = new Map<string, Standing[]>();
  for (const person of people) groups.set(key(person), [...(groups.get(key(person)) ?? []), person.standing]);
  return [...groups].map(
    ([value, standings]) => ({ [as]: value, ...countsOf(standings) }) as Counts & Record<K, string>,
  );
}

/** Every row of a list whose field holds this value (a session's check-ins, a summit's guests). */
export async function rowsWhere(records: RecordStore, resource: string, field: string, value: unknown) {
  const scan = await records.scan(resource, { [field]: String(value) }, 1000);
  const rows: Row[] = [];
  for await (const page of scan.pages) rows.push(...page);
  return rows;
}

/** One session's attendance, as the data stands. */
export async function sessionAttendance(records: RecordStore, session: Row): Promise<SessionAttendance> {
  const [checkins, leaves, summitGuests] = await Promise.all([
    rowsWhere(records, 'checkins', 'lectureId', session.id),
    rowsWhere(records, 'leaves', 'lectureId', session.id),
    session.summitId != null ? rowsWhere(records, 'attendees', 'summitId', session.summitId) : Promise.resolve([]),
  ]);
  const confirmed = INVITATION_GROUPS.confirmed as readonly string[];
  const expected = new Map(
    summitGuests.filter((g) => confirmed.includes(String(g.invitation))).map((g) => [String(g.id), g]),
  );
  // anyone who came or was excused counts as expected, whatever their invitation says
  const others = [...checkins, ...leaves].map((r) => String(r.attendeeId)).filter((id) => !expected.has(id));
  for (const guest of others.length ? await records.get('attendees', [...new Set(others)]) : [])
    expected.set(String(guest.id), guest);
  const orgIds = [...new Set([...expected.values()].map((g) => g.organizationId).filter((id) => id != null))];
  const orgs = new Map((orgIds.length ? await records.get('organizations', orgIds) : []).map((o) => [String(o.id), o]));
  const checkinOf = new Map(checkins.map((c) => [String(c.attendeeId), c]));
  const leaveOf = new Map(leaves.map((l) => [String(l.attendeeId), l]));
  const people: Person[] = [...expected.values()].map((guest) => {
    const checkin = checkinOf.get(String(guest.id));
    const leave = leaveOf.get(String(guest.id));
    const standing: Standing = checkin
      ? checkin.substitute
        ? 'substitute'
        : checkin.late
          ? 'late'
          : 'onTime'
      : leave
        ? 'leave'
        : 'absent';
    return {
      attendeeId: guest.id,
      name: String(guest.name),
      role: guest.role,
      organization: String(orgs.get(String(guest.organizationId))?.name ?? ''),
      standing,
      at: checkin ? String(checkin.at) : null,
      desk: checkin?.desk ? String(checkin.desk) : null,
      substitute: checkin?.substitute
        ? String(checkin.substitute)
        : leave?.substituteName
          ? String(leave.substituteName)
          : null,
      reason: leave?.reason ? String(leave.reason) : null,
    };
  });
  people.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  return {
    session,
    counts: countsOf(people.map((p) => p.standing)),
    byRole: grouped(people, (p) => String(p.role ?? ''), 'role'),
    byOrganization: grouped(people, (p) => p.organization, 'organization'),
    people,
  };
}
