import type { Faker } from '@faker-js/faker';
import type { careContacts, episodeMilestones } from '../db/schema/casework.js';
import { type AttendStatus, isAttended } from '../domain/waiting/clocks.js';
import type { MhstPractitioner } from './demo-mhst.js';
import { atSchoolTime, schoolDayOnOrAfter } from './demo-mhst-calendar.js';
import type { MhstCase } from './demo-mhst-referrals.js';
import { chance, DAY, HOUR, startOfDay, weighted } from './demo-referral-plan.js';

// A demo young person's appointments with their practitioner (MHSDS care contacts) and the
// milestones that stop the waiting clock, recorded as a practitioner would: assessment and a
// baseline measure at the first attended contact, the care plan and intervention at the second.

export type ContactRow = typeof careContacts.$inferInsert & {
  id: string;
  startsAt: Date;
  referralId: string;
};
export type MilestoneRow = typeof episodeMilestones.$inferInsert;

/** How appointments after the first go: most attended, some missed or cancelled. */
const laterStatuses: readonly (readonly [AttendStatus, number])[] = [
  ['attended', 78],
  ['late-seen', 6],
  ['did-not-attend', 8],
  ['cancelled-by-patient', 5],
  ['cancelled-by-service', 3],
];
export const missedStatuses: readonly (readonly [AttendStatus, number])[] = [
  ['did-not-attend', 50],
  ['cancelled-by-patient', 30],
  ['cancelled-by-service', 20],
];

export interface ContactPlan {
  now: number;
  out: { careContacts: ContactRow[]; episodeMilestones: MilestoneRow[] };
}

/** The weekdays a practitioner is in a school; none means any school day. */
export const weekdaysAt = (p: MhstPractitioner, urn: number) => p.days.get(urn) ?? [];

/** The next school day at least `days` after `from` when the practitioner is in the young person's school. */
export function nextSlot(faker: Faker, p: MhstPractitioner, c: MhstCase, from: number, days: number): number {
  return atSchoolTime(faker, schoolDayOnOrAfter(startOfDay(from) + days * DAY, weekdaysAt(p, c.schoolUrn)));
}

export function contactRow(
  faker: Faker,
  plan: ContactPlan,
  c: MhstCase,
  p: MhstPractitioner,
  startsAt: number,
  attendStatus: AttendStatus | null,
  recordedAt: number,
): ContactRow {
  const id = faker.string.uuid();
  // Mostly in school; some by video or phone, when the young person is off school or prefers it.
  const schoolUrn = chance(faker, 0.15) ? null : c.schoolUrn;
  const row: ContactRow = {
    id,
    referralId: c.referral.id,
    practitionerUserId: p.userId,
    startsAt: new Date(startsAt),
    schoolUrn,
    kind: 'one-to-one',
    // Remote ones by video about two times in three (read off the id, so no other row changes).
    medium:
      schoolUrn !== null ? 'in-person' : Number.parseInt(id.slice(-1), 16) % 3 === 0 ? 'phone' : 'video',
    attendStatus,
    recordedAt: new Date(Math.min(recordedAt, plan.now - 60_000)),
    recordedBy: p.userId,
    version: attendStatus ? 2 : 1,
  };
  plan.out.careContacts.push(row);
  return row;
}

/**
 * Weekly sessions from the first contact (always attended) until `sessions` were attended, or until
 * now; work still going on has its next session booked. `at(t)` is the practitioner at a time, as
 * one may take over from another part way through.
 */
export function interventionContacts(
  faker: Faker,
  plan: ContactPlan,
  c: MhstCase,
  firstAt: number,
  at: (t: number) => MhstPractitioner,
): number[] {
  const sessions = faker.number.int({ min: 4, max: 7 });
  const attended: number[] = [];
  let t = firstAt;
  let previous = firstAt;
  for (let k = 0; k < 16; k += 1) {
    const p = at(t);
    if (t >= plan.now) {
      // Booked, so strictly after now: one at this very minute moves on a slot.
      if (t <= plan.now + 14 * DAY && chance(faker, 0.85)) {
        contactRow(faker, plan, c, p, t === plan.now ? t + 10 * 60_000 : t, null, previous + HOUR);
      }
      break;
    }
    const status = k === 0 ? 'attended' : weighted(faker, laterStatuses);
    contactRow(faker, plan, c, p, t, status, t + faker.number.int({ min: 1, max: 6 }) * HOUR);
    if (isAttended(status)) attended.push(t);
    if (attended.length >= sessions) break;
    previous = t;
    t = nextSlot(faker, at(t + 7 * DAY), c, t, 7);
  }
  recordMilestones(faker, plan, c, attended, at);
  return attended;
}

function recordMilestones(
  faker: Faker,
  plan: ContactPlan,
  c: MhstCase,
  attended: number[],
  at: (t: number) => MhstPractitioner,
) {
  const add = (milestone: string, when: number) =>
    plan.out.episodeMilestones.push({
      id: faker.string.uuid(),
      referralId: c.referral.id,
      milestone,
      occurredAt: new Date(when),
      recordedAt: new Date(Math.min(when + faker.number.int({ min: 1, max: 5 }) * HOUR, plan.now - 60_000)),
      recordedBy: at(when).userId,
    });
  const [first, second] = attended;
  if (first === undefined) return;
  add('assessment', first);
  add('baseline-measure', first);
  if (second === undefined) return;
  // Recent work is not always written up yet.
  const isRecent = second > plan.now - 21 * DAY;
  if (!isRecent || chance(faker, 0.65)) add('care-plan', second);
  if (!isRecent || chance(faker, 0.8)) add('intervention', second);
}
