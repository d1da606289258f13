CREATE TABLE "journal_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"body" text NOT NULL,
	"written_at" timestamp with time zone NOT NULL,
	"hidden_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mood_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"mood" integer NOT NULL,
	"note" text,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mood_entries_mood" CHECK ("mood_entries"."mood" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "online_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"username" text NOT NULL,
	"username_key" text NOT NULL,
	"password_hash" text NOT NULL,
	"age_at_sign_up" integer NOT NULL,
	"gender" text NOT NULL,
	"gender_description" text,
	"school_urn" integer,
	"area" text,
	"heard_from" text NOT NULL,
	"recovery_email" text,
	"recovery_phone" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"signed_up_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "online_accounts_age" CHECK ("online_accounts"."age_at_sign_up" between 5 and 30)
);
--> statement-breakpoint
CREATE TABLE "online_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"chat_id" uuid,
	"message_id" uuid,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"escalation_id" uuid,
	"message_seq" integer,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledge_by" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"escalated_further_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "online_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"counsellor_user_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"minutes" integer DEFAULT 50 NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"booked_at" timestamp with time zone NOT NULL,
	"booked_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "online_chat_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chat_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"sender_kind" text NOT NULL,
	"sender_user_id" uuid,
	"client_message_id" text NOT NULL,
	"body" text NOT NULL,
	"risk_matches" jsonb,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "online_chats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"booking_id" uuid,
	"status" text NOT NULL,
	"queued_at" timestamp with time zone NOT NULL,
	"taken_at" timestamp with time zone,
	"counsellor_user_id" uuid,
	"ended_at" timestamp with time zone,
	"ended_by" text,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"feedback_rating" integer,
	"feedback_comment" text,
	"summary_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "online_chats_rating" CHECK ("online_chats"."feedback_rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "online_escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chat_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"raised_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"identity_shared" text NOT NULL,
	"given_name" text,
	"family_name" text,
	"date_of_birth" date,
	"postcode" text,
	"school_name" text,
	"phone" text,
	"location" text,
	"status" text DEFAULT 'raised' NOT NULL,
	"duty_senior_user_id" uuid,
	"referral_id" uuid,
	"closed_at" timestamp with time zone,
	"outcome" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "online_goal_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"rating" integer NOT NULL,
	"rated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "online_goal_ratings_rating" CHECK ("online_goal_ratings"."rating" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "online_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"goal" text NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	"closed_as" text,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "online_message_reads" (
	"account_id" uuid NOT NULL,
	"side" text NOT NULL,
	"read_up_to" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "online_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"sender_user_id" uuid,
	"body" text NOT NULL,
	"risk_matches" jsonb,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "online_risk_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chat_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"level" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"invalidated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "online_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"min_age" integer DEFAULT 11 NOT NULL,
	"max_age" integer DEFAULT 19 NOT NULL,
	"opening_hours" jsonb NOT NULL,
	"chat_limit" integer DEFAULT 3 NOT NULL,
	"alert_acknowledge_minutes" integer DEFAULT 5 NOT NULL,
	"further_escalation_email" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "online_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text
);
--> statement-breakpoint
CREATE TABLE "risk_phrases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"phrase" text NOT NULL,
	"category" text NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone NOT NULL,
	"retired_by" uuid,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "self_help_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"topic" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"written_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_comment" text,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_account_id_online_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."online_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mood_entries" ADD CONSTRAINT "mood_entries_account_id_online_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."online_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_accounts" ADD CONSTRAINT "online_accounts_service_id_online_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."online_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_accounts" ADD CONSTRAINT "online_accounts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_accounts" ADD CONSTRAINT "online_accounts_school_urn_schools_urn_fk" FOREIGN KEY ("school_urn") REFERENCES "public"."schools"("urn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_alerts" ADD CONSTRAINT "online_alerts_service_id_online_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."online_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_alerts" ADD CONSTRAINT "online_alerts_chat_id_online_chats_id_fk" FOREIGN KEY ("chat_id") REFERENCES "public"."online_chats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_alerts" ADD CONSTRAINT "online_alerts_message_id_online_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."online_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_alerts" ADD CONSTRAINT "online_alerts_account_id_online_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."online_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_alerts" ADD CONSTRAINT "online_alerts_escalation_id_online_escalations_id_fk" FOREIGN KEY ("escalation_id") REFERENCES "public"."online_escalations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_alerts" ADD CONSTRAINT "online_alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_bookings" ADD CONSTRAINT "online_bookings_account_id_online_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."online_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_bookings" ADD CONSTRAINT "online_bookings_counsellor_user_id_users_id_fk" FOREIGN KEY ("counsellor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_bookings" ADD CONSTRAINT "online_bookings_booked_by_users_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_chat_messages" ADD CONSTRAINT "online_chat_messages_chat_id_online_chats_id_fk" FOREIGN KEY ("chat_id") REFERENCES "public"."online_chats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_chat_messages" ADD CONSTRAINT "online_chat_messages_account_id_online_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."online_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_chat_messages" ADD CONSTRAINT "online_chat_messages_sender_user_id_users_id_fk" FOREIGN KEY ("sender_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_chats" ADD CONSTRAINT "online_chats_service_id_online_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."online_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_chats" ADD CONSTRAINT "online_chats_account_id_online_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."online_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_chats" ADD CONSTRAINT "online_chats_booking_id_online_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."online_bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_chats" ADD CONSTRAINT "online_chats_counsellor_user_id_users_id_fk" FOREIGN KEY ("counsellor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_escalations" ADD CONSTRAINT "online_escalations_chat_id_online_chats_id_fk" FOREIGN KEY ("chat_id") REFERENCES "public"."online_chats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_escalations" ADD CONSTRAINT "online_escalations_account_id_online_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."online_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_escalations" ADD CONSTRAINT "online_escalations_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_escalations" ADD CONSTRAINT "online_escalations_duty_senior_user_id_users_id_fk" FOREIGN KEY ("duty_senior_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_escalations" ADD CONSTRAINT "online_escalations_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_goal_ratings" ADD CONSTRAINT "online_goal_ratings_goal_id_online_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."online_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_goal_ratings" ADD CONSTRAINT "online_goal_ratings_account_id_online_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."online_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_goals" ADD CONSTRAINT "online_goals_account_id_online_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."online_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_message_reads" ADD CONSTRAINT "online_message_reads_account_id_online_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."online_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_messages" ADD CONSTRAINT "online_messages_account_id_online_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."online_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_messages" ADD CONSTRAINT "online_messages_sender_user_id_users_id_fk" FOREIGN KEY ("sender_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_risk_assessments" ADD CONSTRAINT "online_risk_assessments_chat_id_online_chats_id_fk" FOREIGN KEY ("chat_id") REFERENCES "public"."online_chats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_risk_assessments" ADD CONSTRAINT "online_risk_assessments_account_id_online_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."online_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_risk_assessments" ADD CONSTRAINT "online_risk_assessments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_services" ADD CONSTRAINT "online_services_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_sessions" ADD CONSTRAINT "online_sessions_account_id_online_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."online_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_phrases" ADD CONSTRAINT "risk_phrases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_phrases" ADD CONSTRAINT "risk_phrases_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_phrases" ADD CONSTRAINT "risk_phrases_retired_by_users_id_fk" FOREIGN KEY ("retired_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_help_articles" ADD CONSTRAINT "self_help_articles_service_id_online_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."online_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_help_articles" ADD CONSTRAINT "self_help_articles_written_by_users_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_help_articles" ADD CONSTRAINT "self_help_articles_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journal_entries_account_idx" ON "journal_entries" USING btree ("account_id","written_at");--> statement-breakpoint
CREATE INDEX "mood_entries_account_idx" ON "mood_entries" USING btree ("account_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "online_accounts_username_key" ON "online_accounts" USING btree ("username_key");--> statement-breakpoint
CREATE INDEX "online_accounts_service_idx" ON "online_accounts" USING btree ("service_id","signed_up_at");--> statement-breakpoint
CREATE INDEX "online_alerts_open_idx" ON "online_alerts" USING btree ("service_id","acknowledge_by") WHERE "online_alerts"."acknowledged_at" is null;--> statement-breakpoint
CREATE INDEX "online_bookings_account_idx" ON "online_bookings" USING btree ("account_id","starts_at");--> statement-breakpoint
CREATE INDEX "online_bookings_counsellor_idx" ON "online_bookings" USING btree ("counsellor_user_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "online_chat_messages_seq" ON "online_chat_messages" USING btree ("chat_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "online_chat_messages_client" ON "online_chat_messages" USING btree ("chat_id","sender_kind","client_message_id");--> statement-breakpoint
CREATE INDEX "online_chats_queue_idx" ON "online_chats" USING btree ("service_id","status","queued_at");--> statement-breakpoint
CREATE INDEX "online_chats_account_idx" ON "online_chats" USING btree ("account_id","queued_at");--> statement-breakpoint
CREATE INDEX "online_chats_counsellor_idx" ON "online_chats" USING btree ("counsellor_user_id","status");--> statement-breakpoint
CREATE INDEX "online_escalations_chat_idx" ON "online_escalations" USING btree ("chat_id");--> statement-breakpoint
CREATE INDEX "online_goal_ratings_goal_idx" ON "online_goal_ratings" USING btree ("goal_id","rated_at");--> statement-breakpoint
CREATE INDEX "online_goals_account_idx" ON "online_goals" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "online_message_reads_key" ON "online_message_reads" USING btree ("account_id","side");--> statement-breakpoint
CREATE INDEX "online_messages_account_idx" ON "online_messages" USING btree ("account_id","sent_at");--> statement-breakpoint
CREATE INDEX "online_risk_assessments_chat_idx" ON "online_risk_assessments" USING btree ("chat_id");--> statement-breakpoint
CREATE INDEX "online_sessions_account_idx" ON "online_sessions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "risk_phrases_org_idx" ON "risk_phrases" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "self_help_articles_slug" ON "self_help_articles" USING btree ("service_id","slug");--> statement-breakpoint
-- Online support (ADR 0021). A young person's scope names their account; counsellors and duty
-- seniors hold the 'online' scope for their organisation's accounts; journals are the young person's alone.
CREATE FUNCTION lantern_scope_account() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT (lantern_scope()->>'onlineAccountId')::uuid
$$;
--> statement-breakpoint
-- Relies on online_accounts' own policy: true only when the reader may see that account.
CREATE FUNCTION lantern_online_account_visible(account uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM online_accounts WHERE id = account)
$$;
--> statement-breakpoint
ALTER TABLE online_accounts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE online_accounts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY online_accounts_in_scope ON online_accounts FOR SELECT USING (lantern_scope_has('all') OR id = lantern_scope_account() OR (lantern_scope_has('online') AND organisation_id = (lantern_scope()->>'organisationId')::uuid));
--> statement-breakpoint
CREATE POLICY online_accounts_insert ON online_accounts FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
CREATE POLICY online_accounts_update ON online_accounts FOR UPDATE USING (lantern_scope_has('all') OR id = lantern_scope_account() OR (lantern_scope_has('online') AND organisation_id = (lantern_scope()->>'organisationId')::uuid));
--> statement-breakpoint
ALTER TABLE online_bookings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE online_bookings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY online_bookings_in_scope ON online_bookings FOR SELECT USING (lantern_scope_has('all') OR account_id = lantern_scope_account() OR (lantern_scope_has('online') AND lantern_online_account_visible(account_id)));
--> statement-breakpoint
CREATE POLICY online_bookings_insert ON online_bookings FOR INSERT WITH CHECK (lantern_scope_is_set() AND (lantern_scope_account() IS NULL OR account_id = lantern_scope_account()));
--> statement-breakpoint
CREATE POLICY online_bookings_update ON online_bookings FOR UPDATE USING (lantern_scope_has('all') OR account_id = lantern_scope_account() OR (lantern_scope_has('online') AND lantern_online_account_visible(account_id)));
--> statement-breakpoint
ALTER TABLE online_chats ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE online_chats FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY online_chats_in_scope ON online_chats FOR SELECT USING (lantern_scope_has('all') OR account_id = lantern_scope_account() OR (lantern_scope_has('online') AND lantern_online_account_visible(account_id)));
--> statement-breakpoint
CREATE POLICY online_chats_insert ON online_chats FOR INSERT WITH CHECK (lantern_scope_is_set() AND (lantern_scope_account() IS NULL OR account_id = lantern_scope_account()));
--> statement-breakpoint
CREATE POLICY online_chats_update ON online_chats FOR UPDATE USING (lantern_scope_has('all') OR account_id = lantern_scope_account() OR (lantern_scope_has('online') AND lantern_online_account_visible(account_id)));
--> statement-breakpoint
ALTER TABLE online_chat_messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE online_chat_messages FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY online_chat_messages_in_scope ON online_chat_messages FOR SELECT USING (lantern_scope_has('all') OR account_id = lantern_scope_account() OR (lantern_scope_has('online') AND lantern_online_account_visible(account_id)));
--> statement-breakpoint
CREATE POLICY online_chat_messages_insert ON online_chat_messages FOR INSERT WITH CHECK (lantern_scope_is_set() AND (lantern_scope_account() IS NULL OR account_id = lantern_scope_account()));
--> statement-breakpoint
ALTER TABLE online_messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE online_messages FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY online_messages_in_scope ON online_messages FOR SELECT USING (lantern_scope_has('all') OR account_id = lantern_scope_account() OR (lantern_scope_has('online') AND lantern_online_account_visible(account_id)));
--> statement-breakpoint
CREATE POLICY online_messages_insert ON online_messages FOR INSERT WITH CHECK (lantern_scope_is_set() AND (lantern_scope_account() IS NULL OR account_id = lantern_scope_account()));
--> statement-breakpoint
ALTER TABLE online_message_reads ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE online_message_reads FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY online_message_reads_in_scope ON online_message_reads FOR SELECT USING (lantern_scope_has('all') OR account_id = lantern_scope_account() OR (lantern_scope_has('online') AND lantern_online_account_visible(account_id)));
--> statement-breakpoint
CREATE POLICY online_message_reads_insert ON online_message_reads FOR INSERT WITH CHECK (lantern_scope_is_set() AND (lantern_scope_account() IS NULL OR account_id = lantern_scope_account()));
--> statement-breakpoint
CREATE POLICY online_message_reads_update ON online_message_reads FOR UPDATE USING (lantern_scope_has('all') OR account_id = lantern_scope_account() OR (lantern_scope_has('online') AND lantern_online_account_visible(account_id)));
--> statement-breakpoint
ALTER TABLE mood_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mood_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mood_entries_in_scope ON mood_entries FOR SELECT USING (lantern_scope_has('all') OR account_id = lantern_scope_account() OR (lantern_scope_has('online') AND lantern_online_account_visible(account_id)));
--> statement-breakpoint
CREATE POLICY mood_entries_insert ON mood_entries FOR INSERT WITH CHECK (lantern_scope_is_set() AND (lantern_scope_account() IS NULL OR account_id = lantern_scope_account()));
--> statement-breakpoint
ALTER TABLE online_goals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE online_goals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY online_goals_in_scope ON online_goals FOR SELECT USING (lantern_scope_has('all') OR account_id = lantern_scope_account() OR (lantern_scope_has('online') AND lantern_online_account_visible(account_id)));
--> statement-breakpoint
CREATE POLICY online_goals_insert ON online_goals FOR INSERT WITH CHECK (lantern_scope_is_set() AND (lantern_scope_account() IS NULL OR account_id = lantern_scope_account()));
--> statement-breakpoint
CREATE POLICY online_goals_update ON online_goals FOR UPDATE USING (lantern_scope_has('all') OR account_id = lantern_scope_account() OR (lantern_scope_has('online') AND lantern_online_account_visible(account_id)));
--> statement-breakpoint
ALTER TABLE online_goal_ratings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE online_goal_ratings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY online_goal_ratings_in_scope ON online_goal_ratings FOR SELECT USING (lantern_scope_has('all') OR account_id = lantern_scope_account() OR (lantern_scope_has('online') AND lantern_online_account_visible(account_id)));
--> statement-breakpoint
CREATE POLICY online_goal_ratings_insert ON online_goal_ratings FOR INSERT WITH CHECK (lantern_scope_is_set() AND (lantern_scope_account() IS NULL OR account_id = lantern_scope_account()));
--> statement-breakpoint
ALTER TABLE online_risk_assessments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE online_risk_assessments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY online_risk_assessments_in_scope ON online_risk_assessments FOR SELECT USING (lantern_scope_has('all') OR (lantern_scope_has('online') AND lantern_online_account_visible(account_id)));
--> statement-breakpoint
CREATE POLICY online_risk_assessments_insert ON online_risk_assessments FOR INSERT WITH CHECK (lantern_scope_has('all') OR lantern_scope_has('online'));
--> statement-breakpoint
CREATE POLICY online_risk_assessments_update ON online_risk_assessments FOR UPDATE USING (lantern_scope_has('all') OR (lantern_scope_has('online') AND lantern_online_account_visible(account_id)));
--> statement-breakpoint
ALTER TABLE online_escalations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE online_escalations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY online_escalations_in_scope ON online_escalations FOR SELECT USING (lantern_scope_has('all') OR (lantern_scope_has('online') AND lantern_online_account_visible(account_id)));
--> statement-breakpoint
CREATE POLICY online_escalations_insert ON online_escalations FOR INSERT WITH CHECK (lantern_scope_has('all') OR lantern_scope_has('online'));
--> statement-breakpoint
CREATE POLICY online_escalations_update ON online_escalations FOR UPDATE USING (lantern_scope_has('all') OR (lantern_scope_has('online') AND lantern_online_account_visible(account_id)));
--> statement-breakpoint
ALTER TABLE online_alerts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE online_alerts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY online_alerts_in_scope ON online_alerts FOR SELECT USING (lantern_scope_has('all') OR (lantern_scope_has('online') AND lantern_online_account_visible(account_id)));
--> statement-breakpoint
CREATE POLICY online_alerts_insert ON online_alerts FOR INSERT WITH CHECK (lantern_scope_has('all') OR lantern_scope_has('online'));
--> statement-breakpoint
CREATE POLICY online_alerts_update ON online_alerts FOR UPDATE USING (lantern_scope_has('all') OR (lantern_scope_has('online') AND lantern_online_account_visible(account_id)));
--> statement-breakpoint
ALTER TABLE journal_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE journal_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY journal_entries_in_scope ON journal_entries FOR SELECT USING (lantern_scope_has('all') OR account_id = lantern_scope_account());
--> statement-breakpoint
CREATE POLICY journal_entries_insert ON journal_entries FOR INSERT WITH CHECK (lantern_scope_is_set() AND (lantern_scope_account() IS NULL OR account_id = lantern_scope_account()));
--> statement-breakpoint
CREATE POLICY journal_entries_update ON journal_entries FOR UPDATE USING (lantern_scope_has('all') OR account_id = lantern_scope_account());
--> statement-breakpoint
-- Chat and asynchronous messages, mood entries and goal ratings are append-only.
REVOKE UPDATE ON online_chat_messages, online_messages, mood_entries, online_goal_ratings FROM lantern_app;
