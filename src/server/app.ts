import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { apiErrorHandler, collections, createApi, EXPOSED_HEADERS, loadSchemaFrom } from './api';
import { ensureAdmin } from './auth/accounts';
import { Sessions, type SessionStore } from './auth/sessions';
import { LoginThrottle } from './auth/throttle';
import { message, requestLang } from './messages';
import { resourceByName } from '../schema';
import { startOutbox, type OutboxOptions } from './mail/outbox';
import { securityHeaders } from './securityHeaders';
import { embeddedStore } from './store/embedded';
import { replyRoutes } from './reply/routes';
import { openPostgresStore } from './store/postgres/open';
import type { RecordStore } from './store/recordStore';
import { openStore, type Store } from './store/store';

export interface ServerOptions {
  /** 0 picks a free port */
  port: number;
  host?: string;
  dataFile: string;
  seedFile: string;
  /** the built app (dist/); not served when absent, as under `npm run dev` */
  staticDir?: string;
  bodyLimit?: string;
  /** origins (https://host:port) allowed to call the API from other pages; none by default */
  corsOrigins?: string[];
  /** the first admin's password; a random one is printed when absent */
  adminPassword?: string;
  /** minutes of inactivity that end a session */
  sessionMinutes?: number;
  /** hours after sign-in that end a session, however active */
  sessionMaxHours?: number;
  secureCookie?: boolean;
  /** the clock, for what "today" means (overdue follow-ups); tests set it */
  now?: () => number;
  /** lists and creates through json-server's router only (the reference for the fast path) */
  plainPaths?: boolean;
  /** the reverse proxies whose X-Forwarded-For names the client (express's `trust proxy`:
   * `loopback`, addresses or subnets, a hop count); none by default, so the header is ignored */
  trustProxy?: string | number;
  /** where the addresses each account signed in from are kept (`<data>.signins`) */
  signInsFile?: string;
  /** login throttling: failures allowed before waits start, and the first wait */
  throttle?: { free: number; baseMs: number };
  /** the journal's size (bytes) at which it is folded into the data file; 32 MiB by default */
  journalBytes?: number;
  /** DATABASE_URL: the records in PostgreSQL instead of the data file (seeded from `seedFile`
   * when the database holds no records) */
  databaseUrl?: string;
  /** the address guests open their reply links at; the sending organiser's by default */
  publicUrl?: string;
  /** the outbox worker's pace (src/server/mail/outbox.ts); `false`: this server sends no mail */
  outbox?: Omit<OutboxOptions, 'records' | 'now'> | false;
}

export interface RunningServer {
  url: string;
  port: number;
  /** the embedded store's files and memory; null on PostgreSQL */
  store: Store | null;
  /** the store the API asks */
  records: RecordStore;
  /** set on first start when the admin account was created with a random password */
  createdAdmin: { username: string; password: string | null } | null;
  close(): Promise<void>;
}

type AppOptions = Omit<
  ServerOptions,
  'port' | 'host' | 'dataFile' | 'seedFile' | 'journalBytes' | 'databaseUrl' | 'outbox'
>;

/** The store the API asks: the embedded store over its files, or PostgreSQL with the sessions
 * and login attempts every server of the database shares (in this process otherwise). */
export type StoreChoice = {
  records: RecordStore;
  store: Store | null;
  shared?: { sessions: SessionStore; throttle: LoginThrottle };
};

/** The embedded store over an opened data file. */
export const embedded = (store: Store): StoreChoice => ({ records: embeddedStore(store, resourceByName), store });

/** PostgreSQL: the records, and the sessions and login attempts, in the database. */
export async function postgres(
  url: string,
  options: Pick<ServerOptions, 'seedFile' | 'sessionMinutes' | 'sessionMaxHours' | 'throttle'>,
): Promise<StoreChoice> {
  const { records, sessions, throttle } = await openPostgresStore({
    url,
    seedFile: options.seedFile,
    sessionMinutes: options.sessionMinutes,
    sessionMaxHours: options.sessionMaxHours,
    throttle: options.throttle,
  });
  return { records, store: null, shared: { sessions, throttle } };
}

/** The express app: the REST API under /api and, when built, the app itself at /. Creates the
 * first admin account when there is none. */
export async function createApp({ records, store, shared }: StoreChoice, options: AppOptions) {
  const app = express();
  const corsOrigins = new Set(options.corsOrigins ?? []);
  // the schema admins extended, from the stored definitions (see src/schema/custom.ts)
  await loadSchemaFrom(records);
  const createdAdmin = await ensureAdmin(records, options.adminPassword);
  const sessions = shared?.sessions ?? new Sessions(options.sessionMinutes ?? 60, options.sessionMaxHours ?? 12);
  const throttle = shared?.throttle ?? new LoginThrottle({ ...options.throttle, placesFile: options.signInsFile });
  app.disable('x-powered-by');
  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
  app.use(securityHeaders({ https: !!options.secureCookie }));
  app.use(compression());
  app.use('/api', (req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    // The app is served from the same origin and needs no CORS; other pages only when listed.
    const origin = req.headers.origin;
    if (origin && corsOrigins.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Methods', 'GET,POST,PUT,PATCH,DELETE');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Accept-Language');
      res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') res.sendStatus(204);
    else next();
  });
  app.use(
    '/api',
    createApi({
      records,
      sessions,
      throttle,
      bodyLimit: options.bodyLimit,
      secureCookie: options.secureCookie,
      now: options.now,
      plainPaths: options.plainPaths,
      publicUrl: options.publicUrl,
      reference: options.plainPaths ? store?.data : undefined,
    }),
  );
  app.use('/api', apiErrorHandler);
  // the guests' reply pages: no session, their own key in the address (src/server/reply)
  app.use('/r', replyRoutes({ records, throttle, now: options.now ?? Date.now }));
  const staticDir = options.staticDir;
  if (staticDir && fs.existsSync(path.join(staticDir, 'index.html'))) {
    app.use(express.static(staticDir, { index: 'index.html' }));
    app.get('*', (_req, res) => res.sendFile(path.join(staticDir, 'index.html')));
  }
  app.use(pageErrorHandler);
  return { app, createdAdmin };
}

/** Outside /api (an address that cannot be decoded, /%): a plain answer, never express' own
 * page, which outside NODE_ENV=production shows the stack and the server's paths. */
function pageErrorHandler(error: unknown, req: Request, res: Response, _next: NextFunction) {
  const e = error as { status?: unknown; statusCode?: unknown };
  const status = Number(e.status ?? e.statusCode);
  // half an answer sent: nothing can follow it
  if (res.headersSent) return void res.destroy();
  const lang = requestLang(req);
  res.setHeader('Cache-Control', 'no-store');
  if (status >= 400 && status < 500) {
    res.status(status).type('text/plain').send(message(lang, 'badRequest'));
  } else {
    console.error(error);
    res.status(500).type('text/plain').send(message(lang, 'internal'));
  }
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { dataFile, seedFile, journalBytes, databaseUrl } = options;
  const choice: StoreChoice = databaseUrl
    ? await postgres(databaseUrl, options)
    : embedded(openStore({ dataFile, seedFile, journalBytes, collections }));
  const { records, store } = choice;
  let created: Awaited<ReturnType<typeof createApp>>;
  try {
    created = await createApp(choice, { signInsFile: `${options.dataFile}.signins`, ...options });
  } catch (error) {
    await records.close();
    throw error;
  }
  const { app, createdAdmin } = created;
  // mail goes in the background, from every server of a database (each mail taken by one)
  const outbox = options.outbox === false ? null : startOutbox({ records, now: options.now, ...options.outbox });
  return new Promise((resolve, reject) => {
    const host = options.host ?? '127.0.0.1';
    const server = app.listen(options.port, host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
        port,
        store,
        records,
        createdAdmin,
        // Stop taking requests, let those in flight finish and their writes reach the disk; the
        // outbox finishes the mail in hand.
        close: () =>
          new Promise((done) => {
            server.close(() => void Promise.resolve(outbox?.stop()).then(() => records.close().then(done)));
            server.closeIdleConnections();
          }),
      });
    });
    server.on('error', (error) => {
      void Promise.resolve(outbox?.stop()).then(() => records.close());
      reject(error);
    });
  });
}
