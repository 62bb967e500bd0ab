import type { TableModel } from './tables';

/**
 * What several servers on one database share besides the records: sessions, login attempts and
 * where each account signed in before. Not resources (no schema, no audit trail, never served),
 * so they are declared here by hand; `modelFromSchema` adds them to the model, so the migrations
 * that create them are written and checked as the resources' are (`npm run db -- migration`).
 */
export const SESSIONS_TABLE = 'sessions';
export const LOGIN_ATTEMPTS_TABLE = 'login_attempts';
export const SIGNIN_PLACES_TABLE = 'signin_places';

export const serverStateTables = (): Record<string, TableModel> => ({
  // a session by the SHA-256 of its id: the table never holds what the cookie holds
  [SESSIONS_TABLE]: {
    columns: {
      id_hash: 'bytea PRIMARY KEY',
      user_id: 'bigint NOT NULL',
      started: 'timestamp with time zone NOT NULL',
      last_seen: 'timestamp with time zone NOT NULL',
    },
    keys: {},
    indexes: {
      sessions_user_id: 'CREATE INDEX "sessions_user_id" ON "sessions" USING btree ("user_id")',
      sessions_last_seen: 'CREATE INDEX "sessions_last_seen" ON "sessions" USING btree ("last_seen")',
    },
  },
  // attempts per key (`user:name`, `ip:address`, `user:name@address`) and until when it waits
  [LOGIN_ATTEMPTS_TABLE]: {
    columns: {
      key: 'text PRIMARY KEY',
      count: 'integer NOT NULL',
      until: 'timestamp with time zone NOT NULL',
    },
    keys: {},
    indexes: {
      login_attempts_until: 'CREATE INDEX "login_attempts_until" ON "login_attempts" USING btree ("until")',
    },
  },
  [SIGNIN_PLACES_TABLE]: {
    columns: {
      account: 'text NOT NULL',
      address: 'text NOT NULL',
      added: 'timestamp with time zone NOT NULL DEFAULT now()',
    },
    keys: {},
    constraints: ['PRIMARY KEY ("account", "address")'],
    indexes: {},
  },
});
