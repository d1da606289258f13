import { randomUUID } from 'node:crypto';
import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { LeadWorkerInput, ReferralChanged, TriageDecisionInput } from '../../contracts/triage.js';
import type { LanternDb } from '../../db/client.js';
import * as organisations from '../../db/repositories/organisations.repository.js';
import * as outbox from '../../db/repositories/outbox.repository.js';
import * as people from '../../db/repositories/people.repository.js';
import * as referrals from '../../db/repositories/referrals.repository.js';
import * as triage from '../../db/repositories/triage.repository.js';
import { asSystemWithin, withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { ageOn, londonDate } from '../../domain/people/child-details.js';
import {
  type ReferralStatus,
  referralStatuses,
  statusAfterDecision,
} from '../../domain/referrals/triage-decisions.js';
import { recordChange } from '../audit/record-change.js';
import { referralNotFound } from './triage-referral.js';

/** Another change to the referral got there first (the If-Match version is old): 412. */
export const staleVersion = () =>
  new AppError(
    'precondition-failed',
    'Someone else changed this referral while you were looking at it. Reload it to see the latest.',
  );

type Found = NonNullable<Awaited<ReturnType<typeof referrals.findReferralDetail>>>;
type Referral = Found['referral'];
type Child = { dateOfBirth: string };

/** The service, team and signposting ids a decision names, checked against the child's age. */
async function resolveTargets(
  tx: LanternDb,
  input: TriageDecisionInput,
  schoolUrn: number | null,
  child: Child,
  today: string,
) {
  if (input.kind === 'accept') {
    const [service] = await triage.servicesBySlug(tx, [input.service]);
    if (!service)
      throw new AppError('bad-request', 'Choose a service.', [
        { name: 'service', reason: 'is not a service in this area' },
      ]);
    const entry = await organisations.directoryCandidateBySlug(tx, input.service);
    const age = ageOn(child.dateOfBirth, today);
    if (entry && (age < entry.ageMin || age > entry.ageMax)) {
      throw new AppError('bad-request', `${service.name} is for ages ${entry.ageMin} to ${entry.ageMax}.`, [
        {
          name: 'service',
          reason: `is only for ages ${entry.ageMin} to ${entry.ageMax}`,
        },
      ]);
    }
    const team = input.teamId
      ? await triage.teamOfService(tx, input.teamId, service.id)
      : await triage.teamForService(tx, service.id, schoolUrn);
    if (input.teamId && !team) {
      throw new AppError('bad-request', 'Choose a team of that service.', [
        { name: 'teamId', reason: `is not a team of ${service.name}` },
      ]);
    }
    return { service, teamId: team?.id ?? null, signpostedTo: [] as string[] };
  }
  if (input.kind === 'signpost') {
    const found = await triage.servicesBySlug(tx, input.signpostedTo);
    if (found.length !== new Set(input.signpostedTo).size) {
      throw new AppError('bad-request', 'Choose services from the list.', [
        { name: 'signpostedTo', reason: 'includes a service that is not in this area' },
      ]);
    }
    return { service: null, teamId: null, signpostedTo: found.map((s) => s.id) };
  }
  return { service: null, teamId: null, signpostedTo: [] as string[] };
}

/** The referrer, or the young person who asked, hears that something was decided; never what. */
function decisionMessages(
  referral: Referral,
  child: { contactRoutes: string[]; contactPhone: string | null; contactEmail: string | null },
  status: ReferralStatus,
  at: Date,
) {
  const base = { createdAt: at, referralId: referral.id };
  if (referral.source === 'self') {
    if (child.contactRoutes.includes('text') && child.contactPhone) {
      return [
        {
          ...base,
          channel: 'sms',
          template: 'request-update',
          recipient: child.contactPhone,
          personalisation: { reference: referral.reference },
        },
      ];
    }
    if (child.contactRoutes.includes('email') && child.contactEmail) {
      return [
        {
          ...base,
          channel: 'email',
          template: 'request-update',
          recipient: child.contactEmail,
          personalisation: { reference: referral.reference },
        },
      ];
    }
    return [];
  }
  if (!referral.referrerEmail) return [];
  return [
    {
      ...base,
      channel: 'email',
      template: 'referral-decision',
      recipient: referral.referrerEmail,
      personalisation: { reference: referral.reference, statusText: referralStatuses[status].toLowerCase() },
    },
  ];
}

/**
 * Records a triage decision as a new row and moves the referral on. Two clinicians deciding at
 * once: the version in If-Match lets exactly one through; the other gets 412.
 */
export async function recordTriageDecision(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
  expectedVersion: number,
  input: TriageDecisionInput,
): Promise<ReferralChanged> {
  return changeReferral(ctx, deps.db, referralId, async (tx, found, userId, now) => {
    const referral = found.referral;
    if (referral.version !== expectedVersion) throw staleVersion();
    const next = statusAfterDecision(referral.status as ReferralStatus, input.kind);
    if (!next) {
      throw new AppError(
        'conflict',
        `This referral is already ${referralStatuses[referral.status as ReferralStatus]?.toLowerCase() ?? referral.status}: record a new referral instead.`,
      );
    }
    const child = await people.findChild(tx, referral.childId);
    if (!child) return null;
    const school = await people.currentSchool(tx, child.id);
    const targets = await resolveTargets(tx, input, school?.urn ?? null, child, londonDate(now));
    // The decision row first: once accepted elsewhere, the referral may leave this scope.
    const decisionId = randomUUID();
    await triage.insertDecision(tx, {
      id: decisionId,
      referralId,
      kind: input.kind,
      thriveGrouping: input.thriveGrouping,
      priority: input.priority,
      serviceId: targets.service?.id ?? null,
      teamId: targets.teamId,
      signpostedTo: targets.signpostedTo,
      informationSent: input.kind === 'signpost' ? input.informationSent : null,
      question: input.kind === 'more-information' ? input.question : null,
      declineReason: input.kind === 'decline' ? input.declineReason : null,
      notes: input.notes,
      recordedAt: now,
      recordedBy: userId,
    });
    const change = () =>
      referrals.updateReferralIfVersion(tx, referralId, expectedVersion, {
        status: next,
        priority: input.priority,
        thriveGrouping: input.thriveGrouping,
        informationRequestedAt: next === 'more-information-requested' ? now : null,
        ...(targets.service
          ? {
              serviceId: targets.service.id,
              teamId: targets.teamId,
              organisationId: targets.service.providerId,
            }
          : {}),
      });
    // Accepting to another service hands the referral over, out of this clinician's sight.
    const version = targets.service
      ? await asSystemWithin(tx, 'hand-over of an accepted referral', change)
      : await change();
    if (version === null) throw staleVersion();
    await outbox.enqueue(tx, decisionMessages(referral, child, next, now));
    await recordChange(tx, ctx, {
      entity: 'referral',
      entityId: referralId,
      action: `triage:${input.kind}`,
      before: { status: referral.status, version: referral.version },
      after: { status: next, version, decisionId, serviceId: targets.service?.id ?? null },
    });
    return { id: referralId, version, status: next, statusText: referralStatuses[next] };
  });
}

/** Names the family's lead worker, from any agency; the previous one's spell is ended, not erased. */
export async function nameLeadWorker(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
  expectedVersion: number,
  input: LeadWorkerInput,
): Promise<ReferralChanged> {
  return changeReferral(ctx, deps.db, referralId, async (tx, found, userId, now) => {
    const version = await referrals.updateReferralIfVersion(tx, referralId, expectedVersion, {});
    if (version === null) throw staleVersion();
    await triage.replaceLeadWorker(tx, referralId, {
      ...input,
      phone: input.phone ?? null,
      at: now,
      by: userId,
    });
    await recordChange(tx, ctx, {
      entity: 'referral',
      entityId: referralId,
      action: 'lead-worker:named',
      after: { agency: input.agency, version },
    });
    const status = found.referral.status as ReferralStatus;
    return { id: referralId, version, status, statusText: referralStatuses[status] };
  });
}

/**
 * One change to a referral by triage: authorised, in the clinician's scope, logged either way.
 * `work` returns null for nothing to change; outside the scope the answer is 404.
 */
async function changeReferral<T>(
  ctx: ServiceContext,
  db: LanternDb,
  referralId: string,
  work: (tx: LanternDb, found: Found, userId: string, now: Date) => Promise<T | null>,
): Promise<T> {
  await authorise(ctx, 'referral:triage');
  if (ctx.actor.kind !== 'staff') throw new AppError('unauthenticated', 'Sign in to continue.');
  const { userId } = ctx.actor;
  const now = ctx.now();
  // Logged whatever happens next (a 412, 409 or 400 still read the referral), once it is known
  // whether the referral was within the clinician's scope.
  let isFound = false;
  try {
    const result = await withScope(db, recordScope(ctx.actor), async (tx) => {
      const found = await referrals.findReferralDetail(tx, referralId);
      isFound = found !== null;
      return found ? work(tx, found, userId, now) : null;
    });
    if (!result) throw referralNotFound();
    return result;
  } finally {
    await ctx.recordAccess({
      subjectKind: 'referral',
      subjectId: referralId,
      action: 'referral:triage',
      outcome: isFound ? 'allowed' : 'denied',
      basis: isFound ? 'triage' : 'out-of-scope',
    });
  }
}
