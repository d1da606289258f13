CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"template" text NOT NULL,
	"recipient" text NOT NULL,
	"personalisation" jsonb NOT NULL,
	"referral_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"provider_reference" text
);
--> statement-breakpoint
CREATE TABLE "carers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relationship" text NOT NULL,
	"has_parental_responsibility" boolean NOT NULL,
	"phone" text,
	"email" text,
	"do_not_share" boolean DEFAULT false NOT NULL,
	"do_not_share_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"surviving_child_id" uuid NOT NULL,
	"merged_child_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" uuid,
	"undo_reason" text
);
--> statement-breakpoint
CREATE TABLE "front_door_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"intake_team_id" uuid NOT NULL,
	"self_referral_min_age" smallint NOT NULL,
	"triage_working_days" smallint NOT NULL,
	"reference_prefix" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mdt_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner_name" text NOT NULL,
	"owner_agency" text NOT NULL,
	"due_on" date NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mdt_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"shared_decision" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid
);
--> statement-breakpoint
CREATE TABLE "mdt_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"agencies_present" text[] DEFAULT '{}' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"consented_by" text NOT NULL,
	"status" text NOT NULL,
	"method" text NOT NULL,
	"is_gillick_competent" boolean,
	"gillick_assessed_by" text,
	"gillick_notes" text,
	"parents_may_be_told" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"invalidated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "referral_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"form_kind" text NOT NULL,
	"answers" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "triage_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"thrive_grouping" text NOT NULL,
	"priority" text NOT NULL,
	"service_id" uuid,
	"team_id" uuid,
	"signposted_to" uuid[] DEFAULT '{}' NOT NULL,
	"information_sent" text,
	"question" text,
	"decline_reason" text,
	"notes" text DEFAULT '' NOT NULL,
	"mdt_meeting_id" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"invalidated_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "referral_workers" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "gender" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "gender_self_description" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "ethnicity" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "gp_practice" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "contact_routes" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "can_leave_message" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "referral_workers" ADD COLUMN "external_name" text;--> statement-breakpoint
ALTER TABLE "referral_workers" ADD COLUMN "external_agency" text;--> statement-breakpoint
ALTER TABLE "referral_workers" ADD COLUMN "external_phone" text;--> statement-breakpoint
ALTER TABLE "referral_workers" ADD COLUMN "recorded_by" uuid;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "reference" text NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "priority" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "thrive_grouping" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "need_description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "need_duration" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "need_impact" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "tried_so_far" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "risk_to_life_now" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "recent_self_harm" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "risk_to_others" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "risk_details" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "referrer_name" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "referrer_role" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "referrer_organisation" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "referrer_phone" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "referrer_email" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "information_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "carers" ADD CONSTRAINT "carers_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_links" ADD CONSTRAINT "child_links_surviving_child_id_children_id_fk" FOREIGN KEY ("surviving_child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_links" ADD CONSTRAINT "child_links_merged_child_id_children_id_fk" FOREIGN KEY ("merged_child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_links" ADD CONSTRAINT "child_links_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_links" ADD CONSTRAINT "child_links_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_door_settings" ADD CONSTRAINT "front_door_settings_intake_team_id_teams_id_fk" FOREIGN KEY ("intake_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdt_actions" ADD CONSTRAINT "mdt_actions_agenda_item_id_mdt_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."mdt_agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdt_actions" ADD CONSTRAINT "mdt_actions_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdt_agenda_items" ADD CONSTRAINT "mdt_agenda_items_meeting_id_mdt_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."mdt_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdt_agenda_items" ADD CONSTRAINT "mdt_agenda_items_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdt_agenda_items" ADD CONSTRAINT "mdt_agenda_items_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdt_agenda_items" ADD CONSTRAINT "mdt_agenda_items_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdt_meetings" ADD CONSTRAINT "mdt_meetings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdt_meetings" ADD CONSTRAINT "mdt_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_consents" ADD CONSTRAINT "referral_consents_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_consents" ADD CONSTRAINT "referral_consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_drafts" ADD CONSTRAINT "referral_drafts_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_decisions" ADD CONSTRAINT "triage_decisions_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_decisions" ADD CONSTRAINT "triage_decisions_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_decisions" ADD CONSTRAINT "triage_decisions_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_decisions" ADD CONSTRAINT "triage_decisions_mdt_meeting_id_mdt_meetings_id_fk" FOREIGN KEY ("mdt_meeting_id") REFERENCES "public"."mdt_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_decisions" ADD CONSTRAINT "triage_decisions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_messages_unsent_idx" ON "outbox_messages" USING btree ("created_at") WHERE sent_at is null;--> statement-breakpoint
CREATE INDEX "carers_child_idx" ON "carers" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "child_links_surviving_idx" ON "child_links" USING btree ("surviving_child_id");--> statement-breakpoint
CREATE INDEX "child_links_merged_idx" ON "child_links" USING btree ("merged_child_id");--> statement-breakpoint
CREATE INDEX "mdt_actions_item_idx" ON "mdt_actions" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE INDEX "mdt_agenda_items_meeting_idx" ON "mdt_agenda_items" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "mdt_agenda_items_referral_idx" ON "mdt_agenda_items" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "referral_consents_referral_idx" ON "referral_consents" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "referral_drafts_owner_idx" ON "referral_drafts" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "triage_decisions_referral_idx" ON "triage_decisions" USING btree ("referral_id","recorded_at");--> statement-breakpoint
ALTER TABLE "referral_workers" ADD CONSTRAINT "referral_workers_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "children_nhs_number_idx" ON "children" USING btree ("nhs_number");--> statement-breakpoint
CREATE INDEX "children_birth_date_idx" ON "children" USING btree ("date_of_birth");--> statement-breakpoint
CREATE INDEX "referrals_referrer_idx" ON "referrals" USING btree ("referrer_user_id");--> statement-breakpoint
CREATE INDEX "referrals_status_idx" ON "referrals" USING btree ("status","received_at");--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_reference_unique" UNIQUE("reference");--> statement-breakpoint
ALTER TABLE "referral_workers" ADD CONSTRAINT "referral_workers_who" CHECK ("referral_workers"."user_id" is not null or "referral_workers"."external_name" is not null);