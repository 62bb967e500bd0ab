import { randomUUID } from 'node:crypto';
import { resourceByName } from '../../schema';
import { PENDING_MAIL } from '../../schema/resources/outbox';
import { stampsFor } from '../../schema/stamps';
import type { Row } from '../records';
import { keySteps, newToken, replacedSteps } from '../reply/tokens';
import type { RecordStore, Step } from '../store/recordStore';
import { TOKEN_MARK, type Composed } from './templates';

/**
 * The outbox worker's writes (outbox.ts runs them): taking a mail, recording what became of it,
 * and what that means for its guest. Each is one write through the store, versioned, so two
 * servers on one database never take one mail twice or record over each other.
 */
export const OUTBOX = 'outbox';

const iso = (ms: number) => new Date(ms).toISOString();

/** A mail taken for sending, and the text that goes: its reply link's token (made now, in the
 * same write that stores its hash) in place of the mark. */
export interface Taken {
  mail: Row;
  text: string;
  /** the reply link's key made for this try (its hash stored), when the mail has a link */
  keyId?: unknown;
}

/** The next mail due, taken for sending (`sending`, leased until `now + leaseMs`); null when
 * none is due. A mail whose guest was deleted meanwhile is not sent: it fails, saying so. */
export async function take(records: RecordStore, now: number, leaseMs: number): Promise<Taken | null> {
  for (let tries = 0; tries < 5; tries++) {
    const at = iso(now);
    const { page } = await records.page(OUTBOX, {
      state: PENDING_MAIL,
      nextAttemptAt_lte: at,
      _sort: 'nextAttemptAt',
      _order: 'ASC',
      _start: '0',
      _end: '1',
    });
    if (page.length === 0) return null;
    let text = '';
    const [taken, ...made] = await records.write(null, async (view) => {
      const row = await view.find(OUTBOX, page[0].id);
      // taken by another server meanwhile, or sent
      if (!row || !isDue(row, at)) return [];
      if (row.attendeeId != null && !(await view.exists('attendees', row.attendeeId)))
        return [update(row, { state: 'failed', nextAttemptAt: null, lastAnswer: 'attendee deleted / 参会人员已删除' })];
      text = String(row.body);
      const keys: Step[] = [];
      if (text.includes(TOKEN_MARK) && row.attendeeId != null) {
        const token = newToken();
        text = text.replaceAll(TOKEN_MARK, token);
        // replacing nothing yet: a try that fails must not take away the link the guest has
        const about = { attendeeId: row.attendeeId, summitId: row.summitId, mailId: row.id };
        keys.push(...(await keySteps(view, 'link', token, { ...about, replaces: false }, now)));
      }
      return [
        update(row, {
          state: 'sending',
          attempts: Number(row.attempts ?? 0) + 1,
          nextAttemptAt: iso(now + leaseMs),
          // the same Message-ID on every try; a mail sent again by hand gets a new one
          messageId: row.messageId ?? `<${randomUUID()}@huiwu>`,
        }),
        ...keys,
      ];
    });
    if (taken?.state === 'sending') return { mail: taken, text, keyId: made.at(-1)?.id };
  }
  return null;
}

/** A write that must land (the outcome of a mail sent): tried again while the store is busy or
 * down, for a minute; if it never lands the mail's lease ends and it is sent again. */
export async function persist<T>(write: () => Promise<T>): Promise<T> {
  for (let wait = 250; ; wait *= 2) {
    try {
      return await write();
    } catch (error) {
      if (wait > 30_000) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** What became of a mail this worker took, written only while it is still this worker's take. */
export async function record(records: RecordStore, mail: Row, fields: Record<string, unknown>) {
  await persist(() =>
    records.write(null, async (view) => {
      const row = await view.find(OUTBOX, mail.id);
      if (!row || row.state !== 'sending' || row.attempts !== mail.attempts) return [];
      return [update(row, fields)];
    }),
  );
}

/** What a mail's outcome means for its guest, in a write of its own (an edit of the guest
 * holding it up must not hold up the mail's record): an invitation sent moves a guest still
 * to invite to 已邀请 (dated); an address that bounced is marked while it is the guest's. */
export async function followGuest(records: RecordStore, mail: Row, now: number, outcome: 'sent' | 'bounced') {
  if (mail.attendeeId == null) return;
  await persist(() =>
    records.write(null, async (view) => {
      const guest = await view.find('attendees', mail.attendeeId);
      if (!guest) return [];
      const moves =
        outcome === 'sent'
          ? mail.kind === 'invitation' && guest.invitation === 'toInvite'
            ? { invitation: 'invited' }
            : {}
          : guest.email === mail.to && guest.emailBouncing !== true
            ? { emailBouncing: true }
            : {};
      if (Object.keys(moves).length === 0) return [];
      const stamps = stampsFor(resourceByName.attendees, { ...guest, ...moves }, guest, moves, now);
      return [{ op: 'update', resource: 'attendees', row: guest, fields: { ...moves, ...stamps } } as Step];
    }),
  );
}

/** A new mail to a guest, queued to go now: the one way invitations and reminders enter the
 * outbox. */
export function queuedMail(
  mail: {
    summitId: unknown;
    attendeeId: unknown;
    kind: string;
    to: unknown;
    lang: string;
    replyBase: unknown;
  } & Composed,
  now: number,
): Step {
  const at = iso(now);
  return {
    op: 'create',
    resource: OUTBOX,
    fields: { ...mail, state: 'queued', queuedAt: at, nextAttemptAt: at, attempts: 0 },
  };
}

/** An invitation sent: the guest's earlier links (earlier invitations, earlier tries of this
 * one, reminders) open nothing more; the one in the mail that went does. */
export async function replaceOlderLinks(records: RecordStore, { mail, keyId }: Taken, now: number) {
  if (mail.kind !== 'invitation' || keyId == null || mail.attendeeId == null) return;
  await persist(() => records.write(null, (view) => replacedSteps(view, 'link', mail.attendeeId, now, keyId)));
}

const update = (row: Row, fields: Record<string, unknown>): Step => ({
  op: 'update',
  resource: OUTBOX,
  row,
  fields,
  // the mail itself keeps its tries and the server's answers
  audit: false,
});

function isDue(row: Row, at: string) {
  if (!PENDING_MAIL.includes(String(row.state))) return false;
  return row.nextAttemptAt == null || String(row.nextAttemptAt) <= at;
}
