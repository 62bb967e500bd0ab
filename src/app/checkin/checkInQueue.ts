/**
 * Check-ins made at the door, kept until the server has them. A tap is applied on the screen
 * at once and queued in the browser's storage (it survives a reload), per user and summit; the
 * queue is sent in order whenever the network allows. Each entry says what the guest's state
 * must become, so sending it twice changes nothing the second time.
 */
export type Tap = { uid: string; at: string; name: string } & (
  | { kind: 'in'; id: number | string }
  /** back to what the guest was before the check-in (a tap by mistake): undoes the check-in
   * the desk showed, made at checkedInAt, and nothing another desk did since */
  | { kind: 'undo'; id: number | string; previous: string; checkedInAt?: string }
  | {
      kind: 'walkIn';
      phone: string;
      /** the organisation as typed: linked by that name, or created so, when none was chosen */
      organization: string;
      /** the organisation chosen among those the server found */
      organizationId?: number | string;
      /** sent before, answer lost */
      attempted?: boolean;
    }
);

export const queueKey = (user: unknown, summitId: unknown) => `huiwu.checkin.queue.${String(user)}.${String(summitId)}`;

export function readQueue(key: string): Tap[] {
  try {
    return JSON.parse(localStorage.getItem(key) ?? '[]') as Tap[];
  } catch {
    return [];
  }
}

export function writeQueue(key: string, queue: Tap[]) {
  localStorage.setItem(key, JSON.stringify(queue));
}

/**
 * What each guest was before they were checked in, as this desk last knew it (before its own
 * tap, or when it last read them from the server, before another desk's check-in): what an
 * undo puts back. Kept in the browser beside the queue, so a reload keeps it.
 */
export const beforeKey = (user: unknown, summitId: unknown) =>
  `huiwu.checkin.before.${String(user)}.${String(summitId)}`;

export function readBefore(key: string): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

export function remember(key: string, states: Record<string, string>) {
  localStorage.setItem(key, JSON.stringify({ ...readBefore(key), ...states }));
}

/** Whether an error means "try again later" (no network, server down, session gone, too many
 * requests) rather than "refused" (drop the tap, and say why). */
export const retryLater = (error: unknown) => {
  const status = (error as { status?: number }).status;
  return status === undefined || status === 0 || status >= 500 || [401, 408, 429].includes(status);
};

export const newUid = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** The walk-in's note: how the desk finds its own row again after a lost answer. Its
 * organisation is linked; the note holds it only when it could not be (before, it always did). */
export const walkInNote = (organization = '') => (organization ? `现场登记 · ${organization}` : '现场登记');
export const isWalkInNote = (note: unknown) => String(note ?? '').startsWith(walkInNote());
