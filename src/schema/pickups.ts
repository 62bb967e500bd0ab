import { eventWallClock } from './eventTime';
import { beijingDay } from './namedFilters';
import { inInvitationGroup, PICKUP_WINDOW_MINUTES } from './resources/attendees';

/**
 * The pick-up plan of a summit (接站): who arrives when and where, grouped by Beijing day,
 * station and hour, with what needs doing: guests arriving by train or plane with nobody to
 * meet them, and drivers asked to be at two stations at once (pick-ups at different stations
 * closer in time than PICKUP_WINDOW_MINUTES). Shared by the server's /pickups route and tests.
 */

type Guest = Record<string, unknown> & { id: number | string };

export interface PickupGroup {
  day: string;
  station: string;
  /** the hour the arrivals fall in: 08:00 */
  hour: string;
  ids: (number | string)[];
}

export interface PickupConflict {
  driver: string;
  /** the two pick-ups that cannot both be made */
  ids: [number | string, number | string];
}

export interface PickupPlan {
  groups: PickupGroup[];
  unassigned: (number | string)[];
  conflicts: PickupConflict[];
}

/** Coming, and met at a station: not those who drive themselves or said they need no pick-up
 * (是否接站: 否), declined or never invited. */
const needsPickup = (guest: Guest) =>
  !!guest.arrivalAt &&
  guest.arrivalMode !== 'car' &&
  guest.needsPickup !== false &&
  inInvitationGroup('expected', guest.invitation);

const localTime = (iso: string) => eventWallClock(iso).toISOString().slice(11, 16);

export function planPickups(guests: Guest[]): PickupPlan {
  const arriving = guests.filter(needsPickup).sort((a, b) => String(a.arrivalAt).localeCompare(String(b.arrivalAt)));
  const groups = new Map<string, PickupGroup>();
  for (const guest of arriving) {
    const at = String(guest.arrivalAt);
    const day = beijingDay(new Date(at));
    const station = String(guest.arrivalStation ?? '');
    const hour = `${localTime(at).slice(0, 2)}:00`;
    const key = `${day}\u0000${station}\u0000${hour}`;
    if (!groups.has(key)) groups.set(key, { day, station, hour, ids: [] });
    groups.get(key)!.ids.push(guest.id);
  }
  const conflicts: PickupConflict[] = [];
  const byDriver = new Map<string, Guest[]>();
  for (const guest of arriving) {
    if (!guest.pickupBy) continue;
    const trips = byDriver.get(String(guest.pickupBy));
    if (trips) trips.push(guest);
    else byDriver.set(String(guest.pickupBy), [guest]);
  }
  for (const [driver, trips] of byDriver)
    trips.forEach((a, i) => {
      for (const b of trips.slice(i + 1)) {
        const apart = Math.abs(Date.parse(String(b.arrivalAt)) - Date.parse(String(a.arrivalAt))) / 60_000;
        if (apart >= PICKUP_WINDOW_MINUTES) break; // sorted by time: the rest are further
        if ((a.arrivalStation ?? '') !== (b.arrivalStation ?? '')) conflicts.push({ driver, ids: [a.id, b.id] });
      }
    });
  return {
    groups: [...groups.values()],
    // a guest already checked in has arrived: nobody needs to meet them any more
    unassigned: arriving
      .filter((guest) => !guest.pickupBy && guest.invitation !== 'checkedIn')
      .map((guest) => guest.id),
    conflicts,
  };
}
