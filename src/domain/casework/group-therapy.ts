/**
 * Group therapy with known attendees (DOMAIN.md "Group work"): recorded once as a session and as a
 * contact in each young person's record.
 */

export interface GroupSessionAttendance {
  /** The young people (referral ids) who attended this session, on time or late but seen. */
  attended: readonly string[];
}

/** The smallest group, and the fewest sessions, that count towards access. */
export const MIN_GROUP_YOUNG_PEOPLE = 2;
export const MIN_GROUP_SESSIONS = 2;

/**
 * Whether a group's sessions count towards access. One local MHST counts a group only with at
 * least two young people over at least two sessions (DOMAIN.md "Group work"): read here as at
 * least two sessions that someone attended, and at least two different young people attending
 * across them. A session nobody came to was not held for this purpose.
 */
export function countsTowardsAccess(sessions: readonly GroupSessionAttendance[]): boolean {
  const held = sessions.filter((s) => s.attended.length > 0);
  const people = new Set(held.flatMap((s) => s.attended));
  return held.length >= MIN_GROUP_SESSIONS && people.size >= MIN_GROUP_YOUNG_PEOPLE;
}

/** Programmes are named freely; sessions of one programme are grouped regardless of case and spacing. */
export function programmeKey(programme: string): string {
  return programme.trim().replace(/\s+/g, ' ').toLowerCase();
}
