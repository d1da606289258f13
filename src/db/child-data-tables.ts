/**
 * Every table that holds a child's data (or who looked at it). Each must have forced row-level
 * security; the catalog test fails if one does not, or if a table with a child or referral column
 * is missing from this list.
 */
export const childDataTables = [
  'children',
  'child_schools',
  'referrals',
  'referral_workers',
  'privacy_alerts',
  'carers',
  'child_links',
  'referral_consents',
  'triage_decisions',
  'mdt_agenda_items',
  'mdt_actions',
  'referral_drafts',
  'outbox_messages',
  'referral_information',
  'allocations',
  'allocation_preferences',
  'breach_alerts',
  'care_contacts',
  'episode_milestones',
  'waiting_pauses',
  'staff_consultations',
  'episodes',
  'assessments',
  'care_plan_goals',
  'onward_referrals',
  'contact_notes',
  'note_sign_offs',
  'questionnaire_links',
  'measure_responses',
  'safeguarding_concerns',
  'safeguarding_actions',
  'subject_access_requests',
];
