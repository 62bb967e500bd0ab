import type { Request, Response } from 'express';
import jsonServer from 'json-server';
import type { Row } from '../records';
import type { Data } from './store';

/**
 * json-server 0.17, in one place: its router answers list queries over the live data as the
 * reference Huiwu's own list path is compared with, byte for byte (test/api/list-paths.test.ts,
 * with the server option `plainPaths`). It writes nothing: every write goes through the
 * pipeline (src/server/store/embeddedCommit.ts), which json-server's router, answering a turn later, could
 * not keep consistent under concurrent requests.
 */
export function jsonServerLists(data: Data) {
  const make = () => {
    // foreignKeySuffix that matches nothing: no json-server cascade, no _embed guesses
    const made = jsonServer.router(data, { foreignKeySuffix: '\u0000' }) as ReturnType<typeof jsonServer.router> & {
      render: (req: Request, res: Response) => void;
    };
    // its `delay` middleware pauses every route 1 ms: not for a reference
    for (const layer of made.stack) {
      const sub = layer.handle as { stack?: { handle: { name: string } }[] };
      if (sub.stack) sub.stack = sub.stack.filter((inner) => inner.handle.name !== 'delay');
    }
    return made;
  };
  let router = make();
  return {
    /** made again when an admin adds a list (it routes the collections it finds when made) */
    remake: () => void (router = make()),
    /** a page of a list as json-server answers the translated query (_sort, _start, filters) */
    page(req: Request, res: Response, collection: string, query: Record<string, string | string[]>) {
      return new Promise<{ page: Row[]; total: number }>((resolve, reject) => {
        router.render = (_req, out) => {
          const page = out.locals.data as Row[];
          resolve({ page, total: Number(out.getHeader('X-Total-Count') ?? page.length) });
        };
        const listReq = Object.assign(Object.create(req) as Request, { method: 'GET', url: `/${collection}`, query });
        router(listReq, res, (error?: unknown) =>
          reject(error ?? new Error(`json-server did not answer ${collection}`)),
        );
      });
    },
  };
}
