import express from 'express';
import { allows, type Role } from '../../schema';
import { mailSettings, SETTINGS_LIST } from '../../schema/mailSettings';
import { checkWrite, EMAIL } from '../../schema/validate';
import { invalid } from '../checks';
import { asyncHandler, HttpError, message, requestLang } from '../messages';
import { forbid } from '../present';
import type { Row } from '../records';
import type { RecordStore, Step, WriteView } from '../store/recordStore';
import { judge, type HoldReason, type SmtpError } from './answers';
import { smtpSender, type MailSettings, type Sender } from './transport';

/** The rows of the settings list the mail keeps: the settings; the app password apart (never
 * served, never in a response); and the outbox's hold, shared by every server of a database. */
const KEY = 'mail';
const PASSWORD_KEY = 'mail.password';
const HOLD_KEY = 'mail.hold';

/** Every mail waits until `until`: the `holds`-th hold in a row, for `reason`. */
export interface Hold {
  until: string;
  reason: HoldReason;
  holds: number;
}

export interface MailState {
  /** null until an admin saved them */
  settings: MailSettings | null;
  hold: Hold | null;
}

async function rows(records: RecordStore) {
  const { page } = await records.page(SETTINGS_LIST, { key: [KEY, PASSWORD_KEY, HOLD_KEY] });
  const row = (key: string) => page.find((r) => r.key === key);
  return { settings: row(KEY), password: row(PASSWORD_KEY), hold: row(HOLD_KEY) };
}

/** What the outbox sends with, and whether it must wait. */
export async function readMailState(records: RecordStore): Promise<MailState> {
  const { settings, password, hold } = await rows(records);
  return {
    settings:
      settings && password
        ? { ...(settings.value as Omit<MailSettings, 'password'>), password: String(password.value) }
        : null,
    hold: (hold?.value as Hold | undefined) ?? null,
  };
}

/** A settings row written (created the first time), never audited: the password is a secret,
 * the hold is the outbox's own bookkeeping. */
async function put(view: WriteView, key: string, value: unknown): Promise<Step> {
  const [row] = await view.where(SETTINGS_LIST, 'key', key);
  return row
    ? { op: 'update', resource: SETTINGS_LIST, row, fields: { value }, audit: false }
    : { op: 'create', resource: SETTINGS_LIST, fields: { key, value }, audit: false };
}

/** Every mail waits (`hold`), or goes again (null). */
export async function writeHold(records: RecordStore, hold: Hold | null) {
  await records.write(null, async (view) => [await put(view, HOLD_KEY, hold)]);
}

const editable = mailSettings.fields.map((field) => field.source).filter((source) => source !== 'password');
/** Whose password it is: a change of any of these must give the password again, or an admin
 * (or a stolen admin session) could send the kept one to a server of their choosing. */
const ACCOUNT = ['host', 'port', 'secure', 'user'];

/**
 * /api/settings/mail, for admins: GET the settings (`passwordSet` says whether the app password
 * is kept; it never leaves the server), PUT them (checked as a record is; without `password`
 * the kept one stays, as long as the server and account are the same), and POST /test to send
 * one mail now with the settings given (saved or not), answering what the mail server said.
 */
export function mailSettingsRouter(records: RecordStore, senderFor: (settings: MailSettings) => Sender = smtpSender) {
  const router = express.Router();
  router.use((req, res, next) => {
    const role = res.locals.user.role as Role;
    if (!allows(role, mailSettings, 'write')) throw forbid(requestLang(req), role, mailSettings, 'write');
    next();
  });

  router.get(
    '/',
    asyncHandler(async (_req, res) => {
      const { settings, password } = await rows(records);
      const defaults = Object.fromEntries(mailSettings.fields.map((f) => [f.source, f.default ?? null]));
      const { password: _p, ...shown } = defaults;
      res.json({ ...shown, ...((settings?.value as object) ?? {}), passwordSet: !!password });
    }),
  );

  /** The settings a request gives, checked, over those kept; throws 400 naming each problem. */
  async function checked(req: express.Request, given: Row): Promise<MailSettings> {
    const lang = requestLang(req);
    const { settings, password } = await rows(records);
    const { passwordSet: _s, ...fields } = given;
    const kept = settings && password ? ({ ...(settings.value as Row), password: password.value } as Row) : undefined;
    const sameAccount = kept && ACCOUNT.every((key) => !(key in fields) || String(fields[key]) === String(kept[key]));
    if (kept && !sameAccount && (fields.password === undefined || fields.password === ''))
      throw new HttpError(400, message(lang, 'mailPasswordAgain'), {
        errors: { password: message(lang, 'mailPasswordAgain') },
      });
    const { record, reasons } = checkWrite(mailSettings, fields, sameAccount ? kept : undefined);
    if (Object.keys(reasons).length > 0) throw invalid(mailSettings, reasons, lang);
    return record as unknown as MailSettings;
  }

  const body = (req: express.Request): Row => {
    const given = req.body as unknown;
    if (typeof given !== 'object' || given === null || Array.isArray(given))
      throw new HttpError(400, message(requestLang(req), 'notObject'));
    return given as Row;
  };

  router.put(
    '/',
    asyncHandler(async (req, res) => {
      const next = await checked(req, body(req));
      await records.write(null, async (view) => {
        const value = Object.fromEntries(editable.map((source) => [source, next[source as keyof MailSettings]]));
        // new settings: whatever held the outbox back is tried again at once
        return [
          await put(view, KEY, value),
          await put(view, PASSWORD_KEY, next.password),
          await put(view, HOLD_KEY, null),
        ];
      });
      const { password: _p, ...shown } = next;
      res.json({ ...shown, passwordSet: true });
    }),
  );

  router.post(
    '/test',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      const { to, ...given } = body(req);
      if (typeof to !== 'string' || !EMAIL.test(to)) throw new HttpError(400, message(lang, 'mailTestTo'));
      const next = await checked(req, given);
      const sender = senderFor(next);
      try {
        const sent = await sender.send({
          to,
          subject: message(lang, 'mailTestSubject'),
          text: message(lang, 'mailTestBody', { host: next.host, from: next.from }),
        });
        res.json({ sent: true, answer: sent.response });
      } catch (error) {
        const smtp = error as SmtpError;
        const { outcome, reason } = judge(smtp);
        res.json({ sent: false, outcome: reason ?? outcome, answer: smtp.response ?? smtp.message ?? String(error) });
      } finally {
        sender.close();
      }
    }),
  );
  return router;
}
