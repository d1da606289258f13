CREATE TABLE "report_counts" (
	"period_kind" text NOT NULL,
	"period_start" date NOT NULL,
	"cuboid" text NOT NULL,
	"measure" text NOT NULL,
	"icb" text NOT NULL,
	"local_authority" text NOT NULL,
	"team" text NOT NULL,
	"school" text NOT NULL,
	"age_band" text NOT NULL,
	"gender" text NOT NULL,
	"ethnicity" text NOT NULL,
	"sen" text NOT NULL,
	"lgbt" text NOT NULL,
	"bucket" integer DEFAULT 0 NOT NULL,
	"value" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_day_facts" (
	"day" date NOT NULL,
	"measure" text NOT NULL,
	"icb" text NOT NULL,
	"local_authority" text NOT NULL,
	"team" text NOT NULL,
	"school" text NOT NULL,
	"age_band" text NOT NULL,
	"gender" text NOT NULL,
	"ethnicity" text NOT NULL,
	"sen" text NOT NULL,
	"lgbt" text NOT NULL,
	"bucket" integer DEFAULT 0 NOT NULL,
	"value" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_people" (
	"measure" text NOT NULL,
	"period_kind" text NOT NULL,
	"period_start" date NOT NULL,
	"subject_id" uuid NOT NULL,
	"icb" text NOT NULL,
	"local_authority" text NOT NULL,
	"team" text NOT NULL,
	"school" text NOT NULL,
	"age_band" text NOT NULL,
	"gender" text NOT NULL,
	"ethnicity" text NOT NULL,
	"sen" text NOT NULL,
	"lgbt" text NOT NULL,
	"value" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"day" date,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"rows" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_snapshots" (
	"period_kind" text NOT NULL,
	"period_start" date NOT NULL,
	"as_of" date NOT NULL,
	CONSTRAINT "report_snapshots_period_kind_period_start_pk" PRIMARY KEY("period_kind","period_start")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "report_counts_key" ON "report_counts" USING btree ("period_kind","cuboid","measure","period_start","icb","local_authority","team","school","age_band","gender","ethnicity","sen","lgbt","bucket");--> statement-breakpoint
CREATE UNIQUE INDEX "report_day_facts_key" ON "report_day_facts" USING btree ("day","measure","icb","local_authority","team","school","age_band","gender","ethnicity","sen","lgbt","bucket");--> statement-breakpoint
CREATE UNIQUE INDEX "report_people_key" ON "report_people" USING btree ("measure","period_kind","period_start","subject_id","icb","local_authority","team","school","age_band","gender","ethnicity","sen","lgbt");--> statement-breakpoint
-- The rollup jobs replace rows (a full rebuild, a day's facts, a period's snapshot).
GRANT DELETE ON report_counts, report_day_facts, report_people, report_snapshots TO lantern_app;--> statement-breakpoint
-- report_people holds child and online account ids so distinct people can be counted: only the
-- system scope (the rollup jobs) reaches it; no person's scope ever does.
ALTER TABLE report_people ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE report_people FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY report_people_system ON report_people FOR ALL USING (lantern_scope_has('all')) WITH CHECK (lantern_scope_has('all'));--> statement-breakpoint
-- A day's rollup reads only that day's rows of the base tables: these indexes let it find them
-- without scanning a year (issue 8: one day in under a second with 10 million referrals).
CREATE INDEX IF NOT EXISTS "reporting_referrals_received_idx" ON "referrals" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "reporting_referrals_first_contact_idx" ON "referrals" USING btree ("first_contact_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "reporting_care_contacts_starts_idx" ON "care_contacts" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "reporting_triage_decisions_recorded_idx" ON "triage_decisions" USING btree ("recorded_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "reporting_episode_milestones_occurred_idx" ON "episode_milestones" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "reporting_online_chats_queued_idx" ON "online_chats" USING btree ("queued_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "reporting_online_messages_sent_idx" ON "online_messages" USING btree ("sent_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "reporting_consultation_calls_received_idx" ON "consultation_calls" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "reporting_group_sessions_held_idx" ON "group_sessions" USING btree ("held_at");
