CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"assessed_at" timestamp with time zone NOT NULL,
	"presenting_problems" text[] DEFAULT '{}' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"risk_level" text NOT NULL,
	"risk_detail" text DEFAULT '' NOT NULL,
	"safety_plan" text DEFAULT '' NOT NULL,
	"in_confidence" boolean DEFAULT false NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_plan_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"goal" text NOT NULL,
	"agreed_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"status_changed_at" timestamp with time zone,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"note_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"referral_id" uuid NOT NULL,
	"contact_id" uuid,
	"body" text NOT NULL,
	"correction_reason" text,
	"in_confidence" boolean DEFAULT false NOT NULL,
	"written_at" timestamp with time zone NOT NULL,
	"written_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by" uuid NOT NULL,
	"intervention" text,
	"intervention_chosen_at" timestamp with time zone,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"close_reason" text,
	"close_outcome" text,
	"close_summary" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_therapy_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"school_urn" integer,
	"programme" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"facilitator_user_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "note_sign_offs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"note_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"referral_id" uuid NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"signed_by" uuid NOT NULL,
	"comment" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "onward_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"service_name" text NOT NULL,
	"organisation_id" uuid,
	"reason" text NOT NULL,
	"referred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practitioner_user_id" uuid NOT NULL,
	"supervisor_user_id" uuid NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"cases_discussed" integer DEFAULT 0 NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"actions" text DEFAULT '' NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licensed_instruments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"instrument_id" text NOT NULL,
	"instrument_version" text NOT NULL,
	"definition" jsonb NOT NULL,
	"loaded_at" timestamp with time zone NOT NULL,
	"loaded_by" uuid NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "measure_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"instrument_id" text NOT NULL,
	"instrument_version" text NOT NULL,
	"respondent" text NOT NULL,
	"answers" jsonb NOT NULL,
	"total" real,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"band" text,
	"completed_at" timestamp with time zone NOT NULL,
	"via" text NOT NULL,
	"link_id" uuid,
	"contact_id" uuid,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "questionnaire_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"instrument_id" text NOT NULL,
	"respondent" text NOT NULL,
	"link_hash" text NOT NULL,
	"contact_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safeguarding_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concern_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"action" text NOT NULL,
	"status_after" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safeguarding_concerns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"contact_id" uuid,
	"organisation_id" uuid NOT NULL,
	"category" text NOT NULL,
	"concern" text NOT NULL,
	"immediate_action" text DEFAULT '' NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"raised_by" uuid NOT NULL,
	"status" text DEFAULT 'raised' NOT NULL,
	"lead_user_id" uuid,
	"outcome" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_access_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"requester" text NOT NULL,
	"carer_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"exported_at" timestamp with time zone NOT NULL,
	"exported_by" uuid NOT NULL,
	"items_included" integer NOT NULL,
	"items_withheld" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "care_contacts" ADD COLUMN "medium" text DEFAULT 'in-person' NOT NULL;--> statement-breakpoint
ALTER TABLE "care_contacts" ADD COLUMN "group_session_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "not_before" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_goals" ADD CONSTRAINT "care_plan_goals_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_goals" ADD CONSTRAINT "care_plan_goals_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_notes" ADD CONSTRAINT "contact_notes_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_notes" ADD CONSTRAINT "contact_notes_written_by_users_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_therapy_sessions" ADD CONSTRAINT "group_therapy_sessions_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_therapy_sessions" ADD CONSTRAINT "group_therapy_sessions_school_urn_schools_urn_fk" FOREIGN KEY ("school_urn") REFERENCES "public"."schools"("urn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_therapy_sessions" ADD CONSTRAINT "group_therapy_sessions_facilitator_user_id_users_id_fk" FOREIGN KEY ("facilitator_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_therapy_sessions" ADD CONSTRAINT "group_therapy_sessions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_sign_offs" ADD CONSTRAINT "note_sign_offs_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_sign_offs" ADD CONSTRAINT "note_sign_offs_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onward_referrals" ADD CONSTRAINT "onward_referrals_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onward_referrals" ADD CONSTRAINT "onward_referrals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onward_referrals" ADD CONSTRAINT "onward_referrals_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_practitioner_user_id_users_id_fk" FOREIGN KEY ("practitioner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_supervisor_user_id_users_id_fk" FOREIGN KEY ("supervisor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensed_instruments" ADD CONSTRAINT "licensed_instruments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensed_instruments" ADD CONSTRAINT "licensed_instruments_loaded_by_users_id_fk" FOREIGN KEY ("loaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_responses" ADD CONSTRAINT "measure_responses_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_responses" ADD CONSTRAINT "measure_responses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_links" ADD CONSTRAINT "questionnaire_links_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_links" ADD CONSTRAINT "questionnaire_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_actions" ADD CONSTRAINT "safeguarding_actions_concern_id_safeguarding_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."safeguarding_concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_actions" ADD CONSTRAINT "safeguarding_actions_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_actions" ADD CONSTRAINT "safeguarding_actions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_concerns" ADD CONSTRAINT "safeguarding_concerns_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_concerns" ADD CONSTRAINT "safeguarding_concerns_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_concerns" ADD CONSTRAINT "safeguarding_concerns_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_concerns" ADD CONSTRAINT "safeguarding_concerns_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_exported_by_users_id_fk" FOREIGN KEY ("exported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessments_referral_idx" ON "assessments" USING btree ("referral_id","assessed_at");--> statement-breakpoint
CREATE INDEX "care_plan_goals_referral_idx" ON "care_plan_goals" USING btree ("referral_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_notes_note_version" ON "contact_notes" USING btree ("note_id","version");--> statement-breakpoint
CREATE INDEX "contact_notes_referral_idx" ON "contact_notes" USING btree ("referral_id","written_at");--> statement-breakpoint
CREATE INDEX "contact_notes_writer_idx" ON "contact_notes" USING btree ("written_by","written_at");--> statement-breakpoint
CREATE UNIQUE INDEX "episodes_one_per_referral" ON "episodes" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "episodes_status_idx" ON "episodes" USING btree ("status");--> statement-breakpoint
CREATE INDEX "group_therapy_sessions_team_idx" ON "group_therapy_sessions" USING btree ("team_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "note_sign_offs_one" ON "note_sign_offs" USING btree ("note_id","version");--> statement-breakpoint
CREATE INDEX "note_sign_offs_referral_idx" ON "note_sign_offs" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "onward_referrals_referral_idx" ON "onward_referrals" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "supervision_sessions_practitioner_idx" ON "supervision_sessions" USING btree ("practitioner_user_id","held_at");--> statement-breakpoint
CREATE INDEX "supervision_sessions_supervisor_idx" ON "supervision_sessions" USING btree ("supervisor_user_id","held_at");--> statement-breakpoint
CREATE INDEX "licensed_instruments_org_idx" ON "licensed_instruments" USING btree ("organisation_id","instrument_id");--> statement-breakpoint
CREATE INDEX "measure_responses_referral_idx" ON "measure_responses" USING btree ("referral_id","instrument_id","completed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_links_hash" ON "questionnaire_links" USING btree ("link_hash");--> statement-breakpoint
CREATE INDEX "questionnaire_links_referral_idx" ON "questionnaire_links" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "safeguarding_actions_concern_idx" ON "safeguarding_actions" USING btree ("concern_id");--> statement-breakpoint
CREATE INDEX "safeguarding_concerns_org_idx" ON "safeguarding_concerns" USING btree ("organisation_id","status","raised_at");--> statement-breakpoint
CREATE INDEX "safeguarding_concerns_referral_idx" ON "safeguarding_concerns" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "subject_access_requests_child_idx" ON "subject_access_requests" USING btree ("child_id");

--> statement-breakpoint
-- Forced row-level security (see 0006, 0015, 0016): episode, assessment, plan, note, measure and
-- safeguarding rows are clinical, read and changed only by scopes that may read the referral's clinical detail.
ALTER TABLE episodes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE episodes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY episodes_in_scope ON episodes FOR SELECT USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
CREATE POLICY episodes_insert ON episodes FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
CREATE POLICY episodes_update ON episodes FOR UPDATE USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
ALTER TABLE care_plan_goals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE care_plan_goals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY care_plan_goals_in_scope ON care_plan_goals FOR SELECT USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
CREATE POLICY care_plan_goals_insert ON care_plan_goals FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
CREATE POLICY care_plan_goals_update ON care_plan_goals FOR UPDATE USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
ALTER TABLE questionnaire_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE questionnaire_links FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY questionnaire_links_in_scope ON questionnaire_links FOR SELECT USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
CREATE POLICY questionnaire_links_insert ON questionnaire_links FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
CREATE POLICY questionnaire_links_update ON questionnaire_links FOR UPDATE USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
ALTER TABLE safeguarding_concerns ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE safeguarding_concerns FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY safeguarding_concerns_in_scope ON safeguarding_concerns FOR SELECT USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
CREATE POLICY safeguarding_concerns_insert ON safeguarding_concerns FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
CREATE POLICY safeguarding_concerns_update ON safeguarding_concerns FOR UPDATE USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
ALTER TABLE assessments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE assessments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY assessments_in_scope ON assessments FOR SELECT USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
CREATE POLICY assessments_insert ON assessments FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
ALTER TABLE onward_referrals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE onward_referrals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY onward_referrals_in_scope ON onward_referrals FOR SELECT USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
CREATE POLICY onward_referrals_insert ON onward_referrals FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
ALTER TABLE contact_notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE contact_notes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY contact_notes_in_scope ON contact_notes FOR SELECT USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
CREATE POLICY contact_notes_insert ON contact_notes FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
ALTER TABLE note_sign_offs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE note_sign_offs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY note_sign_offs_in_scope ON note_sign_offs FOR SELECT USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
CREATE POLICY note_sign_offs_insert ON note_sign_offs FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
ALTER TABLE measure_responses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE measure_responses FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY measure_responses_in_scope ON measure_responses FOR SELECT USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
CREATE POLICY measure_responses_insert ON measure_responses FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
ALTER TABLE safeguarding_actions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE safeguarding_actions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY safeguarding_actions_in_scope ON safeguarding_actions FOR SELECT USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
CREATE POLICY safeguarding_actions_insert ON safeguarding_actions FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
ALTER TABLE subject_access_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE subject_access_requests FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY subject_access_requests_in_scope ON subject_access_requests FOR SELECT USING (lantern_scope_has('all') OR lantern_scope_has('privacy'));
--> statement-breakpoint
CREATE POLICY subject_access_requests_insert ON subject_access_requests FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
-- Assessments, onward referrals, notes, sign-offs, answers, safeguarding actions, the supervision log and
-- subject access requests are records that are never changed: a correction is a new row.
REVOKE UPDATE ON assessments, onward_referrals, contact_notes, note_sign_offs, measure_responses, safeguarding_actions, supervision_sessions, subject_access_requests FROM lantern_app;
