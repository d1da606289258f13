import { createHash } from 'node:crypto';
import type { Faker } from '@faker-js/faker';
import type { IdentityData } from '../db/repositories/identity.repository.js';
import type { assessments, carePlanGoals, episodes, onwardReferrals } from '../db/schema/episodes.js';
import { GAD7, PHQ9 } from '../domain/measures/shipped.js';
import { ageOn } from '../domain/people/child-details.js';
import { isAttended } from '../domain/waiting/clocks.js';
import {
  type Course,
  courseShares,
  coursesFor,
  type LinkRow,
  type MeasureRow,
} from './demo-casework-measures.js';
import { type NoteRow, type SignOffRow, type SupervisionRow, supervisionFor } from './demo-casework-notes.js';
import { buildRecord, type CaseInput } from './demo-casework-record.js';
import {
  type ConcernActionRow,
  type ConcernRow,
  concernCount,
  concernFor,
  concernStatuses,
} from './demo-casework-safeguarding.js';
import { demoFaker } from './demo-mhst-calendar.js';
import type { DemoCasework } from './demo-mhst-casework.js';
import type { ContactRow } from './demo-mhst-contacts.js';
import { isoDay, weighted } from './demo-referral-plan.js';
import type { DemoReferrals } from './demo-referrals.js';
import { demoEmailFor } from './demo-staff.js';

// The demo's case records, made after its MHST casework and consistent with it: an episode for
// every referral ever allocated, the assessment, care plan and intervention where the milestones
// say so, notes of attended contacts with their sign-off, outcome measures, the supervision log,
// a few safeguarding concerns, and for discharged young people how and why their help ended.

export type EpisodeRow = typeof episodes.$inferInsert & { id: string; referralId: string; openedAt: Date };
export type AssessmentRow = typeof assessments.$inferInsert & { assessedAt: Date };
export type GoalRow = typeof carePlanGoals.$inferInsert & { id: string; goal: string };
export type OnwardReferralRow = typeof onwardReferrals.$inferInsert;

export interface DemoCaseRecords {
  episodes: EpisodeRow[];
  assessments: AssessmentRow[];
  carePlanGoals: GoalRow[];
  onwardReferrals: OnwardReferralRow[];
  contactNotes: NoteRow[];
  noteSignOffs: SignOffRow[];
  supervisionSessions: SupervisionRow[];
  questionnaireLinks: LinkRow[];
  measureResponses: MeasureRow[];
  safeguardingConcerns: ConcernRow[];
  safeguardingActions: ConcernActionRow[];
}

export interface CaseRecordsInput {
  identity: IdentityData;
  referrals: DemoReferrals;
  casework: DemoCasework;
}

/** The named EMHP's young person has a link to answer a GAD-7 with this secret (shown in the README). */
export const DEMO_QUESTIONNAIRE_SECRET = 'demo-questionnaire-Qx7-Lv26-m4Rk9pT2';

const CASE_RECORDS_STREAM = 105;

const emptyRecords = (): DemoCaseRecords => ({
  episodes: [],
  assessments: [],
  carePlanGoals: [],
  onwardReferrals: [],
  contactNotes: [],
  noteSignOffs: [],
  supervisionSessions: [],
  questionnaireLinks: [],
  measureResponses: [],
  safeguardingConcerns: [],
  safeguardingActions: [],
});

const groupBy = <T>(rows: readonly T[], key: (row: T) => string) => {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
};

export function buildDemoCaseRecords(seed: number, area: CaseRecordsInput, now: number): DemoCaseRecords {
  const out = emptyRecords();
  const { casework, referrals: rows, identity } = area;
  if (casework.allocations.length === 0) return out;
  const faker = demoFaker(seed, CASE_RECORDS_STREAM);

  const allocationsOf = groupBy(casework.allocations, (a) => a.referralId);
  const contactsOf = groupBy(
    [...casework.careContacts].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
    (c) => c.referralId,
  );
  const milestonesOf = groupBy(
    casework.episodeMilestones.filter((m) => !m.invalidatedAt),
    (m) => m.referralId,
  );
  const birthOf = new Map(rows.children.map((c) => [c.id, c.dateOfBirth]));
  const grants = identity.userRoles.filter((r) => r.revokedAt == null);
  const teamOf = new Map(grants.flatMap((r) => (r.teamId ? [[r.userId, r.teamId] as const] : [])));
  const holder = (teamId: string, role: string) =>
    grants.find((r) => r.teamId === teamId && r.role === role)?.userId ?? '';
  const signersOf = (teamId: string) =>
    [holder(teamId, 'supervisor'), holder(teamId, 'mhst-clinical-lead')].filter(Boolean);
  const orgOf = new Map(identity.users.map((u) => [u.id ?? '', u.organisationId]));
  const leads = grants.filter((r) => r.role === 'safeguarding-lead').map((r) => r.userId);
  const leadFor = (organisationId: string) =>
    leads.find((id) => orgOf.get(id) === organisationId) ?? leads[0] ?? '';
  const emhpId = identity.users.find((u) => u.email === demoEmailFor('emhp'))?.id ?? '';

  const cases: CaseInput[] = [];
  for (const referral of rows.referrals) {
    const allocations = allocationsOf.get(referral.id);
    if (!allocations) continue;
    const contacts = contactsOf.get(referral.id) ?? [];
    const attended = contacts.filter((c) => isAttended(c.attendStatus as never));
    const milestones = new Map((milestonesOf.get(referral.id) ?? []).map((m) => [m.milestone, m]));
    const age = ageOn(birthOf.get(referral.childId) ?? '2012-01-01', isoDay(now));
    const measured = referral.status === 'in-intervention' || referral.status === 'discharged';
    // The baseline, then most later sessions; always the last of help that has ended.
    const measureAt = new Set<number>();
    if (measured && milestones.has('baseline-measure') && attended.length > 0) {
      measureAt.add(0);
      for (let k = 1; k < attended.length; k += 1) if (faker.number.float() < 0.75) measureAt.add(k);
      if (referral.status === 'discharged') measureAt.add(attended.length - 1);
    }
    cases.push({
      referral,
      allocations: [...allocations].sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime()),
      contacts,
      attended,
      milestones,
      age,
      measureAt,
      course: 'no-change',
      teamId: allocations[0]?.teamId ?? '',
      rich: false,
    });
  }

  // The named EMHP's fullest open case (anyone's, should they have none): measured at every
  // session, improving, its last note waiting for sign-off.
  const score = (c: CaseInput) =>
    (c.referral.allocatedUserId === emhpId ? 1000 : 0) +
    (c.referral.presentingNeeds?.[0] === 'low-mood' ? 0 : 100) +
    c.attended.length;
  const [rich] = cases
    .filter(
      (c) =>
        c.referral.status === 'in-intervention' && c.milestones.has('care-plan') && c.attended.length >= 3,
    )
    .sort((a, b) => score(b) - score(a));
  if (rich) {
    rich.rich = true;
    rich.attended.forEach((_, k) => {
      rich.measureAt.add(k);
    });
  }

  // Courses in the national shares among those with a first and a later score; others at random.
  const paired = cases.filter((c) => c.measureAt.size >= 2);
  const courses = coursesFor(faker, paired.length);
  paired.forEach((c, k) => {
    c.course = courses[k] ?? 'some-change';
  });
  if (rich && rich.course !== 'reliable-improvement') {
    const swap = paired.find((c) => c.course === 'reliable-improvement' && c !== rich);
    if (swap) swap.course = rich.course;
    rich.course = 'reliable-improvement';
  }
  for (const c of cases.filter((c) => c.measureAt.size < 2))
    c.course = weighted(
      faker,
      courseShares.map(([course, share]) => [course, share * 100] as const),
    ) as Course;

  // A few concerns on open episodes with a contact, at each stage, and one long closed.
  const open = cases.filter((c) => c.referral.status !== 'discharged');
  const withContact = faker.helpers.shuffle(
    cases.filter((c) => c.attended.length > 1 && !c.rich && c.referral.status === 'in-intervention'),
  );
  const concerns = new Map<CaseInput, { contact: ContactRow; status: (typeof concernStatuses)[number] }>();
  withContact.slice(0, concernCount(open.length)).forEach((c, k) => {
    const contact = faker.helpers.arrayElement(c.attended.slice(1));
    concerns.set(c, { contact, status: concernStatuses[k % concernStatuses.length] ?? 'raised' });
  });

  for (const c of cases) {
    const concern = concerns.get(c);
    buildRecord(faker, c, out, {
      now,
      signers: signersOf(c.teamId),
      concernContactId: concern?.contact.id,
    });
    if (concern) {
      concernFor(
        faker,
        {
          referralId: c.referral.id,
          contactId: concern.contact.id,
          organisationId: c.referral.organisationId,
          at: concern.contact.startsAt.getTime(),
          raisedBy: concern.contact.practitionerUserId,
          leadUserId: leadFor(c.referral.organisationId),
          status: concern.status,
          now,
        },
        out,
      );
    }
  }
  if (rich) demoQuestionnaireLink(faker, rich, out, now);

  // Every practitioner who held a case is supervised, from their first allocation.
  const firstOf = new Map<string, number>();
  const caseloadOf = new Map<string, number>();
  for (const a of casework.allocations) {
    if (!a.userId) continue;
    firstOf.set(a.userId, Math.min(firstOf.get(a.userId) ?? now, a.recordedAt.getTime()));
    if (!a.endedAt) caseloadOf.set(a.userId, (caseloadOf.get(a.userId) ?? 0) + 1);
  }
  for (const [userId, since] of [...firstOf].sort(([a], [b]) => a.localeCompare(b))) {
    const teamId = teamOf.get(userId) ?? '';
    out.supervisionSessions.push(
      ...supervisionFor(
        faker,
        {
          userId,
          supervisorId: holder(teamId, 'supervisor'),
          clinicalLeadId: holder(teamId, 'mhst-clinical-lead'),
          caseload: caseloadOf.get(userId) ?? 0,
          since,
        },
        now,
      ),
    );
  }
  return out;
}

/** The open link the README shows: a GAD-7 (or PHQ-9, for low mood) for the named EMHP's young person, for two weeks. */
function demoQuestionnaireLink(faker: Faker, c: CaseInput, out: DemoCaseRecords, now: number) {
  const next = c.contacts.find((contact) => contact.startsAt.getTime() > now);
  out.questionnaireLinks.push({
    id: faker.string.uuid(),
    referralId: c.referral.id,
    instrumentId: c.referral.presentingNeeds?.[0] === 'low-mood' ? PHQ9.id : GAD7.id,
    respondent: 'self',
    linkHash: createHash('sha256').update(DEMO_QUESTIONNAIRE_SECRET).digest('hex'),
    contactId: next?.id ?? null,
    expiresAt: new Date(now + 14 * 86_400_000),
    answeredAt: null,
    withdrawnAt: null,
    createdAt: new Date(now - 26 * 3_600_000),
    createdBy: c.referral.allocatedUserId ?? '',
    version: 1,
  });
}

/**
 * Adds the case records to an area, made on first use like its activity: the many callers that
 * want only organisations and staff skip the work. Defined on the area itself, as spreading it
 * would make its activity too.
 */
export function withDemoCaseRecords<T extends CaseRecordsInput>(
  seed: number,
  area: T,
  now: Date,
): T & { caseRecords: DemoCaseRecords } {
  let records: DemoCaseRecords | undefined;
  Object.defineProperty(area, 'caseRecords', {
    enumerable: true,
    get: () => {
      records ??= buildDemoCaseRecords(seed, area, now.getTime());
      return records;
    },
  });
  return area as T & { caseRecords: DemoCaseRecords };
}
