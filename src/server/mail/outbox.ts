import { SETTINGS_LIST } from '../../schema/mailSettings';
import type { RecordStore } from '../store/recordStore';
import type { Row } from '../records';
import { qrText } from '../../schema/checkinCode';
import { holdMs, judge, MAX_ATTEMPTS, meaningOf, retryDelayMs, type SmtpError } from './answers';
import { queueReminders } from './reminders';
import { followGuest, OUTBOX, persist, record, replaceOlderLinks, take, type Taken } from './mails';
import { readMailState, writeHold, type Hold } from './settings';
import { smtpSender, type MailSettings, type Sender } from './transport';

export interface OutboxOptions {
  records: RecordStore;
  now?: () => number;
  /** how often an idle worker looks for due mail (it also wakes when the outbox changes) */
  pollMs?: number;
  /** the first retry's wait (then twice as long each time), and the unit of holds: a minute */
  retryBaseMs?: number;
  /** how long a mail taken for sending stays taken: past it, a crashed server's mail is due again */
  leaseMs?: number;
  /** how often the reminders due are looked for (reminders.ts) */
  reminderEveryMs?: number;
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
 * time, or `failed` (answers.ts judges the server's answer). Taking a mail is a versioned write
 * like any other, so two servers on one database never both send it. A server that stops
 * finishes the mail in hand; one that crashed leaves it `sending` until its lease ends, and then
 * it is sent again: at least once, never lost (a mail that reached the SMTP server just before
 * the crash can arrive twice).
 *
 * Nothing goes faster than the settings' `perMinute` (from each server), and when the sending
 * side cannot send (the login refused, the server unreachable, too fast) every server holds
 * every mail until the hold, kept in the settings list, ends, or the settings change.
 */
export function startOutbox(options: OutboxOptions): Outbox {
  const { records, now = Date.now, pollMs = 1000, retryBaseMs = 60_000, leaseMs = 5 * 60_000 } = options;
  const { reminderEveryMs = 60_000 } = options;
  let remindedAt = -Infinity;
  const senderFor = options.senderFor ?? smtpSender;
  let stopped = false;
  let sender: { settings: string; sender: Sender } | null = null;
  /** no mail from this server before this time: the pace */
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

  async function sendOne(settings: MailSettings, hold: Hold | null, taken: Taken) {
    const { mail, text } = taken;
    const attempts = Number(mail.attempts);
    let sent;
    try {
      sent = await senderOf(settings).send({
        to: String(mail.to),
        subject: String(mail.subject),
        text,
        messageId: String(mail.messageId),
        attachments: await checkInQrOf(records, mail),
      });
    } catch (error) {
      const smtp = error as SmtpError;
      const judged = judge(smtp);
      const { outcome, reason } = judged;
      const givenUp = outcome === 'bounce' || outcome === 'fail' || (outcome === 'retry' && attempts >= MAX_ATTEMPTS);
      const answer = answerText(`${meaningOf(judged, givenUp)} — ${smtp.response ?? smtp.message ?? String(error)}`);
      if (outcome === 'hold') {
        // not this mail's fault: every mail waits, and this try does not count
        const holds = (hold?.holds ?? 0) + 1;
        const until = iso(now() + holdMs(reason!, holds, retryBaseMs));
        await persist(() => writeHold(records, { until, reason: reason!, holds }));
        await record(records, mail, {
          state: 'retrying',
          nextAttemptAt: until,
          lastAnswer: answer,
          attempts: attempts - 1,
        });
        return;
      }
      await record(records, mail, {
        state: givenUp ? 'failed' : 'retrying',
        nextAttemptAt: givenUp ? null : iso(now() + retryDelayMs(attempts, Math.random, retryBaseMs)),
        lastAnswer: answer,
      });
      if (outcome === 'bounce') await followGuest(records, mail, now(), 'bounced');
      return;
    }
    await record(records, mail, {
      state: 'sent',
      sentAt: iso(now()),
      nextAttemptAt: null,
      lastAnswer: answerText(sent.response),
    });
    // the sending side works again: the next hold starts short
    if (hold) await persist(() => writeHold(records, null));
    await followGuest(records, mail, now(), 'sent');
    await replaceOlderLinks(records, taken, now());
  }

  /** When to look again: after a mail, when the pace allows; idle, now and then; held, when the
   * hold ends (a wake or a change of the settings cuts any wait short). */
  async function round(): Promise<number> {
    const { settings, hold } = await readMailState(records);
    if (!settings) return pollMs;
    // reminders are queued only where a mailbox is set up to send them the same day
    if (now() - remindedAt >= reminderEveryMs) {
      remindedAt = now();
      await queueReminders(records, now());
    }
    const held = hold ? Date.parse(hold.until) - now() : 0;
    if (held > 0) return Math.min(held, pollMs);
    if (now() < notBefore) return notBefore - now();
    const taken = await take(records, now(), leaseMs);
    if (!taken) return pollMs;
    // the settings as they are now: a change saved just before the mail was queued (read
    // above before it was) is the one the organiser expects it to go with
    const current = (await readMailState(records)).settings ?? settings;
    notBefore = now() + Math.ceil(60_000 / current.perMinute);
    // a hold that has ended still counts the holds in a row, until a mail goes
    await sendOne(current, hold, taken);
    return Math.max(0, notBefore - now());
  }

  async function run() {
    while (!stopped) {
      let wait = pollMs;
      try {
        wait = await round();
      } catch (error) {
        // the store busy or down: the mail stays where it was, and is tried at the next round
        console.error('outbox:', (error as Error).message);
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        timer = setTimeout(resolve, Math.max(0, wait));
      });
      wakeUp = null;
    }
  }

  function wake() {
    if (timer) clearTimeout(timer);
    wakeUp?.();
  }
  // a mail queued, or the settings changed, here or through another server
  const stopListening = records.changes.subscribe((change) => {
    if (change.kind === 'records' && (change.resource === OUTBOX || change.resource === SETTINGS_LIST)) wake();
  });
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

/** the kinds of mail a guest shows at the desk */
const SHOWN_AT_THE_DOOR = new Set(['invitation', 'reconfirm']);

/** An invitation's or a re-confirmation's QR code of the guest's check-in code, as a picture
 * they show at the desk from their phone (the code itself is in the text too). */
async function checkInQrOf(records: RecordStore, mail: Row) {
  if (!SHOWN_AT_THE_DOOR.has(String(mail.kind)) || mail.attendeeId == null) return [];
  const [guest] = await records.get('attendees', [mail.attendeeId]);
  if (typeof guest?.checkInCode !== 'string' || !guest.checkInCode) return [];
  const { default: QRCode } = await import('qrcode');
  const content = await QRCode.toBuffer(qrText(guest.checkInCode), {
    errorCorrectionLevel: 'M',
    margin: 2,
    width: 360,
  });
  return [{ filename: `checkin-${guest.checkInCode}.png`, content, contentType: 'image/png' }];
}

/** a server's answer as kept: one line, within the field's 500 characters */
const answerText = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 500);
