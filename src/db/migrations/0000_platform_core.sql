CREATE TYPE "public"."coverage_kind" AS ENUM('whole-area', 'local-authorities', 'schools');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('integrated-care-board', 'local-authority', 'nhs-trust', 'voluntary-sector', 'online-provider');--> statement-breakpoint
CREATE TYPE "public"."school_phase" AS ENUM('nursery', 'primary', 'middle', 'secondary', 'all-through', 'sixteen-plus', 'special', 'alternative-provision');--> statement-breakpoint
CREATE TYPE "public"."service_kind" AS ENUM('mhst', 'camhs', 'early-help', 'online-support', 'school-nursing', 'voluntary-sector', 'crisis');--> statement-breakpoint
CREATE TABLE "user_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"team_id" uuid,
	"school_urn" integer,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "directory_entries" (
	"service_id" uuid PRIMARY KEY NOT NULL,
	"summary" text NOT NULL,
	"who_for" text NOT NULL,
	"age_min" smallint NOT NULL,
	"age_max" smallint NOT NULL,
	"coverage" "coverage_kind" NOT NULL,
	"thrive_groupings" text[] NOT NULL,
	"presenting_needs" text[] NOT NULL,
	"accepts_self_referral" boolean NOT NULL,
	"self_referral_min_age" smallint,
	"referral_routes" text[] NOT NULL,
	"how_to_get_help" text NOT NULL,
	"phone" text,
	"website" text,
	"drop_in" text,
	"not_for" text NOT NULL,
	"is_published" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "directory_entries_age_range" CHECK ("directory_entries"."age_min" <= "directory_entries"."age_max")
);
--> statement-breakpoint
CREATE TABLE "directory_entry_areas" (
	"service_id" uuid NOT NULL,
	"local_authority_id" uuid NOT NULL,
	CONSTRAINT "directory_entry_areas_service_id_local_authority_id_pk" PRIMARY KEY("service_id","local_authority_id")
);
--> statement-breakpoint
CREATE TABLE "opening_hours" (
	"service_id" uuid NOT NULL,
	"day_of_week" smallint NOT NULL,
	"opens" time NOT NULL,
	"closes" time NOT NULL,
	CONSTRAINT "opening_hours_service_id_day_of_week_opens_pk" PRIMARY KEY("service_id","day_of_week","opens"),
	CONSTRAINT "opening_hours_day" CHECK ("opening_hours"."day_of_week" between 1 and 7),
	CONSTRAINT "opening_hours_order" CHECK ("opening_hours"."closes" > "opening_hours"."opens" or "opening_hours"."closes" = '00:00')
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"code" text NOT NULL,
	"parent_id" uuid,
	"is_fictional" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "postcode_districts" (
	"district" text PRIMARY KEY NOT NULL,
	"local_authority_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schools" (
	"urn" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"phase" "school_phase" NOT NULL,
	"local_authority_id" uuid NOT NULL,
	"pupil_count" integer NOT NULL,
	"lowest_age" smallint NOT NULL,
	"highest_age" smallint NOT NULL,
	"postcode" text NOT NULL,
	"is_fictional" boolean DEFAULT false NOT NULL,
	CONSTRAINT "schools_age_range" CHECK ("schools"."lowest_age" <= "schools"."highest_age")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" "service_kind" NOT NULL,
	"provider_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "team_schools" (
	"team_id" uuid NOT NULL,
	"school_urn" integer NOT NULL,
	CONSTRAINT "team_schools_team_id_school_urn_pk" PRIMARY KEY("team_id","school_urn")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"name" text NOT NULL,
	"base_school_urn" integer
);
--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_school_urn_schools_urn_fk" FOREIGN KEY ("school_urn") REFERENCES "public"."schools"("urn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_entries" ADD CONSTRAINT "directory_entries_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_entry_areas" ADD CONSTRAINT "directory_entry_areas_service_id_directory_entries_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_entries"("service_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_entry_areas" ADD CONSTRAINT "directory_entry_areas_local_authority_id_organisations_id_fk" FOREIGN KEY ("local_authority_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_hours" ADD CONSTRAINT "opening_hours_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_id_organisations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postcode_districts" ADD CONSTRAINT "postcode_districts_local_authority_id_organisations_id_fk" FOREIGN KEY ("local_authority_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_local_authority_id_organisations_id_fk" FOREIGN KEY ("local_authority_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_schools" ADD CONSTRAINT "team_schools_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_schools" ADD CONSTRAINT "team_schools_school_urn_schools_urn_fk" FOREIGN KEY ("school_urn") REFERENCES "public"."schools"("urn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_base_school_urn_schools_urn_fk" FOREIGN KEY ("base_school_urn") REFERENCES "public"."schools"("urn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_roles_user_idx" ON "user_roles" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "directory_entries_needs_idx" ON "directory_entries" USING gin ("presenting_needs");--> statement-breakpoint
CREATE INDEX "schools_local_authority_idx" ON "schools" USING btree ("local_authority_id");--> statement-breakpoint
CREATE INDEX "team_schools_school_idx" ON "team_schools" USING btree ("school_urn");--> statement-breakpoint
CREATE INDEX "teams_service_idx" ON "teams" USING btree ("service_id");