import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Owned by the `reporting` area (issue 8, docs/adr draft "reporting rollups"). Rollup tables kept by
// jobs (services/reporting/rollup.ts); reports read only these, never the live case tables. Nothing
// here names or identifies a child, except report_people.subject_id, which never leaves the
// database: that table has forced row-level security visible to the system scope only
// (migration 0023) and is listed in childDataTables.

/**
 * The dimensions every rollup row carries: a code, '' when not recorded or not applicable, '*'
 * when the row adds up every value (domain/reporting/dimensions.ts).
 */
const dimensions = () => ({
  icb: text('icb').notNull(),
  localAuthority: text('local_authority').notNull(),
  team: text('team').notNull(),
  school: text('school').notNull(),
  ageBand: text('age_band').notNull(),
  gender: text('gender').notNull(),
  ethnicity: text('ethnicity').notNull(),
  sen: text('sen').notNull(),
  lgbt: text('lgbt').notNull(),
});

/**
 * Counts and histograms per period (month, quarter, financial year) for every combination of at
 * most two dimensions (the cuboid, such as 'school+gender'; '' for the whole). A histogram measure
 * has one row per bucket (a whole day or minute); a count uses bucket 0.
 */
export const reportCounts = pgTable(
  'report_counts',
  {
    periodKind: text('period_kind').notNull(),
    periodStart: date('period_start').notNull(),
    cuboid: text('cuboid').notNull(),
    measure: text('measure').notNull(),
    ...dimensions(),
    bucket: integer('bucket').notNull().default(0),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [
    // One index serves both the upserts and the dashboard's read (one cuboid, a few measures, six
    // periods): a second index would double the cost of every rollup write.
    uniqueIndex('report_counts_key').on(
      t.periodKind,
      t.cuboid,
      t.measure,
      t.periodStart,
      t.icb,
      t.localAuthority,
      t.team,
      t.school,
      t.ageBand,
      t.gender,
      t.ethnicity,
      t.sen,
      t.lgbt,
      t.bucket,
    ),
  ],
);

/**
 * One day's contribution at full detail (every dimension), kept for recent days so the day's
 * rollup can be run again and again: the difference from what was last counted is what is added.
 */
export const reportDayFacts = pgTable(
  'report_day_facts',
  {
    day: date('day').notNull(),
    measure: text('measure').notNull(),
    ...dimensions(),
    bucket: integer('bucket').notNull().default(0),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('report_day_facts_key').on(
      t.day,
      t.measure,
      t.icb,
      t.localAuthority,
      t.team,
      t.school,
      t.ageBand,
      t.gender,
      t.ethnicity,
      t.sen,
      t.lgbt,
      t.bucket,
    ),
  ],
);

/**
 * Distinct people per period (children seen once or twice, young people using online support):
 * these cannot be added up from days, so each person's number of events in the period is kept,
 * and a count changes when a person's number crosses 1 or 2. `subject_id` is a child or online
 * account id: it never leaves the database.
 */
export const reportPeople = pgTable(
  'report_people',
  {
    measure: text('measure').notNull(),
    periodKind: text('period_kind').notNull(),
    periodStart: date('period_start').notNull(),
    subjectId: uuid('subject_id').notNull(),
    ...dimensions(),
    value: integer('value').notNull(),
  },
  (t) => [
    uniqueIndex('report_people_key').on(
      t.measure,
      t.periodKind,
      t.periodStart,
      t.subjectId,
      t.icb,
      t.localAuthority,
      t.team,
      t.school,
      t.ageBand,
      t.gender,
      t.ethnicity,
      t.sen,
      t.lgbt,
    ),
  ],
);

/** The day each period's snapshot figures (waiting list, schools covered) were taken at. */
export const reportSnapshots = pgTable(
  'report_snapshots',
  {
    periodKind: text('period_kind').notNull(),
    periodStart: date('period_start').notNull(),
    asOf: date('as_of').notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodKind, t.periodStart] })],
);

/**
 * Each rollup run: a full rebuild or one day's; reports show when the last one finished. A day's
 * rollup runs every five minutes, so the table grows by hundreds of rows a day: both lookups are
 * indexed (the latest finish, and the latest full rebuild).
 */
export const reportRuns = pgTable(
  'report_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** full, day */
    kind: text('kind').notNull(),
    day: date('day'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
    rows: integer('rows').notNull(),
    /** For a full rebuild, what the rollups it built hold (ROLLUP_SHAPE): another shape needs a rebuild. */
    shape: text('shape'),
  },
  (t) => [
    index('report_runs_finished_at').on(t.finishedAt),
    index('report_runs_kind_started_at').on(t.kind, t.startedAt),
  ],
);
