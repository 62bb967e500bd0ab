import type { Request, Response } from 'express';
import { HttpError, message, requestLang } from '../messages';

/** Imports waiting their turn: beyond either bound, a newcomer is told to come back later. */
const MAX_WAITING = 64;
/** what may wait, in imports of the largest size (the sum of the Content-Lengths waiting) */
const MAX_WAITING_FULL_SIZE = 3;
/** what a refused import is told to wait, in seconds: about one large import's turn */
export const RETRY_AFTER_S = 15;

/**
 * One import at a time per server. Planning is the costly part and runs on the one thread
 * either way: two imports at once take as long as one after the other and hold twice the
 * memory, and the first would finish later. An import is admitted first, then its body is read
 * (a slow upload holds up nobody: it takes its turn only once it has arrived), then it waits
 * for the turn.
 *
 * Too many admitted (64, or three of the largest size, read or being read) answers 503 with
 * Retry-After rather than a longer wait: an answer minutes away is one the user has given up on.
 */
export function importQueue(limitBytes: number) {
  let running = false;
  const admitted = new Set<{ bytes: number }>();
  const waiting: (() => void)[] = [];
  const passOn = () => {
    running = false;
    waiting.shift()?.();
  };
  return {
    /** A place for this request, counted against the bounds until it leaves; a 503 when too many
     * are in. */
    admit(req: Request, res: Response) {
      const declared = Number(req.headers['content-length']);
      // no length given (chunked): counted as the largest it may be
      const bytes = Number.isFinite(declared) ? declared : limitBytes;
      const inBytes = [...admitted].reduce((sum, entry) => sum + entry.bytes, 0);
      if (admitted.size >= MAX_WAITING || inBytes + bytes > MAX_WAITING_FULL_SIZE * limitBytes) {
        res.setHeader('Retry-After', String(RETRY_AFTER_S));
        throw new HttpError(503, message(requestLang(req), 'importsBusy', { seconds: RETRY_AFTER_S }));
      }
      const entry = { bytes };
      admitted.add(entry);
      const leave = () => void admitted.delete(entry);
      return {
        /** Waits for the one turn: then a function that ends it (call it once the import is
         * done), or null if the client went away while waiting. */
        turn: () =>
          new Promise<(() => void) | null>((resolve) => {
            const start = () => {
              running = true;
              let ended = false;
              resolve(() => {
                if (!ended) passOn();
                ended = true;
              });
            };
            if (!running) return start();
            waiting.push(start);
            // a client gone while waiting gives up its place
            res.on('close', () => {
              const at = waiting.indexOf(start);
              if (at === -1) return;
              waiting.splice(at, 1);
              resolve(null);
            });
          }),
        leave,
      };
    },
  };
}
