import express, { type NextFunction, type Request, type Response } from 'express';
import { HttpError, message, requestLang } from './messages';

/** The methods whose body means something. A GET's or a DELETE's is never read: bad JSON in it
 * is no error, and nothing in it (a password to hash) costs the server work. */
const WRITES = new Set(['POST', 'PUT', 'PATCH']);

/** Keys that name an object's own machinery. JSON.parse keeps `__proto__` as a plain key, but
 * copied onto an object (`reasons[key] = …`) it sets the prototype instead and is silently
 * lost; no field, list or choice is called any of them. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** How deep a body may nest. A form's values are flat, an account's settings (a saved view's
 * filters) a few levels deep; thousands of levels, stored, would stop the snapshot that
 * serialises them, and with it the next start. */
export const MAX_DEPTH = 32;

/** What is wrong with a parsed body's shape: a reserved key anywhere, or nesting deeper than
 * MAX_DEPTH. Walked with a list, not recursion, as a body may nest thousands deep. */
function misshapen(body: unknown): { key: string } | { tooDeep: true } | undefined {
  const pending: [unknown, number][] = [[body, 0]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) return { tooDeep: true };
    const key = Array.isArray(value) ? undefined : Object.keys(value).find((k) => RESERVED_KEYS.has(k));
    if (key !== undefined) return { key };
    for (const inner of Object.values(value)) if (typeof inner === 'object') pending.push([inner, depth + 1]);
  }
}

/** JSON bodies of writes, up to `limit`, refused with a reserved key anywhere in them or
 * nested too deep. */
export function jsonBody(options: { limit: string | number; strict?: boolean }) {
  const parse = express.json(options);
  return (req: Request, res: Response, next: NextFunction) => {
    if (!WRITES.has(req.method)) return next();
    parse(req, res, (error?: unknown) => {
      const wrong = error ? undefined : misshapen(req.body);
      const lang = requestLang(req);
      if (wrong && 'key' in wrong) return next(new HttpError(400, message(lang, 'reservedKey', { key: wrong.key })));
      if (wrong) return next(new HttpError(400, message(lang, 'tooDeep', { depth: MAX_DEPTH })));
      next(error);
    });
  };
}
