import express, { type NextFunction, type Request, type Response } from 'express';
import { resourceByName, type Lang } from '../../schema';
import { reasonText } from '../../schema/messages';
import { checkWrite } from '../../schema/validate';
import { actorOf } from '../audit';
import { asyncHandler, HttpError, message, requestLang, waitText } from '../messages';
import type { Row } from '../records';
import type { RecordStore } from '../store/recordStore';
import { findUser } from './accounts';
import { hashPassword, verifyPassword } from './passwords';
import { preferencesRouter } from './preferences';
import type { SessionStore } from './sessions';
import type { LoginThrottle } from './throttle';

export interface AuthServices {
  records: RecordStore;
  sessions: SessionStore;
  throttle: LoginThrottle;
  /** add Secure to the cookie (behind HTTPS) */
  secureCookie?: boolean;
}

/**
 * The session lives in an HttpOnly, SameSite=Strict cookie holding a random id: page scripts
 * cannot read it (an injected script cannot steal it), other sites' pages cannot send it
 * (no cross-site request forgery), and the browser attaches it to every API call by itself.
 */
export const SESSION_COOKIE = 'huiwu_session';

export function readSessionId(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}

export const publicUser = (user: Row) => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
});

// Compared against when the username is unknown, so a wrong name costs as long as a wrong password.
const DUMMY_HASH = hashPassword('no such user');

/** Every /api route but login answers 401 without a live session; the user goes in res.locals. */
export function requireSession({ records, sessions }: AuthServices) {
  return asyncHandler(async (req: Request, res: Response, next: NextFunction) => {
    const session = await sessions.touch(readSessionId(req));
    const [user] = session?.user ? [session.user] : session ? await records.get('users', [session.userId]) : [];
    if (!user || user.disabled === true) throw new HttpError(401, message(requestLang(req), 'notAuthenticated'));
    res.locals.user = user;
    next();
  });
}

/** Checks a password within the throttle's budget for these keys: 429 when it is spent. */
async function throttledCheck(
  throttle: LoginThrottle,
  res: Response,
  lang: Lang,
  keys: string[],
  check: () => Promise<boolean>,
): Promise<boolean> {
  const attempt = await throttle.begin(keys);
  if (!attempt.end) {
    const seconds = Math.ceil(attempt.wait / 1000);
    res.setHeader('Retry-After', String(seconds));
    throw new HttpError(429, message(lang, 'throttled', { wait: waitText(lang, seconds) }));
  }
  let ok = false;
  try {
    ok = await check();
  } finally {
    await attempt.end(ok);
  }
  return ok;
}

export function createAuthRouter(services: AuthServices) {
  const { records, sessions, throttle } = services;
  const throttled = (res: Response, lang: Lang, keys: string[], check: () => Promise<boolean>) =>
    throttledCheck(throttle, res, lang, keys, check);
  const router = express.Router();
  const cookie = (value: string, maxAge?: number) =>
    `${SESSION_COOKIE}=${value}; Path=/api; HttpOnly; SameSite=Strict${services.secureCookie ? '; Secure' : ''}${maxAge === 0 ? '; Max-Age=0' : ''}`;

  // JSON only: a page of another site can post text/plain or a form without asking, never JSON
  router.post('*', (req, _res, next) => {
    if (!req.is('application/json')) throw new HttpError(415, message(requestLang(req), 'notJson'));
    next();
  });

  router.post(
    '/login',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      const { username, password } = (req.body ?? {}) as { username?: unknown; password?: unknown };
      const name = typeof username === 'string' ? username.trim() : '';
      const address = req.ip ?? '';
      let user: Row | undefined;
      // counted before the account is looked up and the hash checked: guesses sent at once
      // meet each other's count
      const keys = await throttle.loginKeys(name.toLowerCase(), address);
      const ok = await throttled(res, lang, keys, async () => {
        user = name ? await findUser(records, name) : undefined;
        const right = await verifyPassword(
          typeof password === 'string' ? password : '',
          user?.passwordHash ?? (await DUMMY_HASH),
        );
        return right && !!user && user.disabled !== true;
      });
      // a disabled account hears what a wrong password hears: its password stays unconfirmed
      if (!ok || !user) throw new HttpError(401, message(lang, 'badLogin'));
      await throttle.signedIn(name.toLowerCase(), address);
      const session = await sessions.start(user.id as number);
      res.setHeader('Set-Cookie', cookie(session.id));
      res.json(publicUser(user));
    }),
  );

  router.post(
    '/logout',
    asyncHandler(async (req, res) => {
      await sessions.end(readSessionId(req));
      res.setHeader('Set-Cookie', cookie('', 0));
      res.json({});
    }),
  );

  router.use(requireSession(services));

  router.get('/me', (_req, res) => res.json(publicUser(res.locals.user as Row)));

  // each account's own settings, which follow it from browser to browser
  router.use('/me/preferences', preferencesRouter(records));

  // Each user changes their own password; the current one proves it is them.
  router.post(
    '/password',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      const user = res.locals.user as Row;
      const { current, password } = (req.body ?? {}) as { current?: unknown; password?: unknown };
      // the login's own budget: a shared check-in tablet must not let anyone guess it here
      const keys = await throttle.loginKeys(String(user.username).toLowerCase(), req.ip ?? '');
      const right = await throttled(res, lang, keys, () =>
        verifyPassword(typeof current === 'string' ? current : '', user.passwordHash),
      );
      if (!right) {
        throw new HttpError(400, message(lang, 'wrongPassword'), {
          errors: { current: message(lang, 'wrongPassword') },
        });
      }
      const { reasons } = checkWrite(resourceByName.users, { password }, user);
      if (reasons.password) {
        throw new HttpError(400, reasonText(reasons.password, lang), {
          errors: { password: reasonText(reasons.password, lang) },
        });
      }
      const hash = await hashPassword(password as string);
      await records.write(actorOf(user), async (view) => {
        const row = await view.find('users', user.id);
        return row ? [{ op: 'update', resource: 'users', row, fields: { passwordHash: hash } }] : [];
      });
      await sessions.endAllOf(user.id as number, readSessionId(req));
      res.json(publicUser(user));
    }),
  );
  return router;
}
