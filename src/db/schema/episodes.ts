import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { organisations, schools, teams } from './organisations.js';
import { referrals } from './referrals.js';

// Owned by the `casework` area (with casework.ts): the episode of care opened on allocation, its
// assessments, care-plan goals, group therapy sessions, onward referrals, contact notes and their
// sign-off, and the supervision log. Tables with a referral column hold a child's data: forced
// row-level security (migration 0017), listed in childDataTables.

/**
 * One episode of care per referral, opened when it is allocated (MHSDS: the referral's service
 * episode). Closed by a step up, a step down or a discharge; the row is kept.
 */
export const episodes = pgTable(
  'episodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    openedBy: uuid('opened_by')
      .notNull()
      .references(() => users.id),
    /** `interventionCodes` in domain/casework: guided self-help for anxiety, parent-led work, a group programme... */
    intervention: text('intervention'),
    interventionChosenAt: timestamp('intervention_chosen_at', { withTimezone: true }),
    /** open, stepped-up, stepped-down, discharged */
    status: text('status').notNull().default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    /** Why it closed (`dischargeReasons`), and how it went (`dischargeOutcomes`). */
    closeReason: text('close_reason'),
    closeOutcome: text('close_outcome'),
    closeSummary: text('close_summary'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('episodes_one_per_referral').on(t.referralId),
    index('episodes_status_idx').on(t.status),
  ],
);

/**
 * An assessment: presenting problems, risk with its level, and the safety plan agreed. Rows are
 * never changed: a reassessment is a new row, and the newest is the one in force.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull(),
    presentingProblems: text('presenting_problems').array().notNull().default([]),
    summary: text('summary').notNull().default(''),
    /** low, medium, high */
    riskLevel: text('risk_level').notNull(),
    riskDetail: text('risk_detail').notNull().default(''),
    safetyPlan: text('safety_plan').notNull().default(''),
    /** Told to us by the young person expecting it would not be shared with their parents. */
    inConfidence: boolean('in_confidence').notNull().default(false),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('assessments_referral_idx').on(t.referralId, t.assessedAt)],
);

/** A care-plan goal in the young person's words; its status changes, so it has a version. */
export const carePlanGoals = pgTable(
  'care_plan_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    goal: text('goal').notNull(),
    agreedAt: timestamp('agreed_at', { withTimezone: true }).notNull(),
    /** active, achieved, stopped */
    status: text('status').notNull().default('active'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('care_plan_goals_referral_idx').on(t.referralId)],
);

/**
 * A group therapy session with known attendees (DOMAIN.md "Group work"): recorded once here and as
 * a `group-therapy` care contact in each young person's record. Holds no child's data itself.
 */
export const groupTherapySessions = pgTable(
  'group_therapy_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    schoolUrn: integer('school_urn').references(() => schools.urn),
    programme: text('programme').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    facilitatorUserId: uuid('facilitator_user_id')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('group_therapy_sessions_team_idx').on(t.teamId, t.startsAt)],
);

/** A step up, step down or onward referral (MHSDS MHS105OnwardReferral): history is kept. */
export const onwardReferrals = pgTable(
  'onward_referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    /** step-up, step-down, onward */
    direction: text('direction').notNull(),
    /** The service referred on to, in words (for example "Community CAMHS"). */
    serviceName: text('service_name').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    reason: text('reason').notNull(),
    referredAt: timestamp('referred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('onward_referrals_referral_idx').on(t.referralId)],
);

/**
 * Contact notes, append-only (the app role cannot update them): each row is one version of a note;
 * a correction is a new row with the same `noteId`, the next `version` and the reason.
 */
export const contactNotes = pgTable(
  'contact_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noteId: uuid('note_id').notNull(),
    version: integer('version').notNull(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    contactId: uuid('contact_id'),
    body: text('body').notNull(),
    correctionReason: text('correction_reason'),
    inConfidence: boolean('in_confidence').notNull().default(false),
    writtenAt: timestamp('written_at', { withTimezone: true }).notNull(),
    writtenBy: uuid('written_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    uniqueIndex('contact_notes_note_version').on(t.noteId, t.version),
    index('contact_notes_referral_idx').on(t.referralId, t.writtenAt),
    index('contact_notes_writer_idx').on(t.writtenBy, t.writtenAt),
  ],
);

/** A supervisor's sign-off of one version of a note. Append-only. */
export const noteSignOffs = pgTable(
  'note_sign_offs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noteId: uuid('note_id').notNull(),
    version: integer('version').notNull(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    signedBy: uuid('signed_by')
      .notNull()
      .references(() => users.id),
    comment: text('comment').notNull().default(''),
  },
  (t) => [
    uniqueIndex('note_sign_offs_one').on(t.noteId, t.version),
    index('note_sign_offs_referral_idx').on(t.referralId),
  ],
);

/**
 * The supervision log: one row per supervision session a practitioner had. No child is named here;
 * cases are counted, and case decisions go in each young person's notes. Append-only.
 */
export const supervisionSessions = pgTable(
  'supervision_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practitionerUserId: uuid('practitioner_user_id')
      .notNull()
      .references(() => users.id),
    supervisorUserId: uuid('supervisor_user_id')
      .notNull()
      .references(() => users.id),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    /** case-management, clinical-skills, wellbeing */
    kind: text('kind').notNull(),
    casesDiscussed: integer('cases_discussed').notNull().default(0),
    summary: text('summary').notNull().default(''),
    actions: text('actions').notNull().default(''),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index('supervision_sessions_practitioner_idx').on(t.practitionerUserId, t.heldAt),
    index('supervision_sessions_supervisor_idx').on(t.supervisorUserId, t.heldAt),
  ],
);
