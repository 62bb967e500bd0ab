import express, { type NextFunction, type Request, type Response } from 'express';

/** The methods whose body means something. A GET's or a DELETE's is never read: bad JSON in it
 * is no error, and nothing in it (a password to hash) costs the server work. */
const WRITES = new Set(['POST', 'PUT', 'PATCH']);

/** JSON bodies of writes, up to `limit`. */
export function jsonBody(options: { limit: string; strict?: boolean }) {
  const parse = express.json(options);
  return (req: Request, res: Response, next: NextFunction) => (WRITES.has(req.method) ? parse(req, res, next) : next());
}
