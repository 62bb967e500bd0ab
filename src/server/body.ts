import express, { type NextFunction, type Request, type Response } from 'express';
import { HttpError, message, requestLang } from './messages';

/** The methods whose body means something. A GET's or a DELETE's is never read: bad JSON in it
 * is no error, and nothing in it (a password to hash) costs the server work. */
const WRITES = new Set(['POST', 'PUT', 'PATCH']);

/** Keys that name an object's own machinery. JSON.parse keeps `__proto__` as a plain key, but
 * copied onto an object (`reasons[key] = …`) it sets the prototype instead and is silently
 * lost; no field, list or choice is called any of them. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The first reserved key anywhere in a parsed body; walked with a list, not recursion, as a
 * body may nest thousands deep. */
function reservedKey(body: unknown): string | undefined {
  const pending = [body];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null) continue;
    const key = Array.isArray(value) ? undefined : Object.keys(value).find((k) => RESERVED_KEYS.has(k));
    if (key !== undefined) return key;
    for (const inner of Object.values(value)) if (typeof inner === 'object') pending.push(inner);
  }
}

/** JSON bodies of writes, up to `limit`, refused with a reserved key anywhere in them. */
export function jsonBody(options: { limit: string | number; strict?: boolean }) {
  const parse = express.json(options);
  return (req: Request, res: Response, next: NextFunction) => {
    if (!WRITES.has(req.method)) return next();
    parse(req, res, (error?: unknown) => {
      const key = error ? undefined : reservedKey(req.body);
      if (key !== undefined) return next(new HttpError(400, message(requestLang(req), 'reservedKey', { key })));
      next(error);
    });
  };
}
