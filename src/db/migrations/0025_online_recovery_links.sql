CREATE TABLE "online_recovery_links" (
	"secret_hash" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"sent_to" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "online_recovery_links" ADD CONSTRAINT "online_recovery_links_account_id_online_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."online_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "online_recovery_links_account_idx" ON "online_recovery_links" USING btree ("account_id","created_at");