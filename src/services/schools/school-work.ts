import type { ServiceContext, StaffActor } from '../../access/authorise.js';
import type { LanternDb } from '../../db/client.js';
import * as schoolWork from '../../db/repositories/schools.repository.js';
import { AppError } from '../../domain/app-error.js';
import { londonWallClock } from '../../domain/organisations/opening-hours.js';

// Small rules shared by the schools area's use cases.

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * A time something happened, as given. Logging ahead of time is allowed by up to a day (a session
 * written up the evening before), no further: a date further ahead is a typing slip.
 */
export function pastOrSoon(ctx: ServiceContext, value: string, field: string): Date {
  const at = new Date(value);
  if (at.getTime() > ctx.now().getTime() + DAY_MS) {
    throw new AppError('bad-request', `Check ${field}: it cannot be more than a day from now.`, [
      { name: field, reason: 'must not be more than a day in the future' },
    ]);
  }
  return at;
}

/** The window "the last 12 months" covers, ending now. */
export function lastTwelveMonths(now: Date): { since: Date; until: Date } {
  const since = new Date(now);
  since.setUTCFullYear(since.getUTCFullYear() - 1);
  return { since, until: new Date(now.getTime() + 1) };
}

/** The middle value (the mean of the two middle ones for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/**
 * The instant a London calendar day starts. Noon UTC always falls on that London day; stepping
 * back by its wall-clock time lands an hour out on the two days the clocks change, so it is
 * corrected once against the wall clock it lands on.
 */
export function londonDayStart(isoDate: string): Date {
  const noon = Date.parse(`${isoDate}T12:00:00Z`);
  const guess = noon - londonWallClock(new Date(noon)).minuteOfDay * MINUTE_MS;
  const landed = londonWallClock(new Date(guess)).minuteOfDay;
  if (landed === 0) return new Date(guess);
  return new Date(landed > 720 ? guess + (1440 - landed) * MINUTE_MS : guess - landed * MINUTE_MS);
}

/**
 * The recorder's own team among those serving the school, so the work counts for that team; null
 * when the recorder is not in one (a senior mental health lead logging the school's own session).
 */
export async function recordingTeam(db: LanternDb, actor: StaffActor, urn: number): Promise<string | null> {
  const serving = await schoolWork.teamsServing(db, urn);
  return actor.grants.find((grant) => grant.teamId && serving.includes(grant.teamId))?.teamId ?? null;
}
