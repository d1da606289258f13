import type { Faker } from '@faker-js/faker';
import type {
  mdtActions,
  mdtAgendaItems,
  mdtMeetings,
  referralInformation,
  referralWorkers,
  triageDecisions,
} from '../db/schema/referrals.js';
import type { ThriveGrouping } from '../domain/organisations/thrive.js';
import {
  type Priority,
  type ReferralStatus,
  statusAfterDecision,
  type TriageDecisionKind,
} from '../domain/referrals/triage-decisions.js';
import { scheduleMdtMeetings } from './demo-mdt.js';
import {
  declineReasonFor,
  destinationFor as destinationOf,
  leadWorkerSpells,
  signpostsFor,
} from './demo-outcomes.js';
import type { ConsentRow } from './demo-referral-people.js';
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
import { declineNotes, moreInformationAnswers, moreInformationQuestions } from './demo-referral-text.js';
import type { Intake } from './demo-referrals.js';

// What the single point of access decided about the demo referrals: rows never overwritten, the
// referral's status kept in step with the newest, as src/services/referrals/record-decision.ts does.

export type DecisionRow = typeof triageDecisions.$inferInsert & { id: string; recordedAt: Date };
export type WorkerRow = typeof referralWorkers.$inferInsert;
export type MeetingRow = typeof mdtMeetings.$inferInsert & { id: string; heldAt: Date };
export type AgendaItemRow = typeof mdtAgendaItems.$inferInsert & { id: string };
export type ActionRow = typeof mdtActions.$inferInsert;
export type InformationRow = typeof referralInformation.$inferInsert;

export interface DemoTriage {
  triageDecisions: DecisionRow[];
  referralWorkers: WorkerRow[];
  mdtMeetings: MeetingRow[];
  mdtAgendaItems: AgendaItemRow[];
  mdtActions: ActionRow[];
  /** Answers to triage's questions from referrers who are signed-in staff. */
  referralInformation: InformationRow[];
}

export type Outcome = 'accept' | 'signpost' | 'decline';

/** Referrals newer than this are all still waiting for triage; a few up to UNDECIDED_UNTIL wait too. */
export const QUEUE_DAYS = 20;
const UNDECIDED_UNTIL = 28;
/** Working days from a referral arriving to triage's first decision: mostly within the published five. */
const triageDelays = [0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 7, 10];
/** Declines (inappropriate referrals) fall over the period, as the front door improves. */
export const declineShare = (progress: number) => 0.2 - 0.1 * progress;

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
    referralInformation: [],
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

  const destinationFor = (intake: Intake, urgent = false) => destinationOf(faker, plan, intake, urgent);

  const nameLeadWorker: Decider['nameLeadWorker'] = (intake, from, worker) => {
    const spells = leadWorkerSpells(faker, plan, intake, { from, now, recordedBy: clinician, worker });
    rows.referralWorkers.push(...spells);
    intake.referral.version = (intake.referral.version ?? 1) + spells.length;
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
      const signpostedTo = signpostsFor(faker, plan, intake);
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
      const declineReason = declineReasonFor(faker, intake.age);
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

  /** What triage asks: about the self-harm when there is some; never a young person whether they agree. */
  const questionFor = (intake: Intake): string => {
    const [agreed, support, selfHarm, services, parent] = moreInformationQuestions;
    if (intake.referral.recentSelfHarm) return selfHarm;
    return faker.helpers.arrayElement(
      intake.referral.source === 'self' ? [support, services] : [agreed, support, services, parent],
    );
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
    const at = workingTime(received, faker.helpers.arrayElement(triageDelays));
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
      const referral = intake.referral;
      record(intake, 'more-information', at, {
        thrive: 'getting-help',
        priority: 'routine',
        question: questionFor(intake),
      });
      const answered = workingTime(at + faker.number.int({ min: 2, max: 14 }) * DAY, 0);
      if (answered <= at || answered >= now - HOUR) continue;
      // Staff answer in Lantern, which puts the referral back in the queue (give-more-information.ts);
      // families and young people answer by phone, and triage decides straight after.
      if (referral.referrerUserId) {
        rows.referralInformation.push({
          id: faker.string.uuid(),
          referralId: referral.id,
          decisionId: rows.triageDecisions.at(-1)?.id ?? null,
          answer: faker.helpers.arrayElement(moreInformationAnswers),
          givenBy: referral.referrerUserId,
          givenAt: new Date(answered),
        });
        Object.assign(referral, {
          status: 'received',
          informationRequestedAt: null,
          version: (referral.version ?? 1) + 1,
        });
      }
      const next = workingTime(answered, faker.number.int({ min: 0, max: 2 }));
      if (next > answered && next < now - HOUR) conclude(intake, outcome, next);
    }
  }
  scheduleMdtMeetings(decider, awaitingMdt);
  return { rows, withdrawnConsents };
}
