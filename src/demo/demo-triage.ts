import type { Faker } from '@faker-js/faker';
import type {
  mdtActions,
  mdtAgendaItems,
  mdtMeetings,
  referralWorkers,
  triageDecisions,
} from '../db/schema/referrals.js';
import type { ThriveGrouping } from '../domain/organisations/thrive.js';
import {
  type DeclineReason,
  type Priority,
  type ReferralStatus,
  statusAfterDecision,
  type TriageDecisionKind,
} from '../domain/referrals/triage-decisions.js';
import { scheduleMdtMeetings } from './demo-mdt.js';
import { adultName, type ConsentRow } from './demo-referral-people.js';
import {
  addWorkingDays,
  chance,
  DAY,
  type Destination,
  HOUR,
  type ReferralPlan,
  startOfDay,
  weighted,
} from './demo-referral-plan.js';
import { declineNotes, moreInformationQuestions, type Weighted } from './demo-referral-text.js';
import type { Intake } from './demo-referrals.js';

// What the single point of access decided about the demo referrals: rows never overwritten, the
// referral's status kept in step with the newest, as src/services/referrals/record-decision.ts does.

export type DecisionRow = typeof triageDecisions.$inferInsert & { id: string; recordedAt: Date };
export type WorkerRow = typeof referralWorkers.$inferInsert;
export type MeetingRow = typeof mdtMeetings.$inferInsert & { id: string; heldAt: Date };
export type AgendaItemRow = typeof mdtAgendaItems.$inferInsert & { id: string };
export type ActionRow = typeof mdtActions.$inferInsert;

export interface DemoTriage {
  triageDecisions: DecisionRow[];
  referralWorkers: WorkerRow[];
  mdtMeetings: MeetingRow[];
  mdtAgendaItems: AgendaItemRow[];
  mdtActions: ActionRow[];
}

export type Outcome = 'accept' | 'signpost' | 'decline';

/** Referrals newer than this are all still waiting for triage; a few up to UNDECIDED_UNTIL wait too. */
export const QUEUE_DAYS = 20;
const UNDECIDED_UNTIL = 28;
/** Declines (inappropriate referrals) fall over the period, as the front door improves. */
export const declineShare = (progress: number) => 0.2 - 0.1 * progress;

const declineWeights = (age: number): Weighted<DeclineReason> => [
  ['below-threshold', 45],
  ['not-mental-health', 18],
  ['already-receiving-help', 15],
  ['above-threshold', 8],
  ['outside-area', 6],
  ['consent-withdrawn', 5],
  ['outside-age', age >= 18 ? 3 : 0],
];

const mildNeeds = new Set([
  'anxiety',
  'low-mood',
  'sleep',
  'friendships',
  'school-attendance',
  'obsessions-compulsions',
  'behaviour',
]);
const familyNeeds = new Set(['family-relationships', 'behaviour', 'parenting-support', 'school-attendance']);

/** Shared by triage and the MDT meetings: makes decision rows and moves the referral on. */
export interface Decider {
  faker: Faker;
  plan: ReferralPlan;
  now: number;
  rows: DemoTriage;
  clinician(): string;
  destinationFor(intake: Intake, urgent?: boolean): Destination;
  conclude(
    intake: Intake,
    outcome: Outcome,
    at: number,
    extra?: { destination?: Destination; mdtMeetingId?: string },
  ): void;
  nameLeadWorker(intake: Intake, from: number, worker?: { name: string; agency: string }): void;
}

export function triageDemoReferrals(
  faker: Faker,
  plan: ReferralPlan,
  intakes: Intake[],
  options: { now: number },
) {
  const { now } = options;
  const rows: DemoTriage = {
    triageDecisions: [],
    referralWorkers: [],
    mdtMeetings: [],
    mdtAgendaItems: [],
    mdtActions: [],
  };
  const withdrawnConsents: ConsentRow[] = [];
  const clinician = () => faker.helpers.arrayElement(plan.spaClinicians);

  const record = (
    intake: Intake,
    kind: TriageDecisionKind,
    at: number,
    fields: { thrive: ThriveGrouping; priority: Priority } & Partial<DecisionRow>,
    destination?: Destination,
  ) => {
    const referral = intake.referral;
    const next = statusAfterDecision(referral.status as ReferralStatus, kind);
    if (!next || at <= referral.receivedAt.getTime() || at >= now) {
      throw new Error(`demo decision ${kind} on ${referral.reference} cannot be recorded`);
    }
    const { thrive, priority, ...rest } = fields;
    rows.triageDecisions.push({
      id: faker.string.uuid(),
      referralId: referral.id,
      kind,
      thriveGrouping: thrive,
      priority,
      serviceId: destination?.serviceId ?? null,
      teamId: destination?.teamId ?? null,
      signpostedTo: [],
      notes: '',
      recordedBy: clinician(),
      ...rest,
      recordedAt: new Date(at),
    });
    Object.assign(referral, {
      status: next,
      priority,
      thriveGrouping: thrive,
      informationRequestedAt: kind === 'more-information' ? new Date(at) : null,
      version: (referral.version ?? 1) + 1,
      ...(destination
        ? {
            serviceId: destination.serviceId,
            teamId: destination.teamId,
            organisationId: destination.organisationId,
          }
        : {}),
    });
  };

  const destinationFor = (intake: Intake, urgent = false): Destination => {
    const council = plan.councils[intake.school.council];
    if (!council) throw new Error(`no council for school ${intake.school.urn}`);
    const need = intake.firstNeed;
    if (urgent) return council.camhs;
    if (intake.school.mhst && intake.age >= 5 && mildNeeds.has(need) && chance(faker, 0.75))
      return intake.school.mhst;
    if ((familyNeeds.has(need) && chance(faker, 0.6)) || chance(faker, intake.age < 8 ? 0.4 : 0.1))
      return council.earlyHelp;
    if (intake.age >= 11 && (need === 'anxiety' || need === 'low-mood') && chance(faker, 0.15))
      return plan.online;
    return council.camhs;
  };

  const signposts = (intake: Intake): string[] => {
    const s = plan.signposts;
    const needs = intake.referral.presentingNeeds ?? [];
    const age = intake.age;
    const specific = [
      ...(needs.includes('bereavement') ? [s.bereavement] : []),
      ...(needs.includes('identity-lgbtq') && age >= 11 ? [s.pride] : []),
      ...(age < 13 && needs.some((n) => familyNeeds.has(n)) ? [s.parents] : []),
    ];
    const general =
      age >= 11 ? [s.counselling, s.online, s.nursing] : age >= 5 ? [s.nursing, s.parents] : [s.parents];
    return [...new Set([...specific, ...faker.helpers.arrayElements(general, { min: 1, max: 2 })])].slice(
      0,
      3,
    );
  };

  const nameLeadWorker: Decider['nameLeadWorker'] = (intake, from, worker) => {
    const council = plan.councils[intake.school.council];
    const agency =
      worker?.agency ??
      (council && intake.referral.serviceId === council.earlyHelp.serviceId
        ? council.earlyHelp.agency
        : intake.referral.serviceId === plan.online.serviceId
          ? plan.online.agency
          : chance(faker, 0.4)
            ? intake.school.name
            : intake.referral.serviceId === intake.school.mhst?.serviceId
              ? (intake.school.mhst?.agency ?? 'MHST')
              : 'CAMHS');
    const spells = chance(faker, 0.1) ? 2 : 1;
    let at = from + faker.number.int({ min: 1, max: 10 }) * DAY;
    for (let spell = 0; spell < spells && at < now; spell += 1) {
      const endsAt = at + faker.number.int({ min: 14, max: 60 }) * DAY;
      const last = spell === spells - 1 || endsAt >= now;
      rows.referralWorkers.push({
        id: faker.string.uuid(),
        referralId: intake.referral.id,
        userId: null,
        externalName: spell === spells - 1 && worker ? worker.name : adultName(faker),
        externalAgency: agency,
        externalPhone: `01632 960${faker.string.numeric(3)}`,
        role: 'lead-worker',
        recordedBy: clinician(),
        startedAt: new Date(at),
        endedAt: last ? null : new Date(endsAt),
      });
      intake.referral.version = (intake.referral.version ?? 1) + 1;
      if (last) break;
      at = endsAt;
    }
  };

  const conclude: Decider['conclude'] = (intake, outcome, at, extra = {}) => {
    const { mdtMeetingId = null } = extra;
    const notes = mdtMeetingId ? 'Agreed at the multi-agency meeting.' : '';
    const urgent = intake.referral.isUrgent === true;
    if (outcome === 'accept') {
      const destination = extra.destination ?? destinationFor(intake, urgent);
      const risk = intake.referral.riskToLifeNow === true;
      const thrive: ThriveGrouping = risk
        ? 'getting-risk-support'
        : destination.kind === 'camhs' && (urgent || chance(faker, 0.65))
          ? 'getting-more-help'
          : destination.kind === 'early-help' && chance(faker, 0.3)
            ? 'getting-advice'
            : 'getting-help';
      const priority: Priority = risk ? 'emergency' : urgent ? 'urgent' : 'routine';
      record(intake, 'accept', at, { thrive, priority, notes, mdtMeetingId }, destination);
      if (!mdtMeetingId && chance(faker, 0.28)) nameLeadWorker(intake, at);
    } else if (outcome === 'signpost') {
      const signpostedTo = signposts(intake);
      const names = signpostedTo.map((id) => plan.serviceNames.get(id) ?? 'local support').join(' and ');
      const how =
        intake.referral.source === 'self' ? 'by text' : faker.helpers.arrayElement(['by email', 'by letter']);
      record(intake, 'signpost', at, {
        thrive: 'getting-advice',
        priority: urgent ? 'urgent' : 'routine',
        signpostedTo,
        informationSent: `Sent details of ${names} ${how}, with self-help ideas to try in the meantime.`,
        notes,
        mdtMeetingId,
      });
    } else {
      const declineReason = weighted(faker, declineWeights(intake.age));
      if (declineReason === 'consent-withdrawn') {
        withdrawnConsents.push({
          referralId: intake.referral.id,
          consentedBy: intake.referral.source === 'self' ? 'young-person' : 'parent-or-carer',
          status: 'withdrawn',
          method: 'phone',
          parentsMayBeTold: 'yes',
          recordedAt: new Date(Math.max(intake.referral.receivedAt.getTime() + 60_000, at - 2 * HOUR)),
          recordedBy: clinician(),
        });
      }
      const thrive: ThriveGrouping =
        declineReason === 'below-threshold' && chance(faker, 0.2) ? 'thriving' : 'getting-advice';
      record(intake, 'decline', at, {
        thrive,
        priority: 'routine',
        declineReason,
        notes: mdtMeetingId ? notes : faker.helpers.arrayElement(declineNotes),
        mdtMeetingId,
      });
    }
  };

  const decider: Decider = { faker, plan, now, rows, clinician, destinationFor, conclude, nameLeadWorker };
  /** A working-hours time `days` working days after `from`, and always after it. */
  const workingTime = (from: number, days: number) => {
    const day = startOfDay(addWorkingDays(from, days));
    const at = day + Math.round(faker.number.float({ min: 9, max: 17 }) * 60) * 60_000;
    return Math.min(Math.max(at, from + faker.number.int({ min: 30, max: 180 }) * 60_000), now - HOUR);
  };

  const first = intakes[0]?.referral.receivedAt.getTime() ?? now;
  const span = Math.max(DAY, now - first);
  const awaitingMdt: { intake: Intake; decidedAt: number; outcome: Outcome }[] = [];
  let declineCredit = 0;
  for (const intake of intakes) {
    const received = intake.referral.receivedAt.getTime();
    const waited = now - received;
    if (intake.referral.isUrgent) {
      const at = received + faker.number.int({ min: 45, max: 300 }) * 60_000;
      conclude(intake, chance(faker, 0.9) ? 'accept' : 'signpost', at);
      continue;
    }
    if (waited < QUEUE_DAYS * DAY || (waited < UNDECIDED_UNTIL * DAY && chance(faker, 0.4))) continue;
    // Error diffusion rather than a coin toss, so the share of declines follows its line closely.
    declineCredit += declineShare((received - first) / span);
    const declined = declineCredit >= 1;
    if (declined) declineCredit -= 1;
    const outcome: Outcome = declined ? 'decline' : chance(faker, 0.3) ? 'signpost' : 'accept';
    const path = declined
      ? chance(faker, 0.15)
        ? 'more-information'
        : 'direct'
      : weighted(faker, [
          ['direct', 77],
          ['mdt', 15],
          ['more-information', 8],
        ] as const);
    const at = workingTime(
      received,
      weighted(faker, [
        [0, 10],
        [1, 25],
        [2, 20],
        [3, 15],
        [4, 10],
        [5, 8],
        [7, 7],
        [10, 5],
      ] as const),
    );
    if (path === 'direct') {
      conclude(intake, outcome, at);
    } else if (path === 'mdt') {
      const thrive: ThriveGrouping = chance(faker, 0.5) ? 'getting-more-help' : 'getting-help';
      record(intake, 'mdt', at, {
        thrive,
        priority: 'routine',
        notes: 'Several agencies involved: for the next MDT.',
      });
      awaitingMdt.push({ intake, decidedAt: at, outcome });
    } else {
      const needs = intake.referral.presentingNeeds ?? [];
      const question = needs.includes('self-harm')
        ? (moreInformationQuestions[2] as string)
        : faker.helpers.arrayElement(moreInformationQuestions.filter((_, index) => index !== 2));
      record(intake, 'more-information', at, { thrive: 'getting-help', priority: 'routine', question });
      const answered = at + faker.number.int({ min: 3, max: 15 }) * DAY;
      const next = workingTime(answered, faker.number.int({ min: 0, max: 2 }));
      if (answered < now - DAY && next > at && next < now - HOUR) conclude(intake, outcome, next);
    }
  }
  scheduleMdtMeetings(decider, awaitingMdt);
  return { rows, withdrawnConsents };
}
