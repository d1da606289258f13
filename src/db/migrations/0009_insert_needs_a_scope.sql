-- Inserting a child's data needs a scope that reaches something: a signed-in person with a role
-- that reads records, or a system scope. An anonymous request's empty scope is not enough.
CREATE FUNCTION lantern_scope_is_set() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_array_length(lantern_scope()->'kinds') > 0, false)
$$;
--> statement-breakpoint
ALTER POLICY referrals_insert ON referrals WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
ALTER POLICY children_insert ON children WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
ALTER POLICY child_schools_insert ON child_schools WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
ALTER POLICY referral_workers_insert ON referral_workers WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
ALTER POLICY privacy_alerts_insert ON privacy_alerts WITH CHECK (lantern_scope_is_set());
