-- Written by `npm run db -- migration` from src/schema (src/server/store/postgres/ddl.ts).

DROP INDEX IF EXISTS "summits_words";

DROP INDEX IF EXISTS "summits_chars";

ALTER TABLE "summits" ADD COLUMN "reply_by" date;

UPDATE "summits" SET "reply_by" = (custom ->> 'replyBy')::date, custom = custom - 'replyBy' WHERE custom ? 'replyBy' AND (custom -> 'replyBy' #>> '{}') ~ '^\d{4}-\d{2}-\d{2}$';

ALTER TABLE "summits" ADD COLUMN "remind_days" integer;

UPDATE "summits" SET "remind_days" = (custom ->> 'remindDays')::integer, custom = custom - 'remindDays' WHERE custom ? 'remindDays' AND jsonb_typeof(custom -> 'remindDays') = 'number';

ALTER TABLE "summits" ADD COLUMN "contact" text;

UPDATE "summits" SET "contact" = (custom ->> 'contact')::text, custom = custom - 'contact' WHERE custom ? 'contact' AND jsonb_typeof(custom -> 'contact') = 'string';

ALTER TABLE "summits" ADD COLUMN "invite_subject" text;

UPDATE "summits" SET "invite_subject" = (custom ->> 'inviteSubject')::text, custom = custom - 'inviteSubject' WHERE custom ? 'inviteSubject' AND jsonb_typeof(custom -> 'inviteSubject') = 'string';

ALTER TABLE "summits" ADD COLUMN "invite_body" text;

UPDATE "summits" SET "invite_body" = (custom ->> 'inviteBody')::text, custom = custom - 'inviteBody' WHERE custom ? 'inviteBody' AND jsonb_typeof(custom -> 'inviteBody') = 'string';

ALTER TABLE "summits" ADD COLUMN "invite_subject_en" text;

UPDATE "summits" SET "invite_subject_en" = (custom ->> 'inviteSubjectEn')::text, custom = custom - 'inviteSubjectEn' WHERE custom ? 'inviteSubjectEn' AND jsonb_typeof(custom -> 'inviteSubjectEn') = 'string';

ALTER TABLE "summits" ADD COLUMN "invite_body_en" text;

UPDATE "summits" SET "invite_body_en" = (custom ->> 'inviteBodyEn')::text, custom = custom - 'inviteBodyEn' WHERE custom ? 'inviteBodyEn' AND jsonb_typeof(custom -> 'inviteBodyEn') = 'string';

CREATE INDEX "summits_words" ON "summits" USING gin (lower(coalesce("name", '') || E'\001' || coalesce("theme", '') || E'\001' || coalesce("city", '') || E'\001' || coalesce("venue", '') || E'\001' || coalesce("host", '') || E'\001' || coalesce("description", '') || E'\001' || coalesce("contact", '') || E'\001' || coalesce("invite_subject", '') || E'\001' || coalesce("invite_body", '') || E'\001' || coalesce("invite_subject_en", '') || E'\001' || coalesce("invite_body_en", '')) gin_trgm_ops);

CREATE INDEX "summits_chars" ON "summits" USING gin (string_to_array(lower(coalesce("name", '') || E'\001' || coalesce("theme", '') || E'\001' || coalesce("city", '') || E'\001' || coalesce("venue", '') || E'\001' || coalesce("host", '') || E'\001' || coalesce("description", '') || E'\001' || coalesce("contact", '') || E'\001' || coalesce("invite_subject", '') || E'\001' || coalesce("invite_body", '') || E'\001' || coalesce("invite_subject_en", '') || E'\001' || coalesce("invite_body_en", '')), NULL));

DROP INDEX IF EXISTS "attendees_words";

DROP INDEX IF EXISTS "attendees_chars";

ALTER TABLE "attendees" ADD COLUMN "salutation" text;

UPDATE "attendees" SET "salutation" = (custom ->> 'salutation')::text, custom = custom - 'salutation' WHERE custom ? 'salutation' AND jsonb_typeof(custom -> 'salutation') = 'string';

ALTER TABLE "attendees" ADD COLUMN "reply_note" text;

UPDATE "attendees" SET "reply_note" = (custom ->> 'replyNote')::text, custom = custom - 'replyNote' WHERE custom ? 'replyNote' AND jsonb_typeof(custom -> 'replyNote') = 'string';

CREATE INDEX "attendees_words" ON "attendees" USING gin (lower(coalesce("name", '') || E'\001' || coalesce("salutation", '') || E'\001' || coalesce("title", '') || E'\001' || coalesce("reply_note", '') || E'\001' || coalesce("arrival_number", '') || E'\001' || coalesce("arrival_station", '') || E'\001' || coalesce("pickup_by", '') || E'\001' || coalesce("pickup_car", '') || E'\001' || coalesce("departure_number", '') || E'\001' || coalesce("hotel", '') || E'\001' || coalesce("room", '') || E'\001' || coalesce("seat", '') || E'\001' || coalesce("certificate_name", '') || E'\001' || coalesce("honour", '') || E'\001' || coalesce("diet", '') || E'\001' || coalesce("companions", '') || E'\001' || coalesce("note", '')) gin_trgm_ops);

CREATE INDEX "attendees_chars" ON "attendees" USING gin (string_to_array(lower(coalesce("name", '') || E'\001' || coalesce("salutation", '') || E'\001' || coalesce("title", '') || E'\001' || coalesce("reply_note", '') || E'\001' || coalesce("arrival_number", '') || E'\001' || coalesce("arrival_station", '') || E'\001' || coalesce("pickup_by", '') || E'\001' || coalesce("pickup_car", '') || E'\001' || coalesce("departure_number", '') || E'\001' || coalesce("hotel", '') || E'\001' || coalesce("room", '') || E'\001' || coalesce("seat", '') || E'\001' || coalesce("certificate_name", '') || E'\001' || coalesce("honour", '') || E'\001' || coalesce("diet", '') || E'\001' || coalesce("companions", '') || E'\001' || coalesce("note", '')), NULL));

DROP INDEX IF EXISTS "outbox_words";

DROP INDEX IF EXISTS "outbox_chars";

ALTER TABLE "outbox" ADD COLUMN "lang" text;

UPDATE "outbox" SET "lang" = (custom ->> 'lang')::text, custom = custom - 'lang' WHERE custom ? 'lang' AND jsonb_typeof(custom -> 'lang') = 'string';

ALTER TABLE "outbox" ADD COLUMN "reply_base" text;

UPDATE "outbox" SET "reply_base" = (custom ->> 'replyBase')::text, custom = custom - 'replyBase' WHERE custom ? 'replyBase' AND jsonb_typeof(custom -> 'replyBase') = 'string';

CREATE INDEX "outbox_lang" ON "outbox" USING btree ("lang");

CREATE INDEX "outbox_words" ON "outbox" USING gin (lower(coalesce("subject", '') || E'\001' || coalesce("body", '') || E'\001' || coalesce("last_answer", '') || E'\001' || coalesce("message_id", '') || E'\001' || coalesce("reply_base", '')) gin_trgm_ops);

CREATE INDEX "outbox_chars" ON "outbox" USING gin (string_to_array(lower(coalesce("subject", '') || E'\001' || coalesce("body", '') || E'\001' || coalesce("last_answer", '') || E'\001' || coalesce("message_id", '') || E'\001' || coalesce("reply_base", '')), NULL));
