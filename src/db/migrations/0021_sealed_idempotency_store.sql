-- Responses kept so far may hold a child's data in the clear (ADR 0022): they are dropped, not
-- converted, because they cannot be sealed without the caller's key. A retry of a request made
-- before this migration is then handled as a new request.
DELETE FROM "idempotency_keys";--> statement-breakpoint
ALTER TABLE "idempotency_keys" DROP CONSTRAINT "idempotency_keys_owner_key";--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "key_hash" text NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "sealed_response" text;--> statement-breakpoint
ALTER TABLE "idempotency_keys" DROP COLUMN "key";--> statement-breakpoint
ALTER TABLE "idempotency_keys" DROP COLUMN "response_body";--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_owner_key_hash" UNIQUE("owner","key_hash");