/**
 * Check-ins made at the door, kept until the server has them. A tap is applied on the screen
 * at once and queued in the browser's storage (it survives a reload); the queue is sent in
 * order whenever the network allows. Each entry says what the guest's state must become, with
 * the time of the tap, so sending it twice changes nothing the second time.
 */
export type Tap =
  | { kind: 'in' | 'undo'; id: number | string; at: string; name: string }
  | { kind: 'walkIn'; key: string; at: string; name: string; phone: string; organization: string };

export const queueKey = (summitId: unknown) => `huiwu.checkin.queue.${String(summitId)}`;

export function readQueue(summitId: unknown): Tap[] {
  try {
    return JSON.parse(localStorage.getItem(queueKey(summitId)) ?? '[]') as Tap[];
  } catch {
    return [];
  }
}

export function writeQueue(summitId: unknown, queue: Tap[]) {
  localStorage.setItem(queueKey(summitId), JSON.stringify(queue));
}

/** Whether an error means "not reached" (retry later) rather than "refused" (drop, and say why). */
export const unreachable = (error: unknown) => {
  const status = (error as { status?: number }).status;
  return status === undefined || status === 0 || status >= 500;
};
