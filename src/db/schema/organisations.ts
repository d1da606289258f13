import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

// Owned by the `organisations` area: the ICB, councils, schools by URN, services, teams and the
// service directory. Only src/db/repositories/organisations.repository.ts queries these tables.

export const organisationKind = pgEnum('organisation_kind', [
  'integrated-care-board',
  'local-authority',
  'nhs-trust',
  'voluntary-sector',
  'online-provider',
]);

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: organisationKind('kind').notNull(),
  name: text('name').notNull(),
  /** The name people use, such as "Lantern Vale" for an ICB. */
  shortName: text('short_name'),
  /** ODS code for NHS bodies, GIAS local authority code for councils. */
  code: text('code').notNull().unique(),
  parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id),
  isFictional: boolean('is_fictional').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const schoolPhase = pgEnum('school_phase', [
  'nursery',
  'primary',
  'middle',
  'secondary',
  'all-through',
  'sixteen-plus',
  'special',
  'alternative-provision',
]);

export const schools = pgTable(
  'schools',
  {
    /** Unique Reference Number from Get Information About Schools. */
    urn: integer('urn').primaryKey(),
    name: text('name').notNull(),
    phase: schoolPhase('phase').notNull(),
    localAuthorityId: uuid('local_authority_id')
      .notNull()
      .references(() => organisations.id),
    pupilCount: integer('pupil_count').notNull(),
    lowestAge: smallint('lowest_age').notNull(),
    highestAge: smallint('highest_age').notNull(),
    postcode: text('postcode').notNull(),
    isFictional: boolean('is_fictional').notNull().default(false),
  },
  (t) => [
    index('schools_local_authority_idx').on(t.localAuthorityId),
    check('schools_age_range', sql`${t.lowestAge} <= ${t.highestAge}`),
  ],
);

/** Postcode districts (the part before the space) and the council that covers each. */
export const postcodeDistricts = pgTable('postcode_districts', {
  district: text('district').primaryKey(),
  localAuthorityId: uuid('local_authority_id')
    .notNull()
    .references(() => organisations.id),
});

export const serviceKind = pgEnum('service_kind', [
  'mhst',
  'camhs',
  'early-help',
  'online-support',
  'school-nursing',
  'voluntary-sector',
  'crisis',
]);

export const services = pgTable('services', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  kind: serviceKind('kind').notNull(),
  providerId: uuid('provider_id')
    .notNull()
    .references(() => organisations.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    name: text('name').notNull(),
    /** MHSTs have a base in one school and work across several. */
    baseSchoolUrn: integer('base_school_urn').references(() => schools.urn),
  },
  (t) => [index('teams_service_idx').on(t.serviceId)],
);

export const teamSchools = pgTable(
  'team_schools',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    schoolUrn: integer('school_urn')
      .notNull()
      .references(() => schools.urn),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.schoolUrn] }), index('team_schools_school_idx').on(t.schoolUrn)],
);

export const coverageKind = pgEnum('coverage_kind', ['whole-area', 'local-authorities', 'schools']);

/** What the public "Find support" pages say about a service, and who it is for. */
export const directoryEntries = pgTable(
  'directory_entries',
  {
    serviceId: uuid('service_id')
      .primaryKey()
      .references(() => services.id),
    summary: text('summary').notNull(),
    whoFor: text('who_for').notNull(),
    ageMin: smallint('age_min').notNull(),
    ageMax: smallint('age_max').notNull(),
    coverage: coverageKind('coverage').notNull(),
    thriveGroupings: text('thrive_groupings').array().notNull(),
    presentingNeeds: text('presenting_needs').array().notNull(),
    acceptsSelfReferral: boolean('accepts_self_referral').notNull(),
    selfReferralMinAge: smallint('self_referral_min_age'),
    referralRoutes: text('referral_routes').array().notNull(),
    howToGetHelp: text('how_to_get_help').notNull(),
    phone: text('phone'),
    website: text('website'),
    dropIn: text('drop_in'),
    notFor: text('not_for').notNull(),
    /** A risk exclusion: not for someone at risk of serious harm now (they need urgent help first). */
    excludesCurrentRisk: boolean('excludes_current_risk').notNull().default(false),
    isPublished: boolean('is_published').notNull().default(true),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('directory_entries_age_range', sql`${t.ageMin} <= ${t.ageMax}`),
    index('directory_entries_needs_idx').using('gin', t.presentingNeeds),
  ],
);

/** Councils a service covers when its coverage is `local-authorities`. */
export const directoryEntryAreas = pgTable(
  'directory_entry_areas',
  {
    serviceId: uuid('service_id')
      .notNull()
      .references(() => directoryEntries.serviceId),
    localAuthorityId: uuid('local_authority_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.localAuthorityId] })],
);

/** Opening hours: one row per day and session; times are Europe/London wall-clock times. */
export const openingHours = pgTable(
  'opening_hours',
  {
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    /** ISO day of week: 1 Monday to 7 Sunday. */
    dayOfWeek: smallint('day_of_week').notNull(),
    opens: time('opens').notNull(),
    closes: time('closes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.dayOfWeek, t.opens] }),
    check('opening_hours_day', sql`${t.dayOfWeek} between 1 and 7`),
    // A session past midnight is two rows; 00:00 as the closing time means midnight.
    check('opening_hours_order', sql`${t.closes} > ${t.opens} or ${t.closes} = '00:00'`),
  ],
);
