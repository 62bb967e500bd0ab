import express from 'express';
import { allows, type Role } from '../../schema';
import { mailSettings, SETTINGS_LIST } from '../../schema/mailSettings';
import { checkWrite } from '../../schema/validate';
import { invalid } from '../checks';
import { asyncHandler, HttpError, message, requestLang } from '../messages';
import { forbid } from '../present';
import type { Row } from '../records';
import type { RecordStore, Step } from '../store/recordStore';
import { outcomeOf, type SmtpError } from './answers';
import { smtpSender, type MailSettings, type Sender } from './transport';

/** The rows: the settings, and the password apart (never served, never in a response). */
const KEY = 'mail';
const PASSWORD_KEY = 'mail.password';

async function rows(records: RecordStore): Promise<{ settings?: Row; password?: Row }> {
  const { page } = await records.page(SETTINGS_LIST, { key: [KEY, PASSWORD_KEY] });
  return { settings: page.find((r) => r.key === KEY), password: page.find((r) => r.key === PASSWORD_KEY) };
}

/** The settings as the outbox sends with them; null until an admin saved them. */
export async function readMailSettings(records: RecordStore): Promise<MailSettings | null> {
  const { settings, password } = await rows(records);
  if (!settings || !password) return null;
  return { ...(settings.value as Omit<MailSettings, 'password'>), password: String(password.value) };
}

const editable = mailSettings.fields.map((field) => field.source).filter((source) => source !== 'password');

/**
 * /api/settings/mail, for admins: GET the settings (`passwordSet` says whether the app password
 * is kept; it never leaves the server), PUT them (checked as a record is; a PUT without
 * `password` keeps the one kept), and POST /test to send one mail now with the settings given
 * (saved or not), answering what the mail server said.
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
  async function checked(req: express.Request): Promise<MailSettings> {
    const lang = requestLang(req);
    const body = req.body as unknown;
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new HttpError(400, message(lang, 'notObject'));
    const { settings, password } = await rows(records);
    const { passwordSet: _s, ...given } = body as Row;
    const existing =
      settings && password ? ({ ...(settings.value as Row), password: password.value } as Row) : undefined;
    const { record, reasons } = checkWrite(mailSettings, given, existing);
    if (Object.keys(reasons).length > 0) throw invalid(mailSettings, reasons, lang);
    return record as unknown as MailSettings;
  }

  router.put(
    '/',
    asyncHandler(async (req, res) => {
      const next = await checked(req);
      await records.write(null, async (view) => {
        const kept = await view.where(SETTINGS_LIST, 'key', KEY);
        const keptPassword = await view.where(SETTINGS_LIST, 'key', PASSWORD_KEY);
        const value = Object.fromEntries(editable.map((source) => [source, next[source as keyof MailSettings]]));
        const put = (rows: Row[], key: string, v: unknown): Step =>
          rows[0]
            ? { op: 'update', resource: SETTINGS_LIST, row: rows[0], fields: { value: v }, audit: false }
            : { op: 'create', resource: SETTINGS_LIST, fields: { key, value: v }, audit: false };
        return [put(kept, KEY, value), put(keptPassword, PASSWORD_KEY, next.password)];
      });
      const { password: _p, ...shown } = next;
      res.json({ ...shown, passwordSet: true });
    }),
  );

  router.post(
    '/test',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      const { to, ...settings } = (req.body ?? {}) as Row;
      if (typeof to !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(to))
        throw new HttpError(400, message(lang, 'mailTestTo'));
      req.body = settings;
      const next = await checked(req);
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
        res.json({
          sent: false,
          outcome: outcomeOf(smtp),
          answer: smtp.response ?? smtp.message ?? String(error),
        });
      } finally {
        sender.close();
      }
    }),
  );
  return router;
}
