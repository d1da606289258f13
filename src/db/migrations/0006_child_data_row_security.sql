-- Row-level security on every table holding a child's data: the database's own check of the
-- record scope the app works out per request (src/access/scope.ts). The app sets the scope as JSON
-- in `lantern.scope` for the transaction; with none set, nothing is visible.
CREATE FUNCTION lantern_scope() RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('lantern.scope', true), ''), '{}')::jsonb
$$;
--> statement-breakpoint
CREATE FUNCTION lantern_scope_has(kind text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(lantern_scope()->'kinds' ? kind, false)
$$;
--> statement-breakpoint
CREATE FUNCTION lantern_scope_user() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT (lantern_scope()->>'userId')::uuid
$$;
--> statement-breakpoint
CREATE FUNCTION lantern_scope_uuids(key text) RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array(SELECT jsonb_array_elements_text(coalesce(lantern_scope()->key, '[]'))::uuid), '{}')
$$;
--> statement-breakpoint
CREATE FUNCTION lantern_scope_ints(key text) RETURNS integer[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array(SELECT jsonb_array_elements_text(coalesce(lantern_scope()->key, '[]'))::integer), '{}')
$$;
--> statement-breakpoint
ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE referrals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY referrals_in_scope ON referrals FOR SELECT USING (
  lantern_scope_has('all')
  OR (lantern_scope_has('own-referrals') AND referrer_user_id = lantern_scope_user())
  OR (lantern_scope_has('school') AND school_urn = ANY (lantern_scope_ints('schoolUrns')))
  OR (lantern_scope_has('caseload') AND (allocated_user_id = lantern_scope_user() OR lead_worker_user_id = lantern_scope_user()))
  OR (lantern_scope_has('team') AND team_id = ANY (lantern_scope_uuids('teamIds')))
  OR (lantern_scope_has('service') AND service_id = ANY (lantern_scope_uuids('serviceIds')))
  OR (lantern_scope_has('organisation') AND organisation_id = (lantern_scope()->>'organisationId')::uuid)
  OR id = ANY (lantern_scope_uuids('breakGlass'))
);
--> statement-breakpoint
CREATE POLICY referrals_insert ON referrals FOR INSERT WITH CHECK (lantern_scope() <> '{}'::jsonb);
--> statement-breakpoint
CREATE POLICY referrals_update ON referrals FOR UPDATE USING (
  lantern_scope_has('all')
  OR (lantern_scope_has('team') AND team_id = ANY (lantern_scope_uuids('teamIds')))
  OR (lantern_scope_has('service') AND service_id = ANY (lantern_scope_uuids('serviceIds')))
  OR (lantern_scope_has('caseload') AND allocated_user_id = lantern_scope_user())
);
--> statement-breakpoint
ALTER TABLE children ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE children FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A child is visible when one of their referrals is (that subquery is itself under RLS).
CREATE POLICY children_in_scope ON children FOR SELECT USING (
  lantern_scope_has('all') OR EXISTS (SELECT 1 FROM referrals r WHERE r.child_id = children.id)
);
--> statement-breakpoint
CREATE POLICY children_insert ON children FOR INSERT WITH CHECK (lantern_scope() <> '{}'::jsonb);
--> statement-breakpoint
CREATE POLICY children_update ON children FOR UPDATE USING (
  lantern_scope_has('all') OR EXISTS (SELECT 1 FROM referrals r WHERE r.child_id = children.id)
);
--> statement-breakpoint
ALTER TABLE child_schools ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE child_schools FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY child_schools_in_scope ON child_schools FOR SELECT USING (
  lantern_scope_has('all') OR EXISTS (SELECT 1 FROM children c WHERE c.id = child_schools.child_id)
);
--> statement-breakpoint
CREATE POLICY child_schools_insert ON child_schools FOR INSERT WITH CHECK (lantern_scope() <> '{}'::jsonb);
--> statement-breakpoint
ALTER TABLE referral_workers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE referral_workers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY referral_workers_in_scope ON referral_workers FOR SELECT USING (
  lantern_scope_has('all') OR user_id = lantern_scope_user()
  OR EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral_workers.referral_id)
);
--> statement-breakpoint
CREATE POLICY referral_workers_insert ON referral_workers FOR INSERT WITH CHECK (lantern_scope() <> '{}'::jsonb);
--> statement-breakpoint
-- Privacy alerts name who opened which record: only the privacy officer's requests read them.
ALTER TABLE privacy_alerts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE privacy_alerts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY privacy_alerts_read ON privacy_alerts FOR SELECT USING (lantern_scope_has('privacy'));
--> statement-breakpoint
CREATE POLICY privacy_alerts_insert ON privacy_alerts FOR INSERT WITH CHECK (lantern_scope() <> '{}'::jsonb);
--> statement-breakpoint
CREATE POLICY privacy_alerts_review ON privacy_alerts FOR UPDATE USING (lantern_scope_has('privacy'));
