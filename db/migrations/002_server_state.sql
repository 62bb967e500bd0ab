-- Written by `npm run db -- migration` from src/schema (src/server/store/postgres/ddl.ts).

CREATE TABLE "sessions" (
  "id_hash" bytea PRIMARY KEY,
  "user_id" bigint NOT NULL,
  "started" timestamp with time zone NOT NULL,
  "last_seen" timestamp with time zone NOT NULL
);

CREATE INDEX "sessions_user_id" ON "sessions" USING btree ("user_id");

CREATE INDEX "sessions_last_seen" ON "sessions" USING btree ("last_seen");

CREATE TABLE "login_attempts" (
  "key" text PRIMARY KEY,
  "count" integer NOT NULL,
  "until" timestamp with time zone NOT NULL
);

CREATE INDEX "login_attempts_until" ON "login_attempts" USING btree ("until");

CREATE TABLE "signin_places" (
  "account" text NOT NULL,
  "address" text NOT NULL,
  "added" timestamp with time zone NOT NULL DEFAULT now(),
  PRIMARY KEY ("account", "address")
);
