import { randomUUID } from 'node:crypto';
import { resourceByName } from '../../schema';
import { stampsFor } from '../../schema/stamps';
import type { Row } from '../records';
import type { RecordStore, Step } from '../store/recordStore';
import { MAX_ATTEMPTS, outcomeOf, retryDelayMs, type SmtpError } from './answers';
import { readMailSettings } from './settings';
import { smtpSender, type MailSettings, type Sender } from './transport';

export const OUTBOX = 'outbox';

export interface OutboxOptions {
  records: RecordStore;
  now?: () => number;
  /** how often an idle worker looks for due mail (it also wakes when the outbox changes) */
  pollMs?: number;
  /** the first retry's wait (then twice as long each time): a minute */
  retryBaseMs?: number;
  /** how long a mail taken for sending stays taken: past it, a crashed server's mail is due again */
  leaseMs?: number;
  /** the SMTP client (nodemailer's); a test may count what it sends */
  senderFor?: (settings: MailSettings) => Sender;
}

export interface Outbox {
  /** look for due mail now (a mail was queued) */
  wake(): void;
  /** Sends no more: the mail in hand is sent and recorded first. */
  stop(): Promise<void>;
}

/**
 * The outbox worker: in the background, one mail at a time, each taken (state `sending`, a lease)
 * by one write, sent, then its outcome written by another: `sent`, or `retrying` at a later
 * time, or `failed` (src/server/mail/answers.ts decides which). Taking a mail is a versioned
 * write like any other, so two servers on one database never both send it. A server that stops
 * finishes the mail in hand; one that crashed leaves it `sending` until its lease ends, and then
 * it is sent again: at least once, never lost (a mail that reached the SMTP server just before
 * the crash can arrive twice).
 *
 * Nothing is sent faster than the settings' `perMinute`: QQ and 163 refuse a sender that goes
 * too fast, and a refusal for speed holds the whole outbox back, not only that mail.
 */
export function startOutbox(options: OutboxOptions): Outbox {
  const { records, now = Date.now, pollMs = 1000, retryBaseMs = 60_000, leaseMs = 5 * 60_000 } = options;
  const senderFor = options.senderFor ?? smtpSender;
  let stopped = false;
  let sender: { settings: string; sender: Sender } | null = null;
  /** no mail goes before this time (the last mail's pace, or a refusal for speed) */
  let notBefore = 0;
  let timer: NodeJS.Timeout | null = null;
  let wakeUp: (() => void) | null = null;
  const iso = (ms: number) => new Date(ms).toISOString();

  const senderOf = (settings: MailSettings) => {
    const key = JSON.stringify(settings);
    if (sender?.settings !== key) {
      sender?.sender.close();
      sender = { settings: key, sender: senderFor(settings) };
    }
    return sender.sender;
  };

  /** The next mail due, taken for sending by this worker; null when none is due. */
  async function take(): Promise<Row | null> {
    for (let tries = 0; tries < 5; tries++) {
      const at = iso(now());
      const { page } = await records.page(OUTBOX, {
        state: ['queued', 'retrying', 'sending'],
        nextAttemptAt_lte: at,
        _sort: 'nextAttemptAt',
        _order: 'ASC',
        _start: '0',
        _end: '1',
      });
      if (page.length === 0) return null;
      const [taken] = await records.write(null, async (view) => {
        const row = await view.find(OUTBOX, page[0].id);
        // taken by another server meanwhile, or sent
        if (!row || !isDue(row, at)) return [];
        return [
          update(row, {
            state: 'sending',
            attempts: Number(row.attempts ?? 0) + 1,
            nextAttemptAt: iso(now() + leaseMs),
            messageId: row.messageId ?? `<${randomUUID()}@huiwu>`,
          }),
        ];
      });
      if (taken) return taken;
    }
    return null;
  }

  /** What became of a mail, written once it is known, with what it means for the guest: an
   * invitation sent moves a guest still to invite to 已邀请 (dated); an address that bounced is
   * marked while it is still the guest's. */
  async function record(mail: Row, fields: Record<string, unknown>, bouncing = false) {
    await records.write(null, async (view) => {
      const row = await view.find(OUTBOX, mail.id);
      if (!row) return [];
      const steps: Step[] = [update(row, fields)];
      const guest = row.attendeeId != null ? await view.find('attendees', row.attendeeId) : undefined;
      if (!guest) return steps;
      const invited = fields.state === 'sent' && row.kind === 'invitation' && guest.invitation === 'toInvite';
      const bounced = bouncing && guest.email === row.to && guest.emailBouncing !== true;
      const moves = { ...(invited ? { invitation: 'invited' } : {}), ...(bounced ? { emailBouncing: true } : {}) };
      if (Object.keys(moves).length > 0) {
        const stamps = stampsFor(resourceByName.attendees, { ...guest, ...moves }, guest, moves, now());
        steps.push({ op: 'update', resource: 'attendees', row: guest, fields: { ...moves, ...stamps } });
      }
      return steps;
    });
  }

  async function sendOne(settings: MailSettings, mail: Row) {
    const attempts = Number(mail.attempts);
    try {
      const sent = await senderOf(settings).send({
        to: String(mail.to),
        subject: String(mail.subject),
        text: String(mail.body),
        messageId: String(mail.messageId),
      });
      await record(mail, {
        state: 'sent',
        sentAt: iso(now()),
        nextAttemptAt: null,
        lastAnswer: answerText(sent.response),
      });
    } catch (error) {
      const smtp = error as SmtpError;
      const outcome = outcomeOf(smtp);
      const answer = answerText(smtp.response ?? smtp.message ?? String(error));
      if (outcome === 'bounce') return record(mail, { state: 'failed', nextAttemptAt: null, lastAnswer: answer }, true);
      if (outcome === 'fail' || (outcome === 'retry' && attempts >= MAX_ATTEMPTS))
        return record(mail, { state: 'failed', nextAttemptAt: null, lastAnswer: answer });
      const wait = retryDelayMs(attempts, Math.random, retryBaseMs);
      // the sending account refused, or too fast: nothing goes for a while; a refused account is
      // not the mail's fault, so the try is not counted
      if (outcome === 'settings' || /frequen|too many|too fast|rate/i.test(answer)) notBefore = now() + wait;
      await record(mail, {
        state: 'retrying',
        nextAttemptAt: iso(now() + wait),
        lastAnswer: answer,
        ...(outcome === 'settings' ? { attempts: attempts - 1 } : {}),
      });
    }
  }

  async function run() {
    while (!stopped) {
      let worked = false;
      try {
        const settings = await readMailSettings(records);
        if (settings && now() >= notBefore) {
          const mail = await take();
          if (mail) {
            worked = true;
            notBefore = now() + Math.ceil(60_000 / settings.perMinute);
            await sendOne(settings, mail);
          }
        }
      } catch (error) {
        // the store busy or down: the mail stays where it was, and is tried at the next round
        console.error('outbox:', (error as Error).message);
      }
      if (stopped) break;
      // after a mail, the next when the pace allows; idle, a look now and then (or when woken)
      const wait = worked ? notBefore - now() : Math.max(pollMs, notBefore - now());
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        timer = setTimeout(resolve, Math.max(0, wait));
      });
      wakeUp = null;
    }
  }

  const stopListening = records.changes.subscribe((change) => {
    // a mail queued, here or through another server
    if (change.kind === 'records' && change.resource === OUTBOX) wake();
  });
  function wake() {
    if (timer) clearTimeout(timer);
    wakeUp?.();
  }
  const running = run();
  return {
    wake,
    async stop() {
      stopped = true;
      stopListening();
      wake();
      await running;
      sender?.sender.close();
    },
  };
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
  if (!['queued', 'retrying', 'sending'].includes(String(row.state))) return false;
  return row.nextAttemptAt == null || String(row.nextAttemptAt) <= at;
}

/** a server's answer as kept: one line, within the field's 500 characters */
const answerText = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 500);
