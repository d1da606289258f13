import { sql } from 'drizzle-orm';
import type { LanternDb } from '../../db/client.js';
import * as facts from '../../db/repositories/reporting-facts.repository.js';
import type { Instrument } from '../../domain/measures/instrument.js';
import { shippedInstruments } from '../../domain/measures/shipped.js';
import { confidenceFacts } from '../../domain/reporting/confidence-facts.js';
import { onlineFacts } from '../../domain/reporting/online-facts.js';
import { outcomeFacts } from '../../domain/reporting/outcome-facts.js';
import { instrumentsOf } from '../measures/instruments.js';

// Filling the temporary fact tables for a range of days, the same way for the rollup jobs and for
// the base-table figures, so the two can only differ in how they add up.

/**
 * Outcome facts (closed episodes, paired by domain/measures) and school staff confidence facts
 * (by domain/schools), worked out in TypeScript so the scoring rules are the domain's own.
 */
async function insertOutcomeAndConfidenceFacts(tx: LanternDb, range: facts.FactRange, now: Date) {
  const episodes = await facts.closedEpisodes(tx, range);
  const uses = await facts.measureUsesOfClosedEpisodes(tx, range);
  const known = new Map<string, readonly Instrument[]>();
  for (const organisationId of new Set(episodes.map((e) => e.organisationId))) {
    // Shipped instruments for every organisation, plus the licensed ones it loaded (withdrawn too).
    if (organisationId !== null) known.set(organisationId, (await instrumentsOf(tx, organisationId)).known);
  }
  await facts.insertFactRows(
    tx,
    outcomeFacts(episodes, uses, (id) => (id === null ? undefined : known.get(id)) ?? shippedInstruments),
  );
  const surveys = await facts.confidenceSurveysOfRange(tx, range, now);
  await facts.insertFactRows(tx, confidenceFacts(surveys.surveys, surveys.answers, range));
}

/** Event facts and people facts for every day in the range. */
export async function collectFacts(tx: LanternDb, range: facts.FactRange, now: Date): Promise<void> {
  await facts.insertEventFacts(tx, range, now);
  await insertOutcomeAndConfidenceFacts(tx, range, now);
  await facts.insertContactPeopleFacts(tx, range, 'all');
  const online = onlineFacts(await facts.onlineEvents(tx, range, 'all'));
  await facts.insertFactRows(tx, online.facts);
  await facts.insertPeopleFactRows(tx, online.people);
}

/** Event facts only (no people), for one day's rollup. */
export async function collectEventFacts(tx: LanternDb, range: facts.FactRange, now: Date): Promise<void> {
  await facts.insertEventFacts(tx, range, now);
  await insertOutcomeAndConfidenceFacts(tx, range, now);
  await facts.insertFactRows(tx, onlineFacts(await facts.onlineEvents(tx, range, 'all')).facts);
}

/**
 * The people a day touched, with all their events over `wider` (the year holding the day), so
 * their numbers in each period can be worked out again. Leaves `reporting_people_day` listing them.
 */
export async function collectPeopleOfDay(tx: LanternDb, day: string, wider: facts.FactRange): Promise<void> {
  const range = { from: day, to: day };
  await facts.insertContactPeopleFacts(tx, range, 'all');
  const online = onlineFacts(await facts.onlineEvents(tx, range, 'all'));
  await facts.insertPeopleFactRows(tx, online.people);
  await tx.execute(sql`drop table if exists pg_temp.reporting_people_day`);
  await tx.execute(sql`create temp table reporting_people_day on commit drop as
    select distinct measure, subject_id from reporting_people_facts`);
  await tx.execute(sql`delete from reporting_people_facts`);
  await facts.insertContactPeopleFacts(tx, wider, 'of-day-facts');
  const touched = onlineFacts(await facts.onlineEvents(tx, wider, 'of-day-facts'));
  await facts.insertPeopleFactRows(tx, touched.people);
}
