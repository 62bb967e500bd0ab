import express, { type Request, type Response } from 'express';
import type { Lang } from '../../schema';
import type { LoginThrottle } from '../auth/throttle';
import { asyncHandler, HttpError } from '../messages';
import type { Row } from '../records';
import type { RecordStore } from '../store/recordStore';
import { replyOpen, saveAnswer, summitOver, type Form } from './answer';
import { codePage, gonePage, replyPage, type ReplyView } from './page';
import { findKey, typedCode } from './tokens';

interface ReplyServices {
  records: RecordStore;
  /** counts the keys tried that open nothing, per address, with the logins' store */
  throttle: LoginThrottle;
  now: () => number;
}

/**
 * The guests' reply pages, outside the API and without a session:
 * - GET /r/<token> shows a guest their page. It changes nothing (mail scanners open every link);
 * - POST /r/<token> saves their answer (answer.ts);
 * - GET /r asks an SMS guest for their code and their phone's last four digits; POST /r with
 *   them shows the page, and with an answer saves it.
 * A key that opens nothing is counted against the address; past the budget every key waits
 * (429). A replaced link, or one of a summit that is over, answers 410 and says why.
 */
export function replyRoutes({ records, throttle, now }: ReplyServices) {
  const router = express.Router();
  router.use(express.urlencoded({ extended: false, limit: '32kb', parameterLimit: 50 }));
  const langOf = (req: Request): Lang => (req.query.lang === 'en' ? 'en' : 'zh');
  const send = (res: Response, status: number, html: string) =>
    res.status(status).set('Cache-Control', 'no-store').type('html').send(html);
  /** the posted fields, each one string (a field sent twice counts once: its first) */
  const form = (req: Request): Form =>
    Object.fromEntries(
      Object.entries((req.body ?? {}) as Record<string, unknown>).map(([key, value]) => [
        key,
        String(Array.isArray(value) ? value[0] : value),
      ]),
    );

  /** the 429 page, with when to try again */
  function wait(res: Response, lang: Lang, ms: number) {
    res.setHeader('Retry-After', String(Math.ceil(ms / 1000)));
    send(res, 429, gonePage(lang, 'throttled'));
  }

  /** The guest and summit a key opens, or null (and why sent as the page, with the other
   * language a click away). */
  async function opened(key: Row | undefined, res: Response, lang: Lang, switchHref: string) {
    const gone = (status: number, why: string, contact = '') =>
      send(res, status, gonePage(lang, why, contact, switchHref));
    if (!key) {
      gone(404, 'unknown');
      return null;
    }
    const [[guest], [summit]] = await Promise.all([
      records.get('attendees', [key.attendeeId]),
      records.get('summits', [key.summitId]),
    ]);
    const contact = String(summit?.contact ?? '');
    if (!guest || !summit || guest.summitId !== summit.id) gone(410, 'removed', contact);
    else if (key.replacedAt) gone(410, key.kind === 'code' ? 'replacedCode' : 'replaced', contact);
    else if (summitOver(summit, now())) gone(410, 'over', contact);
    else return { guest, summit };
    return null;
  }

  /**
   * A link's key: a valid one always opens its page (144 random bits cannot be guessed at any
   * rate, and guests behind one hotel's or one carrier's address must not be locked out by
   * someone else's misses); a miss is counted against the address, and past its budget is
   * answered 429.
   */
  async function linkKey(req: Request, res: Response, lang: Lang) {
    const key = await findKey(records, 'link', req.params.token);
    if (!key) {
      const ms = await throttle.keyTry(req.ip ?? '');
      if (ms > 0) return void wait(res, lang, ms);
    }
    return opened(key, res, lang, linkPage(req, lang).switchHref);
  }

  /** Saves the posted answer and shows the page again: thanked, or with what was refused. */
  async function answer(
    req: Request,
    res: Response,
    lang: Lang,
    found: { guest: Row; summit: Row },
    page: Pick<ReplyView, 'action' | 'hidden' | 'switchHref'>,
  ) {
    const { guest, summit } = found;
    const show = (status: number, view: Partial<ReplyView>) =>
      send(res, status, replyPage({ lang, summit, guest, open: replyOpen(summit, guest, now()), ...page, ...view }));
    if (!replyOpen(summit, guest, now())) return show(403, {});
    try {
      const saved = await saveAnswer(records, summit, guest, form(req), lang, now());
      send(
        res,
        200,
        replyPage({ lang, summit, guest: saved, open: replyOpen(summit, saved, now()), ...page, note: 'thanks' }),
      );
    } catch (error) {
      if (!(error instanceof HttpError) || ![400, 403, 409].includes(error.status)) throw error;
      if (error.status === 403) {
        // closed while the guest was typing: the page as it now stands, with whom to call
        const [current] = await records.get('attendees', [guest.id]);
        const latest = current ?? guest;
        return send(
          res,
          403,
          replyPage({ lang, summit, guest: latest, open: replyOpen(summit, latest, now()), ...page }),
        );
      }
      if (error.status === 409) {
        const [current] = await records.get('attendees', [guest.id]);
        return send(
          res,
          409,
          replyPage({ lang, summit, guest: current ?? guest, open: true, ...page, note: 'changedSince' }),
        );
      }
      const errors = (error.body.errors ?? {}) as Record<string, string>;
      show(400, { typed: form(req), errors: Object.keys(errors).length ? errors : { invitation: error.message } });
    }
  }

  const linkPage = (req: Request, lang: Lang) => ({
    action: `/r/${encodeURIComponent(req.params.token)}?lang=${lang}`,
    hidden: {},
    switchHref: `/r/${encodeURIComponent(req.params.token)}?lang=${lang === 'zh' ? 'en' : 'zh'}`,
  });

  router.get(
    '/:token',
    asyncHandler(async (req, res) => {
      const lang = langOf(req);
      const found = await linkKey(req, res, lang);
      if (!found) return;
      const open = replyOpen(found.summit, found.guest, now());
      send(res, 200, replyPage({ lang, ...found, open, ...linkPage(req, lang) }));
    }),
  );

  router.post(
    '/:token',
    asyncHandler(async (req, res) => {
      const lang = langOf(req);
      const found = await linkKey(req, res, lang);
      if (found) await answer(req, res, lang, found, linkPage(req, lang));
    }),
  );

  router.get('/', (req, res) => void send(res, 200, codePage(langOf(req))));

  router.post(
    '/',
    asyncHandler(async (req, res) => {
      const lang = langOf(req);
      // a code (40 bits, with four digits a guest's phone may show to others) can be guessed
      // where a link cannot: every try is counted before it is checked, right or wrong
      const ms = await throttle.keyTry(req.ip ?? '');
      if (ms > 0) return void wait(res, lang, ms);
      const code = typedCode(String(form(req).code ?? ''));
      const tail = String(form(req).tail ?? '').trim();
      const key = await findKey(records, 'code', code);
      const [guest] = key ? await records.get('attendees', [key.attendeeId]) : [];
      // the phone's last four digits, as the key's second half: a wrong pair is one guess
      const digits = String(guest?.phone ?? '').replace(/\D/g, '');
      if (!key || !/^\d{4}$/.test(tail) || digits.length < 4 || !digits.endsWith(tail))
        return void send(res, 400, codePage(lang, true, code));
      const found = await opened(key, res, lang, `/r?lang=${lang === 'zh' ? 'en' : 'zh'}`);
      if (!found) return;
      const page = {
        action: `/r?lang=${lang}`,
        hidden: { code, tail },
        switchHref: `/r?lang=${lang === 'zh' ? 'en' : 'zh'}`,
      };
      if (form(req).decision === undefined) {
        const open = replyOpen(found.summit, found.guest, now());
        return void send(res, 200, replyPage({ lang, ...found, open, ...page }));
      }
      await answer(req, res, lang, found, page);
    }),
  );
  return router;
}
