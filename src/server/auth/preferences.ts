import express from 'express';
import {
  preferenceProblem,
  PREFERENCE_KEYS,
  PREFERENCE_VALUE_BYTES,
  PREFERENCES_BYTES,
  PREFERENCES_LIST,
} from '../../schema/preferences';
import { actorOf } from '../audit';
import type { Step } from '../store/recordStore';
import { MAX_NESTING } from '../../schema/nesting';
import { asyncHandler, HttpError, message, requestLang, type MessageKey } from '../messages';
import type { Row } from '../records';
import type { RecordStore } from '../store/recordStore';

const PROBLEM: Record<string, MessageKey> = {
  unknownKey: 'preferenceKey',
  moneyUnit: 'preferenceMoneyUnit',
  list: 'preferenceList',
  object: 'preferenceObject',
  tooDeep: 'preferenceTooDeep',
};

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
const kb = (n: number) => (n >= 1024 * 1024 ? `${n / 1024 / 1024} MB` : `${n / 1024} KB`);
const asObject = (rows: Row[]) => Object.fromEntries(rows.map((row) => [row.key as string, row.value]));

/**
 * The signed-in account's own settings (src/schema/preferences.ts), at /api/auth/me/preferences:
 * no route names another account, so nobody else reads or changes them, admins included.
 *
 * GET answers them as one object, `{ "money.unit": "wan", "views.attendees": [...] }`. PATCH
 * sets the keys it names (null removes one) and leaves the others as they are: two browsers of
 * one account each send only what they changed, and for each key the last write wins. A
 * request with one bad key or value saves none of its keys. Written through the one commit,
 * so durable as every record, but without audit entries (the Step type in store/recordStore.ts says why).
 */
export function preferencesRouter(records: RecordStore) {
  const router = express.Router();
  router.get(
    '/',
    asyncHandler(async (_req, res) => {
      const user = res.locals.user as Row;
      res.json(asObject((await records.page(PREFERENCES_LIST, { userId: String(user.id) })).page));
    }),
  );

  router.patch(
    '/',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      if (!req.is('application/json')) throw new HttpError(415, message(lang, 'notJson'));
      const body = req.body as unknown;
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new HttpError(400, message(lang, 'notObject'));
      const changes = Object.entries(body as Record<string, unknown>);
      const errors: Record<string, string> = {};
      for (const [key, value] of changes) {
        const problem = preferenceProblem(key, value);
        if (problem) errors[key] = message(lang, PROBLEM[problem], { depth: MAX_NESTING });
        else if (bytes(value) > PREFERENCE_VALUE_BYTES)
          throw new HttpError(413, message(lang, 'preferenceTooLarge', { key, limit: kb(PREFERENCE_VALUE_BYTES) }));
      }
      if (Object.keys(errors).length > 0) {
        const list = Object.entries(errors)
          .map(([key, reason]) => `${key} ${reason}`)
          .join(lang === 'zh' ? '；' : '; ');
        throw new HttpError(400, message(lang, 'preferencesInvalid', { list }), { errors });
      }
      // read and committed as one write: no other write to them comes in between
      const user = res.locals.user as Row;
      let after: Record<string, unknown> = {};
      await records.write(actorOf(user), async (view) => {
        const rows = await view.where(PREFERENCES_LIST, 'userId', user.id);
        after = asObject(rows);
        const steps: Step[] = [];
        for (const [key, value] of changes) {
          const row = rows.find((r) => r.key === key);
          if (value === null) {
            delete after[key];
            if (row) steps.push({ op: 'delete', resource: PREFERENCES_LIST, row, audit: false });
            continue;
          }
          after[key] = value;
          steps.push(
            row
              ? { op: 'update', resource: PREFERENCES_LIST, row, fields: { value }, audit: false }
              : { op: 'create', resource: PREFERENCES_LIST, fields: { userId: user.id, key, value }, audit: false },
          );
        }
        if (Object.keys(after).length > PREFERENCE_KEYS || bytes(after) > PREFERENCES_BYTES)
          throw new HttpError(
            413,
            message(lang, 'preferencesTooMany', { keys: PREFERENCE_KEYS, limit: kb(PREFERENCES_BYTES) }),
          );
        return steps;
      });
      res.json(after);
    }),
  );
  return router;
}
