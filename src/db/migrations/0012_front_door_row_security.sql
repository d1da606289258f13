-- Forced row-level security on the front door's tables that hold a child's data (see 0006): a row
-- is visible when the child or referral it belongs to is, so the referrals_in_scope policy decides.
CREATE FUNCTION lantern_referral_visible(referral uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM referrals r WHERE r.id = referral)
$$;
--> statement-breakpoint
CREATE FUNCTION lantern_child_visible(child uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM children c WHERE c.id = child)
$$;
--> statement-breakpoint
ALTER TABLE carers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE carers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY carers_in_scope ON carers FOR SELECT USING (lantern_scope_has('all') OR lantern_child_visible(child_id));
--> statement-breakpoint
CREATE POLICY carers_insert ON carers FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
CREATE POLICY carers_update ON carers FOR UPDATE USING (lantern_scope_has('all') OR lantern_child_visible(child_id));
--> statement-breakpoint
ALTER TABLE child_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE child_links FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY child_links_in_scope ON child_links FOR SELECT USING (
  lantern_scope_has('all') OR lantern_child_visible(surviving_child_id) OR lantern_child_visible(merged_child_id)
);
--> statement-breakpoint
CREATE POLICY child_links_insert ON child_links FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
CREATE POLICY child_links_update ON child_links FOR UPDATE USING (
  lantern_scope_has('all') OR lantern_child_visible(surviving_child_id) OR lantern_child_visible(merged_child_id)
);
--> statement-breakpoint
ALTER TABLE referral_consents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE referral_consents FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY referral_consents_in_scope ON referral_consents FOR SELECT USING (lantern_scope_has('all') OR lantern_referral_visible(referral_id));
--> statement-breakpoint
CREATE POLICY referral_consents_insert ON referral_consents FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
CREATE POLICY referral_consents_update ON referral_consents FOR UPDATE USING (lantern_scope_has('all') OR lantern_referral_visible(referral_id));
--> statement-breakpoint
ALTER TABLE triage_decisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE triage_decisions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY triage_decisions_in_scope ON triage_decisions FOR SELECT USING (lantern_scope_has('all') OR lantern_referral_visible(referral_id));
--> statement-breakpoint
CREATE POLICY triage_decisions_insert ON triage_decisions FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
CREATE POLICY triage_decisions_update ON triage_decisions FOR UPDATE USING (lantern_scope_has('all') OR lantern_referral_visible(referral_id));
--> statement-breakpoint
ALTER TABLE mdt_agenda_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mdt_agenda_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mdt_agenda_items_in_scope ON mdt_agenda_items FOR SELECT USING (lantern_scope_has('all') OR lantern_referral_visible(referral_id));
--> statement-breakpoint
CREATE POLICY mdt_agenda_items_insert ON mdt_agenda_items FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
CREATE POLICY mdt_agenda_items_update ON mdt_agenda_items FOR UPDATE USING (lantern_scope_has('all') OR lantern_referral_visible(referral_id));
--> statement-breakpoint
ALTER TABLE mdt_actions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mdt_actions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mdt_actions_in_scope ON mdt_actions FOR SELECT USING (lantern_scope_has('all') OR lantern_referral_visible(referral_id));
--> statement-breakpoint
CREATE POLICY mdt_actions_insert ON mdt_actions FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
CREATE POLICY mdt_actions_update ON mdt_actions FOR UPDATE USING (lantern_scope_has('all') OR lantern_referral_visible(referral_id));
--> statement-breakpoint
-- A draft is its author's alone.
ALTER TABLE referral_drafts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE referral_drafts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY referral_drafts_own ON referral_drafts FOR ALL
  USING (lantern_scope_has('all') OR owner_user_id = lantern_scope_user())
  WITH CHECK (owner_user_id = lantern_scope_user());
--> statement-breakpoint
-- Messages hold contact details: only the dispatcher (a system scope) reads or updates them.
ALTER TABLE outbox_messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE outbox_messages FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY outbox_messages_system ON outbox_messages FOR SELECT USING (lantern_scope_has('all'));
--> statement-breakpoint
CREATE POLICY outbox_messages_insert ON outbox_messages FOR INSERT WITH CHECK (lantern_scope_is_set());
--> statement-breakpoint
CREATE POLICY outbox_messages_dispatch ON outbox_messages FOR UPDATE USING (lantern_scope_has('all'));
