CREATE TABLE "referral_information" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"decision_id" uuid,
	"answer" text NOT NULL,
	"given_by" uuid NOT NULL,
	"given_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "directory_entries" ADD COLUMN "excludes_current_risk" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "referral_consents" ADD COLUMN "young_person_agrees" text;--> statement-breakpoint
ALTER TABLE "referral_information" ADD CONSTRAINT "referral_information_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_information" ADD CONSTRAINT "referral_information_decision_id_triage_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."triage_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_information" ADD CONSTRAINT "referral_information_given_by_users_id_fk" FOREIGN KEY ("given_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_information_referral_idx" ON "referral_information" USING btree ("referral_id");--> statement-breakpoint
ALTER TABLE referral_information ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE referral_information FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY referral_information_in_scope ON referral_information FOR SELECT USING (lantern_scope_has('all') OR lantern_referral_visible(referral_id));
--> statement-breakpoint
CREATE POLICY referral_information_insert ON referral_information FOR INSERT WITH CHECK (lantern_scope_is_set());
