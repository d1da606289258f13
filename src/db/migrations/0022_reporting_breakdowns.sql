ALTER TABLE "children" ADD COLUMN "special_educational_needs" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "lgbt_plus" text;