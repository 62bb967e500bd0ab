import { createHash, randomBytes, randomInt } from 'node:crypto';
import { REPLY_KEYS_LIST } from '../../schema/invitation';
import type { Row } from '../records';
import type { RecordStore, Step, WriteView } from '../store/recordStore';

/**
 * The keys to the guests' reply pages (src/server/reply/routes.ts), kept as rows of a list of
 * the server's own (never served as records): each only as its SHA-256, so that neither the
 * database, a backup nor the outbox holds one that opens a page.
 *
 * - A **link** (`/r/<token>`, 144 random bits) goes in one mail. It is made when the outbox
 *   takes the mail for sending, so the token exists only in that mail; an invitation sent
 *   again replaces the guest's earlier links once it has gone, a reminder adds one.
 * - A **code** (8 characters, for SMS, whose platforms refuse links) opens the page at `/r`
 *   with the last four digits of the guest's phone; a new SMS list replaces the guest's code.
 * - A **wall** key opens a summit's check-in wall (src/server/checkin/wall.ts) without a
 *   session, so the screen in the hall goes on through a server restart.
 */
export const REPLY_KEYS = REPLY_KEYS_LIST;

/** what a key opens: one guest's reply page, nothing else */
export type KeyKind = 'link' | 'code' | 'wall';

export const hashOf = (kind: KeyKind, secret: string) => createHash('sha256').update(`${kind}:${secret}`).digest('hex');

/** 18 random bytes (144 bits), URL-safe */
export const newToken = () => randomBytes(18).toString('base64url');

/** Letters and digits no one misreads on a phone (no 0/O, 1/I/L): 31 of them, 8 long (~40 bits,
 * enough with the phone's last four digits and the guesses throttled). */
const CODE_LETTERS = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const newCode = () => Array.from({ length: 8 }, () => CODE_LETTERS[randomInt(CODE_LETTERS.length)]).join('');

/** A code as a guest types it: in any case, with spaces or dashes. */
export const typedCode = (text: string) => text.toUpperCase().replace(/[\s-]/g, '');

const iso = (ms: number) => new Date(ms).toISOString();

/** The steps that end a guest's keys of this kind (all but `keep`): replaced by a newer one. */
export async function replacedSteps(
  view: WriteView,
  kind: KeyKind,
  attendeeId: unknown,
  now: number,
  keep?: unknown,
): Promise<Step[]> {
  const earlier = (await view.where(REPLY_KEYS, 'attendeeId', attendeeId)).filter(
    (row) => row.kind === kind && row.replacedAt == null && String(row.id) !== String(keep),
  );
  return earlier.map((row): Step => ({
    op: 'update',
    resource: REPLY_KEYS,
    row,
    fields: { replacedAt: iso(now) },
    audit: false,
  }));
}

/**
 * The steps that store a new key of a guest, and, when it `replaces` them (a new SMS code),
 * end their earlier ones of its kind. An invitation's link replaces the earlier links only once
 * its mail is sent (mails.ts): a new invitation that bounces leaves the guest the link they have.
 */
export async function keySteps(
  view: WriteView,
  kind: KeyKind,
  secret: string,
  about: { attendeeId: unknown; summitId: unknown; mailId?: unknown; replaces: boolean },
  now: number,
): Promise<Step[]> {
  return [
    ...(about.replaces ? await replacedSteps(view, kind, about.attendeeId, now) : []),
    {
      op: 'create',
      resource: REPLY_KEYS,
      fields: {
        kind,
        hash: hashOf(kind, secret),
        attendeeId: about.attendeeId,
        summitId: about.summitId,
        mailId: about.mailId ?? null,
        replacedAt: null,
      },
      audit: false,
    },
  ];
}

/** The key stored for this secret, replaced or not; undefined when there is none. */
export async function findKey(records: RecordStore, kind: KeyKind, secret: string): Promise<Row | undefined> {
  if (!secret || secret.length > 100) return undefined;
  const { page } = await records.page(REPLY_KEYS, { hash: hashOf(kind, secret) });
  return page.find((row) => row.kind === kind);
}
