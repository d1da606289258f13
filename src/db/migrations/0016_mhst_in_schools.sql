CREATE TABLE "care_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"practitioner_user_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"school_urn" integer,
	"kind" text DEFAULT 'one-to-one' NOT NULL,
	"attend_status" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "episode_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"milestone" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"invalidated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "waiting_pauses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"starts_on" timestamp with time zone NOT NULL,
	"ends_on" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	CONSTRAINT "waiting_pauses_order" CHECK ("waiting_pauses"."ends_on" is null or "waiting_pauses"."ends_on" >= "waiting_pauses"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "allocation_preferences" (
	"referral_id" uuid PRIMARY KEY NOT NULL,
	"practitioner_gender" text,
	"language" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid,
	"group_name" text,
	"reason" text NOT NULL,
	"suggestion_score" integer,
	"suggestion_reasons" jsonb,
	"is_bulk" boolean DEFAULT false NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" uuid,
	"end_reason" text,
	CONSTRAINT "allocations_who" CHECK (("allocations"."kind" = 'practitioner' and "allocations"."user_id" is not null) or ("allocations"."kind" = 'group-waiting-list' and "allocations"."group_name" is not null))
);
--> statement-breakpoint
CREATE TABLE "breach_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"breach_at" timestamp with time zone NOT NULL,
	"likely_first_contact_at" timestamp with time zone NOT NULL,
	"basis" text NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid
);
--> statement-breakpoint
CREATE TABLE "practitioner_profiles" (
	"user_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"caseload_capacity" smallint NOT NULL,
	"gender" text,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practitioner_profiles_user_id_team_id_pk" PRIMARY KEY("user_id","team_id"),
	CONSTRAINT "practitioner_profiles_capacity" CHECK ("practitioner_profiles"."caseload_capacity" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "practitioner_school_days" (
	"user_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"school_urn" integer NOT NULL,
	"weekday" smallint NOT NULL,
	CONSTRAINT "practitioner_school_days_user_id_school_urn_weekday_pk" PRIMARY KEY("user_id","school_urn","weekday"),
	CONSTRAINT "practitioner_school_days_weekday" CHECK ("practitioner_school_days"."weekday" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "school_link_practitioners" (
	"team_id" uuid NOT NULL,
	"school_urn" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_link_practitioners_team_id_school_urn_pk" PRIMARY KEY("team_id","school_urn")
);
--> statement-breakpoint
CREATE TABLE "confidence_survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"submitted_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "confidence_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_urn" integer NOT NULL,
	"phase" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"link_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "confidence_surveys_link_hash_unique" UNIQUE("link_hash")
);
--> statement-breakpoint
CREATE TABLE "consultation_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"advised_at" timestamp with time zone,
	"caller_role" text NOT NULL,
	"caller_organisation" text NOT NULL,
	"school_urn" integer,
	"question" text NOT NULL,
	"advice" text DEFAULT '' NOT NULL,
	"outcome" text,
	"handled_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "consultation_calls_order" CHECK ("consultation_calls"."advised_at" is null or "consultation_calls"."advised_at" >= "consultation_calls"."received_at")
);
--> statement-breakpoint
CREATE TABLE "group_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_urn" integer NOT NULL,
	"team_id" uuid,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"attendee_count" integer NOT NULL,
	"year_groups" text DEFAULT '' NOT NULL,
	"delivered_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	CONSTRAINT "group_sessions_attendees" CHECK ("group_sessions"."attendee_count" between 0 and 5000)
);
--> statement-breakpoint
CREATE TABLE "school_link_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_urn" integer NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"attendees" text[] DEFAULT '{}' NOT NULL,
	"discussed" text NOT NULL,
	"agreed_actions" text DEFAULT '' NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_plan_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_urn" integer NOT NULL,
	"tier" smallint NOT NULL,
	"action" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	CONSTRAINT "school_plan_actions_tier" CHECK ("school_plan_actions"."tier" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "staff_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_urn" integer NOT NULL,
	"team_id" uuid,
	"given_at" timestamp with time zone NOT NULL,
	"staff_role" text NOT NULL,
	"topic" text NOT NULL,
	"advice" text NOT NULL,
	"referral_id" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "allocated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "first_contact_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "booked_contact_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "care_contacts" ADD CONSTRAINT "care_contacts_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_contacts" ADD CONSTRAINT "care_contacts_practitioner_user_id_users_id_fk" FOREIGN KEY ("practitioner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_contacts" ADD CONSTRAINT "care_contacts_school_urn_schools_urn_fk" FOREIGN KEY ("school_urn") REFERENCES "public"."schools"("urn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_contacts" ADD CONSTRAINT "care_contacts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_milestones" ADD CONSTRAINT "episode_milestones_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_milestones" ADD CONSTRAINT "episode_milestones_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_pauses" ADD CONSTRAINT "waiting_pauses_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_pauses" ADD CONSTRAINT "waiting_pauses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_preferences" ADD CONSTRAINT "allocation_preferences_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_preferences" ADD CONSTRAINT "allocation_preferences_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_alerts" ADD CONSTRAINT "breach_alerts_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_alerts" ADD CONSTRAINT "breach_alerts_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_alerts" ADD CONSTRAINT "breach_alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioner_profiles" ADD CONSTRAINT "practitioner_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioner_profiles" ADD CONSTRAINT "practitioner_profiles_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioner_school_days" ADD CONSTRAINT "practitioner_school_days_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioner_school_days" ADD CONSTRAINT "practitioner_school_days_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioner_school_days" ADD CONSTRAINT "practitioner_school_days_school_urn_schools_urn_fk" FOREIGN KEY ("school_urn") REFERENCES "public"."schools"("urn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_link_practitioners" ADD CONSTRAINT "school_link_practitioners_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_link_practitioners" ADD CONSTRAINT "school_link_practitioners_school_urn_schools_urn_fk" FOREIGN KEY ("school_urn") REFERENCES "public"."schools"("urn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_link_practitioners" ADD CONSTRAINT "school_link_practitioners_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confidence_survey_responses" ADD CONSTRAINT "confidence_survey_responses_survey_id_confidence_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."confidence_surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confidence_surveys" ADD CONSTRAINT "confidence_surveys_school_urn_schools_urn_fk" FOREIGN KEY ("school_urn") REFERENCES "public"."schools"("urn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confidence_surveys" ADD CONSTRAINT "confidence_surveys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_calls" ADD CONSTRAINT "consultation_calls_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_calls" ADD CONSTRAINT "consultation_calls_school_urn_schools_urn_fk" FOREIGN KEY ("school_urn") REFERENCES "public"."schools"("urn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_calls" ADD CONSTRAINT "consultation_calls_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_sessions" ADD CONSTRAINT "group_sessions_school_urn_schools_urn_fk" FOREIGN KEY ("school_urn") REFERENCES "public"."schools"("urn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_sessions" ADD CONSTRAINT "group_sessions_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_sessions" ADD CONSTRAINT "group_sessions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_link_meetings" ADD CONSTRAINT "school_link_meetings_school_urn_schools_urn_fk" FOREIGN KEY ("school_urn") REFERENCES "public"."schools"("urn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_link_meetings" ADD CONSTRAINT "school_link_meetings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_plan_actions" ADD CONSTRAINT "school_plan_actions_school_urn_schools_urn_fk" FOREIGN KEY ("school_urn") REFERENCES "public"."schools"("urn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_plan_actions" ADD CONSTRAINT "school_plan_actions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_consultations" ADD CONSTRAINT "staff_consultations_school_urn_schools_urn_fk" FOREIGN KEY ("school_urn") REFERENCES "public"."schools"("urn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_consultations" ADD CONSTRAINT "staff_consultations_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_consultations" ADD CONSTRAINT "staff_consultations_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_consultations" ADD CONSTRAINT "staff_consultations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_contacts_referral_idx" ON "care_contacts" USING btree ("referral_id","starts_at");--> statement-breakpoint
CREATE INDEX "care_contacts_practitioner_idx" ON "care_contacts" USING btree ("practitioner_user_id","starts_at");--> statement-breakpoint
CREATE INDEX "episode_milestones_referral_idx" ON "episode_milestones" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "waiting_pauses_referral_idx" ON "waiting_pauses" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "allocations_referral_idx" ON "allocations" USING btree ("referral_id","recorded_at");--> statement-breakpoint
CREATE INDEX "allocations_user_idx" ON "allocations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "allocations_team_current_idx" ON "allocations" USING btree ("team_id","kind") WHERE "allocations"."ended_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "allocations_one_current" ON "allocations" USING btree ("referral_id") WHERE "allocations"."ended_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "breach_alerts_one_per_referral" ON "breach_alerts" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "breach_alerts_team_idx" ON "breach_alerts" USING btree ("team_id","raised_at");--> statement-breakpoint
CREATE INDEX "practitioner_school_days_team_idx" ON "practitioner_school_days" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "confidence_survey_responses_survey_idx" ON "confidence_survey_responses" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "confidence_surveys_school_idx" ON "confidence_surveys" USING btree ("school_urn","opens_at");--> statement-breakpoint
CREATE INDEX "consultation_calls_team_idx" ON "consultation_calls" USING btree ("team_id","received_at");--> statement-breakpoint
CREATE INDEX "group_sessions_school_idx" ON "group_sessions" USING btree ("school_urn","held_at");--> statement-breakpoint
CREATE INDEX "school_link_meetings_school_idx" ON "school_link_meetings" USING btree ("school_urn","held_at");--> statement-breakpoint
CREATE INDEX "school_plan_actions_school_idx" ON "school_plan_actions" USING btree ("school_urn");--> statement-breakpoint
CREATE INDEX "staff_consultations_school_idx" ON "staff_consultations" USING btree ("school_urn","given_at");--> statement-breakpoint
CREATE INDEX "carers_phone_idx" ON "carers" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "carers_email_idx" ON "carers" USING btree ("email");--> statement-breakpoint
CREATE INDEX "referrals_team_status_idx" ON "referrals" USING btree ("team_id","status","received_at","id");--> statement-breakpoint
CREATE INDEX "referrals_allocated_user_idx" ON "referrals" USING btree ("allocated_user_id","status");
--> statement-breakpoint
-- Forced row-level security (see 0006, 0015): allocations, contacts, milestones, pauses and breach
-- alerts are clinical rows, read and changed only by the scopes that may read the referral's clinical detail.
ALTER TABLE allocations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE allocations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY allocations_in_scope ON allocations FOR SELECT USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
CREATE POLICY allocations_insert ON allocations FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
CREATE POLICY allocations_update ON allocations FOR UPDATE USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
ALTER TABLE allocation_preferences ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE allocation_preferences FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY allocation_preferences_in_scope ON allocation_preferences FOR SELECT USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
CREATE POLICY allocation_preferences_insert ON allocation_preferences FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
CREATE POLICY allocation_preferences_update ON allocation_preferences FOR UPDATE USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
ALTER TABLE breach_alerts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE breach_alerts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY breach_alerts_in_scope ON breach_alerts FOR SELECT USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
CREATE POLICY breach_alerts_insert ON breach_alerts FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
CREATE POLICY breach_alerts_update ON breach_alerts FOR UPDATE USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
ALTER TABLE care_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE care_contacts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY care_contacts_in_scope ON care_contacts FOR SELECT USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
CREATE POLICY care_contacts_insert ON care_contacts FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
CREATE POLICY care_contacts_update ON care_contacts FOR UPDATE USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
ALTER TABLE episode_milestones ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE episode_milestones FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY episode_milestones_in_scope ON episode_milestones FOR SELECT USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
CREATE POLICY episode_milestones_insert ON episode_milestones FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
CREATE POLICY episode_milestones_update ON episode_milestones FOR UPDATE USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
ALTER TABLE waiting_pauses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE waiting_pauses FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY waiting_pauses_in_scope ON waiting_pauses FOR SELECT USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
CREATE POLICY waiting_pauses_insert ON waiting_pauses FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
CREATE POLICY waiting_pauses_update ON waiting_pauses FOR UPDATE USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
-- Advice to school staff names a child only by linking a referral; then only the referral's clinical
-- readers see it. Rows naming no child are school records, reached through the service's school checks.
ALTER TABLE staff_consultations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE staff_consultations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY staff_consultations_in_scope ON staff_consultations FOR SELECT USING (referral_id IS NULL OR lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
CREATE POLICY staff_consultations_insert ON staff_consultations FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
-- Survey answers are anonymous and final: nobody edits them.
REVOKE UPDATE ON confidence_survey_responses FROM lantern_app;
--> statement-breakpoint
REVOKE UPDATE ON staff_consultations, group_sessions, school_link_meetings FROM lantern_app;
--> statement-breakpoint
-- A practitioner's school days are a plan, not a record: changing them replaces the rows.
GRANT DELETE ON practitioner_school_days TO lantern_app;
