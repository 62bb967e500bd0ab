-- Written by `npm run db -- migration` from src/schema (src/server/store/postgres/ddl.ts).

CREATE INDEX "summits_chars" ON "summits" USING gin (string_to_array(lower(coalesce("name", '') || E'\001' || coalesce("theme", '') || E'\001' || coalesce("city", '') || E'\001' || coalesce("venue", '') || E'\001' || coalesce("host", '') || E'\001' || coalesce("description", '')), NULL));

CREATE INDEX "series_chars" ON "series" USING gin (string_to_array(lower(coalesce("name", '') || E'\001' || coalesce("host", '') || E'\001' || coalesce("description", '')), NULL));

CREATE INDEX "lectures_chars" ON "lectures" USING gin (string_to_array(lower(coalesce("title", '') || E'\001' || coalesce("speaker", '') || E'\001' || coalesce("speaker_title", '') || E'\001' || coalesce("venue", '') || E'\001' || coalesce("abstract", '')), NULL));

CREATE INDEX "ceremonies_chars" ON "ceremonies" USING gin (string_to_array(lower(coalesce("title", '') || E'\001' || coalesce("venue", '') || E'\001' || coalesce("host", '') || E'\001' || coalesce("note", '')), NULL));

CREATE INDEX "attendees_chars" ON "attendees" USING gin (string_to_array(lower(coalesce("name", '') || E'\001' || coalesce("title", '') || E'\001' || coalesce("arrival_number", '') || E'\001' || coalesce("arrival_station", '') || E'\001' || coalesce("pickup_by", '') || E'\001' || coalesce("pickup_car", '') || E'\001' || coalesce("departure_number", '') || E'\001' || coalesce("hotel", '') || E'\001' || coalesce("room", '') || E'\001' || coalesce("seat", '') || E'\001' || coalesce("certificate_name", '') || E'\001' || coalesce("honour", '') || E'\001' || coalesce("diet", '') || E'\001' || coalesce("companions", '') || E'\001' || coalesce("note", '')), NULL));

CREATE INDEX "attendees_personal_chars" ON "attendees" USING gin (string_to_array(lower(coalesce("phone", '') || E'\001' || coalesce("email", '')), NULL));

CREATE INDEX "organizations_chars" ON "organizations" USING gin (string_to_array(lower(coalesce("name", '') || E'\001' || coalesce("city", '') || E'\001' || coalesce("contact", '') || E'\001' || coalesce("address", '') || E'\001' || coalesce("note", '')), NULL));

CREATE INDEX "organizations_personal_chars" ON "organizations" USING gin (string_to_array(lower(coalesce("phone", '') || E'\001' || coalesce("email", '')), NULL));

CREATE INDEX "agreements_chars" ON "agreements" USING gin (string_to_array(lower(coalesce("title", '') || E'\001' || coalesce("officer", '') || E'\001' || coalesce("note", '')), NULL));

CREATE INDEX "followups_chars" ON "followups" USING gin (string_to_array(lower(coalesce("officer", '') || E'\001' || coalesce("note", '') || E'\001' || coalesce("next_step", '')), NULL));

CREATE INDEX "users_chars" ON "users" USING gin (string_to_array(lower(coalesce("username", '') || E'\001' || coalesce("display_name", '')), NULL));

CREATE INDEX "custom_resources_chars" ON "custom_resources" USING gin (string_to_array(lower(coalesce("name", '') || E'\001' || coalesce("label_zh", '') || E'\001' || coalesce("label_en", '') || E'\001' || coalesce("title_field", '')), NULL));

CREATE INDEX "custom_fields_chars" ON "custom_fields" USING gin (string_to_array(lower(coalesce("source", '') || E'\001' || coalesce("label_zh", '') || E'\001' || coalesce("label_en", '') || E'\001' || coalesce("options", '') || E'\001' || coalesce("default_value", '') || E'\001' || coalesce("help_text", '')), NULL));

CREATE INDEX "audit_chars" ON "audit" USING gin (string_to_array(lower(coalesce("username", '') || E'\001' || coalesce("record_id", '')), NULL));
