import type { Request, Response } from 'express';
import { HttpError, message, requestLang } from '../messages';

/** Imports waiting their turn: beyond either bound, a newcomer is told to come back later. */
const MAX_WAITING = 64;
/** what may wait, in imports of the largest size (the sum of the Content-Lengths waiting) */
const MAX_WAITING_FULL_SIZE = 3;
/** what a refused import is told to wait, in seconds: about one large import's turn */
export const RETRY_AFTER_S = 15;

/**
 * One import at a time per server; the others wait their turn in the order they came, their
 * bodies not yet read, so a waiting import holds a socket, not its megabytes. Planning is the
 * costly part and runs on the one thread either way: two imports at once take as long as one
 * after the other and hold twice the memory, and the first would finish later.
 *
 * Too many waiting (64, or three of the largest size) answers 503 with Retry-After rather than
 * a longer wait: an answer minutes away is one the user has given up on, and Node ends a request
 * whose body is not read within 300 s anyway.
 */
export function importQueue(limitBytes: number) {
  let running = false;
  const waiting: { bytes: number; start: () => void }[] = [];
  const passOn = () => {
    running = false;
    waiting.shift()?.start();
  };
  return {
    /** Waits for this request's turn: then a function that ends it (call it once the import
     * is done), or null if the client went away while waiting. A 503 when too many wait. */
    turn(req: Request, res: Response): Promise<(() => void) | null> {
      const declared = Number(req.headers['content-length']);
      // no length given (chunked): counted as the largest it may be
      const bytes = Number.isFinite(declared) ? declared : limitBytes;
      return new Promise((resolve) => {
        const start = () => {
          running = true;
          let ended = false;
          resolve(() => {
            if (!ended) passOn();
            ended = true;
          });
        };
        if (!running) return start();
        const waitingBytes = waiting.reduce((sum, w) => sum + w.bytes, 0);
        if (waiting.length >= MAX_WAITING || waitingBytes + bytes > MAX_WAITING_FULL_SIZE * limitBytes) {
          res.setHeader('Retry-After', String(RETRY_AFTER_S));
          throw new HttpError(503, message(requestLang(req), 'importsBusy', { seconds: RETRY_AFTER_S }));
        }
        const entry = { bytes, start };
        waiting.push(entry);
        // a client gone while waiting gives up its place
        res.on('close', () => {
          const at = waiting.indexOf(entry);
          if (at === -1) return;
          waiting.splice(at, 1);
          resolve(null);
        });
      });
    },
  };
}
