import type { Faker } from '@faker-js/faker';
import type {
  groupSessions,
  schoolLinkMeetings,
  schoolPlanActions,
  staffConsultations,
} from '../db/schema/schools.js';
import type { GroupSessionKind } from '../domain/schools/whole-school.js';
import type { MhstTeamPlan } from './demo-mhst.js';
import { recentSchoolDay, workingTimeBetween } from './demo-mhst-calendar.js';
import { chance, DAY, HOUR, isoDay, type PlanSchool, weighted } from './demo-referral-plan.js';
import {
  consultationRoles,
  linkMeetingAttendees,
  linkMeetingTexts,
  planActions,
  sessionKinds,
  sessionTopics,
  staffConsultationTexts,
} from './demo-schools-work-text.js';

// Each MHST school's whole-school work over the last year: its mental health plan by tier, the
// workshops, assemblies and training the team gave, advice to staff, and School Link meetings.

export type PlanActionRow = typeof schoolPlanActions.$inferInsert;
export type GroupSessionRow = typeof groupSessions.$inferInsert & { heldAt: Date };
export type StaffConsultationRow = typeof staffConsultations.$inferInsert & { givenAt: Date };
export type LinkMeetingRow = typeof schoolLinkMeetings.$inferInsert & { heldAt: Date };

export interface DemoWholeSchool {
  schoolPlanActions: PlanActionRow[];
  groupSessions: GroupSessionRow[];
  staffConsultations: StaffConsultationRow[];
  schoolLinkMeetings: LinkMeetingRow[];
}

/** A referral to the team of a pupil at the school, that advice to staff may be about. */
export interface SchoolReferral {
  id: string;
  receivedAt: Date;
}

const isPrimary = (school: PlanSchool) => school.phase === 'primary' || school.highestAge <= 11;

function yearGroups(faker: Faker, school: PlanSchool, kind: GroupSessionKind): string {
  if (kind === 'staff-training') return chance(faker, 0.5) ? 'All staff' : '';
  if (kind === 'parent-session')
    return chance(faker, 0.5) ? '' : `Parents of Year ${isPrimary(school) ? 6 : 7}`;
  if (school.phase === 'sixteen-plus')
    return faker.helpers.arrayElement(['Year 12', 'Year 13', 'Years 12 and 13']);
  if (isPrimary(school)) {
    return kind === 'assembly'
      ? faker.helpers.arrayElement(['Key stage 2', 'Whole school'])
      : faker.helpers.arrayElement(['Year 3', 'Year 4', 'Year 5', 'Year 6', 'Years 5 and 6']);
  }
  return kind === 'assembly'
    ? faker.helpers.arrayElement(['Year 7', 'Year 9', 'Key stage 3', 'Key stage 4'])
    : faker.helpers.arrayElement(['Year 7', 'Year 8', 'Year 9', 'Year 10', 'Year 11']);
}

/** A whole number from min to max, the smaller ones more likely. */
const skewed = (faker: Faker, min: number, max: number) =>
  min + Math.floor((max - min + 1) * faker.number.float({ min: 0, max: 0.9999 }) ** 2);

/** From 08:30 to 16:30 UTC on a day. */
const daytime = (day: number): [number, number] => [day + 8.5 * HOUR, day + 16.5 * HOUR];

const attendees: Record<GroupSessionKind, [number, number]> = {
  'classroom-workshop': [15, 32],
  assembly: [60, 240],
  'parent-session': [15, 45],
  'staff-training': [15, 60],
};

export function wholeSchoolWork(
  faker: Faker,
  team: MhstTeamPlan,
  referralsAt: Map<number, SchoolReferral[]>,
  now: number,
): DemoWholeSchool {
  const out: DemoWholeSchool = {
    schoolPlanActions: [],
    groupSessions: [],
    staffConsultations: [],
    schoolLinkMeetings: [],
  };
  const recorded = (at: number) =>
    new Date(Math.min(at + faker.number.int({ min: 1, max: 30 }) * HOUR, now - 60_000));
  for (const school of team.schools) {
    const link = team.linkOf.get(school.urn) ?? team.practitioners[0];
    const lead = team.leadOf.get(school.urn) ?? team.managerId;
    const linkId = link?.userId ?? team.managerId;
    const inSchool = team.practitioners.filter((p) => p.days.has(school.urn));

    const actions = faker.helpers.arrayElements(planActions, { min: 3, max: 8 });
    if (!actions.some(([tier]) => tier === 1)) actions[0] = planActions[0] as (typeof planActions)[number];
    for (const [tier, action, owner] of actions) {
      const due = now + faker.number.int({ min: -150, max: 200 }) * DAY;
      const status =
        due < now
          ? weighted(faker, [
              ['done', 75],
              ['in-progress', 25],
            ] as const)
          : weighted(faker, [
              ['planned', 55],
              ['in-progress', 45],
            ] as const);
      out.schoolPlanActions.push({
        id: faker.string.uuid(),
        schoolUrn: school.urn,
        tier,
        action,
        owner,
        dueOn: chance(faker, 0.1) ? null : isoDay(due),
        status,
        version: status === 'planned' ? 1 : 2,
        recordedAt: new Date(recentSchoolDay(faker, now, 160, 330) + 15 * HOUR),
        recordedBy: chance(faker, 0.7) ? lead : linkId,
      });
    }

    // Most schools have a handful of sessions a year; a few busy ones many more.
    const sessions = skewed(faker, 4, 15);
    for (let n = 0; n < sessions; n += 1) {
      const kind = weighted(faker, sessionKinds);
      const topics = sessionTopics[kind].filter((t) =>
        isPrimary(school) ? t !== 'Exam stress' : t !== 'Moving up to secondary school',
      );
      const day = recentSchoolDay(faker, now, 1, 364);
      const afterSchool = kind === 'parent-session' || kind === 'staff-training';
      const heldAt = afterSchool
        ? day + (15.5 + faker.number.int({ min: 0, max: 4 }) / 2) * HOUR
        : workingTimeBetween(faker, day + 8.75 * HOUR, day + 14.5 * HOUR);
      const [min, max] = attendees[kind];
      const presenter = faker.helpers.arrayElement(inSchool.length ? inSchool : team.practitioners);
      const partner = faker.helpers.arrayElement(team.practitioners);
      out.groupSessions.push({
        id: faker.string.uuid(),
        schoolUrn: school.urn,
        teamId: team.id,
        kind,
        topic: faker.helpers.arrayElement(topics),
        heldAt: new Date(heldAt),
        attendeeCount: faker.number.int({ min, max: isPrimary(school) && kind === 'assembly' ? 200 : max }),
        yearGroups: yearGroups(faker, school, kind),
        deliveredBy:
          partner && partner !== presenter && chance(faker, 0.25)
            ? `${presenter?.displayName} and ${partner.displayName}`
            : (presenter?.displayName ?? 'Mental health support team'),
        recordedAt: recorded(heldAt),
        recordedBy: presenter?.userId ?? linkId,
      });
    }

    const pupils = referralsAt.get(school.urn) ?? [];
    const consultations = skewed(faker, 3, 12);
    for (let n = 0; n < consultations; n += 1) {
      // Now and then the advice is about a pupil the school has referred, so it names the referral.
      const earlier = pupils.filter((r) => r.receivedAt.getTime() < now - 4 * DAY);
      const about = earlier.length && chance(faker, 0.12) ? faker.helpers.arrayElement(earlier) : null;
      const received = about?.receivedAt.getTime() ?? 0;
      const givenAt = about
        ? workingTimeBetween(faker, received + HOUR, Math.min(received + 20 * DAY, now - HOUR))
        : workingTimeBetween(faker, ...daytime(recentSchoolDay(faker, now, 1, 364)));
      const [topic, advice] = faker.helpers.arrayElement(staffConsultationTexts);
      const adviser = faker.helpers.arrayElement(inSchool.length ? inSchool : team.practitioners);
      out.staffConsultations.push({
        id: faker.string.uuid(),
        schoolUrn: school.urn,
        teamId: team.id,
        givenAt: new Date(givenAt),
        staffRole: faker.helpers.arrayElement(consultationRoles[isPrimary(school) ? 'primary' : 'secondary']),
        topic,
        advice,
        referralId: about?.id ?? null,
        recordedAt: recorded(givenAt),
        recordedBy: adviser?.userId ?? linkId,
      });
    }

    const meetings = faker.number.int({ min: 1, max: 3 });
    for (let n = 0; n < meetings; n += 1) {
      const day = recentSchoolDay(faker, now, 1, 364);
      const heldAt = day + (15.5 + faker.number.int({ min: 0, max: 2 }) / 2) * HOUR;
      const [discussed, agreedActions] = faker.helpers.arrayElement(linkMeetingTexts);
      out.schoolLinkMeetings.push({
        id: faker.string.uuid(),
        schoolUrn: school.urn,
        heldAt: new Date(heldAt),
        attendees: [
          ...linkMeetingAttendees.slice(0, 2),
          ...faker.helpers.arrayElements(linkMeetingAttendees.slice(2), { min: 1, max: 3 }),
        ],
        discussed,
        agreedActions,
        recordedAt: recorded(heldAt),
        recordedBy: chance(faker, 0.5) ? lead : linkId,
      });
    }
  }
  return out;
}
