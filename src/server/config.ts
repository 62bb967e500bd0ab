import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Settings from the environment, with the defaults the README documents. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function configFromEnv(env: NodeJS.ProcessEnv = process.env) {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataFile: path.resolve(env.HUIWU_DATA ?? path.join(projectRoot, 'db/data.json')),
    seedFile: path.resolve(env.HUIWU_SEED ?? path.join(projectRoot, 'db/seed.json')),
    staticDir: path.join(projectRoot, 'dist'),
    bodyLimit: env.HUIWU_BODY_LIMIT ?? '1mb',
    adminPassword: env.HUIWU_ADMIN_PASSWORD || undefined,
    sessionMinutes: Number(env.HUIWU_SESSION_MINUTES ?? 60),
    sessionMaxHours: Number(env.HUIWU_SESSION_MAX_HOURS ?? 12),
    secureCookie: env.HUIWU_SECURE_COOKIE === '1',
    trustProxy: trustProxyOf(env.HUIWU_TRUST_PROXY),
    heapGrowthPercent: Number(env.HUIWU_HEAP_GROWTH ?? 20),
    // the journal's size (bytes) at which it is folded into the data file
    journalBytes: Number(env.HUIWU_JOURNAL_BYTES) || undefined,
    // the records in PostgreSQL (see src/server/store/postgres/); unset, the data file
    databaseUrl: env.DATABASE_URL || undefined,
    // a copy of live data (a test machine, a restored backup) sends no mail: HUIWU_SEND_MAIL=0
    outbox: env.HUIWU_SEND_MAIL === '0' ? (false as const) : undefined,
    // where guests open the reply links in their mails (https://huiwu.example.cn); by default
    // the address the organiser who sends them uses
    publicUrl: env.HUIWU_PUBLIC_URL || undefined,
    corsOrigins: (env.HUIWU_CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  };
}

/** HUIWU_TRUST_PROXY as express reads it: a hop count, or addresses and subnets by name. */
const trustProxyOf = (value: string | undefined) => (!value ? undefined : /^\d+$/.test(value) ? Number(value) : value);
