-- Hardening the front door's row-level security after review (ADR 0011).

-- A referral accepted to another service leaves the triage clinician's scope: the changed row need
-- not stay visible to them, as long as they could change it (USING, unchanged).
ALTER POLICY referrals_update ON referrals WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
-- Everyone who may refer sees the referrals they made, whatever their role's own scope (a CAMHS
-- clinician's or an early help worker's referral lands in the intake team, outside their team).
ALTER POLICY referrals_in_scope ON referrals USING (
  lantern_scope_has('all')
  OR (lantern_scope_user() IS NOT NULL AND referrer_user_id = lantern_scope_user())
  OR (lantern_scope_has('school') AND school_urn = ANY (lantern_scope_ints('schoolUrns')))
  OR (lantern_scope_has('caseload') AND (allocated_user_id = lantern_scope_user() OR lead_worker_user_id = lantern_scope_user()))
  OR (lantern_scope_has('team') AND team_id = ANY (lantern_scope_uuids('teamIds')))
  OR (lantern_scope_has('service') AND service_id = ANY (lantern_scope_uuids('serviceIds')))
  OR (lantern_scope_has('organisation') AND organisation_id = (lantern_scope()->>'organisationId')::uuid)
  OR id = ANY (lantern_scope_uuids('breakGlass'))
);
--> statement-breakpoint
-- The relationships that may read and change clinical detail: not the referrer's own-referrals
-- scope, and not a school's. Invoker rights, so the referrals_in_scope policy applies as well.
CREATE FUNCTION lantern_referral_clinical(referral uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral AND (
    lantern_scope_has('all')
    OR (lantern_scope_has('caseload') AND (r.allocated_user_id = lantern_scope_user() OR r.lead_worker_user_id = lantern_scope_user()))
    OR (lantern_scope_has('team') AND r.team_id = ANY (lantern_scope_uuids('teamIds')))
    OR (lantern_scope_has('service') AND r.service_id = ANY (lantern_scope_uuids('serviceIds')))
    OR (lantern_scope_has('organisation') AND r.organisation_id = (lantern_scope()->>'organisationId')::uuid)
    OR r.id = ANY (lantern_scope_uuids('breakGlass'))
  ))
$$;
--> statement-breakpoint
CREATE FUNCTION lantern_child_clinical(child uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM referrals r WHERE r.child_id = child AND lantern_referral_clinical(r.id))
$$;
--> statement-breakpoint
-- Clinical rows are read only by clinical scopes; referrers read decisions through their service.
ALTER POLICY carers_in_scope ON carers USING (lantern_scope_has('all') OR lantern_child_clinical(child_id));
--> statement-breakpoint
ALTER POLICY referral_consents_in_scope ON referral_consents USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
ALTER POLICY triage_decisions_in_scope ON triage_decisions USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
ALTER POLICY mdt_agenda_items_in_scope ON mdt_agenda_items USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
ALTER POLICY mdt_actions_in_scope ON mdt_actions USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
ALTER POLICY referral_information_in_scope ON referral_information USING (lantern_scope_has('all') OR lantern_referral_clinical(referral_id));
--> statement-breakpoint
-- Decisions, consents, carers, actions and answers are rows that are never changed.
DROP POLICY carers_update ON carers;
--> statement-breakpoint
DROP POLICY referral_consents_update ON referral_consents;
--> statement-breakpoint
DROP POLICY triage_decisions_update ON triage_decisions;
--> statement-breakpoint
DROP POLICY mdt_actions_update ON mdt_actions;
--> statement-breakpoint
REVOKE UPDATE ON carers, referral_consents, triage_decisions, mdt_actions, referral_information FROM lantern_app;
--> statement-breakpoint
-- A shared MDT decision is recorded by a clinical scope; a merge is undone under a system scope.
ALTER POLICY mdt_agenda_items_update ON mdt_agenda_items
  USING (lantern_referral_clinical(referral_id)) WITH CHECK (lantern_referral_clinical(referral_id));
--> statement-breakpoint
ALTER POLICY child_links_update ON child_links USING (lantern_scope_has('all'));
--> statement-breakpoint
-- Inserts only for rows the scope may reach.
ALTER POLICY triage_decisions_insert ON triage_decisions WITH CHECK (lantern_referral_clinical(referral_id));
--> statement-breakpoint
ALTER POLICY mdt_agenda_items_insert ON mdt_agenda_items WITH CHECK (lantern_referral_clinical(referral_id));
--> statement-breakpoint
ALTER POLICY mdt_actions_insert ON mdt_actions WITH CHECK (lantern_referral_clinical(referral_id));
--> statement-breakpoint
ALTER POLICY referral_consents_insert ON referral_consents WITH CHECK (lantern_scope_has('all') OR lantern_referral_visible(referral_id));
--> statement-breakpoint
ALTER POLICY carers_insert ON carers WITH CHECK (lantern_scope_has('all') OR lantern_child_visible(child_id));
--> statement-breakpoint
ALTER POLICY referral_information_insert ON referral_information WITH CHECK (lantern_scope_has('all'));
--> statement-breakpoint
ALTER POLICY child_links_insert ON child_links WITH CHECK (lantern_scope_has('all'));
--> statement-breakpoint
-- Ending a lead worker's spell: a clinical scope, and only the end time may change.
CREATE POLICY referral_workers_update ON referral_workers FOR UPDATE
  USING (lantern_referral_clinical(referral_id)) WITH CHECK (lantern_referral_clinical(referral_id));
--> statement-breakpoint
REVOKE UPDATE ON referral_workers FROM lantern_app;
--> statement-breakpoint
GRANT UPDATE (ended_at) ON referral_workers TO lantern_app;
--> statement-breakpoint
-- A drafts' reader is its author, never a system scope.
ALTER POLICY referral_drafts_own ON referral_drafts USING (owner_user_id = lantern_scope_user());
--> statement-breakpoint
-- One agenda item per referral per meeting; one standing merge per pair of records.
CREATE UNIQUE INDEX mdt_agenda_items_once ON mdt_agenda_items (meeting_id, referral_id);
--> statement-breakpoint
CREATE UNIQUE INDEX child_links_standing ON child_links (least(surviving_child_id, merged_child_id), greatest(surviving_child_id, merged_child_id)) WHERE undone_at IS NULL;
