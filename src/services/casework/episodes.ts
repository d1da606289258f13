import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../access/authorise.js';
import type {
  AssessmentInput,
  EpisodeChanged,
  EpisodeView,
  GoalInput,
  GoalStatusInput,
  InterventionInput,
} from '../../contracts/episodes.js';
import type { LanternDb } from '../../db/client.js';
import * as episodes from '../../db/repositories/episodes.repository.js';
import type { WaitingRow } from '../../db/repositories/waiting.repository.js';
import { AppError } from '../../domain/app-error.js';
import {
  canChangeGoal,
  type DischargeOutcome,
  type DischargeReason,
  type EpisodeStatus,
  type Intervention,
  type RiskLevel,
} from '../../domain/casework/episode.js';
import { type Letters, letterRecipients, type ReferralSource } from '../../domain/casework/letters.js';
import { recordChange } from '../audit/record-change.js';
import {
  checkPastDate,
  milestoneOnce,
  openEpisodeFor,
  staleEpisode,
  withEpisodeReferral,
} from './episode-access.js';

type Deps = { db: LanternDb };
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Who the closing letters would go to now, and who not and why. */
export async function lettersFor(tx: LanternDb, referralId: string): Promise<Letters> {
  const facts = await episodes.letterFacts(tx, referralId);
  if (!facts) return { recipients: [], notWritten: [] };
  return letterRecipients({
    source: facts.referral.source as ReferralSource,
    referrerEmail: facts.referral.referrerEmail,
    consent: facts.consent,
    youngPerson: facts.referral,
    carers: facts.carers,
  });
}

/** Shapes the letters for the page: the carer's id stays on the server. */
export function lettersOut(letters: Letters): EpisodeView['letters'] {
  return {
    recipients: letters.recipients.map(({ carerId: _id, ...r }) => r),
    notWritten: letters.notWritten.map(({ carerId: _id, ...n }) => n),
  };
}

function episodeOf(row: WaitingRow, episode: episodes.EpisodeRow | null): EpisodeView['episode'] {
  if (!episode) {
    // An older allocation with no row: open since it was allocated, or closed without details.
    const isClosed = row.status === 'discharged';
    return {
      id: null,
      version: 1,
      status: isClosed ? 'discharged' : 'open',
      openedAt: iso(row.allocatedAt),
      intervention: null,
      interventionChosenAt: null,
      closedAt: null,
      closeReason: null,
      closeOutcome: null,
      closeSummary: null,
    };
  }
  return {
    id: episode.id,
    version: episode.version,
    status: episode.status as EpisodeStatus,
    openedAt: episode.openedAt.toISOString(),
    intervention: episode.intervention as Intervention | null,
    interventionChosenAt: iso(episode.interventionChosenAt),
    closedAt: iso(episode.closedAt),
    closeReason: episode.closeReason as DischargeReason | null,
    closeOutcome: episode.closeOutcome as DischargeOutcome | null,
    closeSummary: episode.closeSummary,
  };
}

/** The episode of care for one young person: assessments, goals, intervention, onward referrals. */
export function getEpisode(ctx: ServiceContext, deps: Deps, referralId: string): Promise<EpisodeView> {
  return withEpisodeReferral(ctx, deps.db, referralId, 'caseload:read', async (tx, row) => {
    const episode = await episodes.findEpisode(tx, referralId);
    const assessments = await episodes.assessmentsOf(tx, referralId);
    const goals = await episodes.goalsOf(tx, referralId);
    const onward = await episodes.onwardReferralsOf(tx, referralId);
    const letters = await lettersFor(tx, referralId);
    return {
      referralId,
      reference: row.reference,
      name: `${row.givenName} ${row.familyName}`,
      referralStatus: row.status,
      episode: episodeOf(row, episode),
      assessments: assessments.map(({ assessment: a, recordedByName }) => ({
        id: a.id,
        assessedAt: a.assessedAt.toISOString(),
        presentingProblems: a.presentingProblems,
        summary: a.summary,
        riskLevel: a.riskLevel as RiskLevel,
        riskDetail: a.riskDetail,
        safetyPlan: a.safetyPlan,
        inConfidence: a.inConfidence,
        recordedByName,
      })),
      goals: goals.map((g) => ({
        id: g.id,
        goal: g.goal,
        agreedAt: g.agreedAt.toISOString(),
        status: g.status as 'active' | 'achieved' | 'stopped',
        statusChangedAt: iso(g.statusChangedAt),
        version: g.version,
      })),
      onwardReferrals: onward.map((o) => ({
        id: o.id,
        direction: o.direction as 'step-up' | 'step-down' | 'onward',
        serviceName: o.serviceName,
        reason: o.reason,
        referredAt: o.referredAt.toISOString(),
      })),
      letters: lettersOut(letters),
    };
  });
}

/** Records an assessment (a new row every time) and, the first time, the 'assessment' milestone. */
export function recordAssessment(
  ctx: ServiceContext,
  deps: Deps,
  referralId: string,
  input: AssessmentInput,
): Promise<{ id: string }> {
  return withEpisodeReferral(ctx, deps.db, referralId, 'episode:record', async (tx, row, userId, now) => {
    await openEpisodeFor(tx, row, userId, now);
    const assessedAt = new Date(input.assessedAt);
    checkPastDate(assessedAt, row, now, 'assessedAt');
    const id = randomUUID();
    await episodes.insertAssessment(tx, {
      id,
      referralId,
      assessedAt,
      presentingProblems: input.presentingProblems,
      summary: input.summary,
      riskLevel: input.riskLevel,
      riskDetail: input.riskDetail,
      safetyPlan: input.safetyPlan,
      inConfidence: input.inConfidence,
      recordedAt: now,
      recordedBy: userId,
    });
    const milestone = await milestoneOnce(tx, referralId, 'assessment', assessedAt, { at: now, by: userId });
    await recordChange(tx, ctx, {
      entity: 'assessment',
      entityId: id,
      action: 'episode:assessed',
      after: { referralId, riskLevel: input.riskLevel, milestone },
    });
    return { id };
  });
}

/** Adds a care-plan goal; the first goal also records the 'care-plan' milestone. */
export function addGoal(
  ctx: ServiceContext,
  deps: Deps,
  referralId: string,
  input: GoalInput,
): Promise<{ id: string; version: number; status: string }> {
  return withEpisodeReferral(ctx, deps.db, referralId, 'episode:record', async (tx, row, userId, now) => {
    await openEpisodeFor(tx, row, userId, now);
    const agreedAt = new Date(input.agreedAt);
    checkPastDate(agreedAt, row, now, 'agreedAt');
    const id = randomUUID();
    await episodes.insertGoal(tx, {
      id,
      referralId,
      goal: input.goal,
      agreedAt,
      recordedAt: now,
      recordedBy: userId,
    });
    const milestone = await milestoneOnce(tx, referralId, 'care-plan', agreedAt, { at: now, by: userId });
    await recordChange(tx, ctx, {
      entity: 'care-plan-goal',
      entityId: id,
      action: 'episode:goal-added',
      after: { referralId, milestone },
    });
    return { id, version: 1, status: 'active' };
  });
}

/** Marks a goal achieved or stopped (If-Match: the goal's version). */
export function changeGoal(
  ctx: ServiceContext,
  deps: Deps,
  referralId: string,
  goalId: string,
  expectedVersion: number,
  input: GoalStatusInput,
): Promise<{ id: string; version: number; status: string }> {
  return withEpisodeReferral(ctx, deps.db, referralId, 'episode:record', async (tx, row, userId, now) => {
    await openEpisodeFor(tx, row, userId, now);
    const goal = await episodes.findGoal(tx, referralId, goalId);
    if (!goal) throw new AppError('not-found', 'There is no such goal for this young person.');
    if (goal.version !== expectedVersion) throw staleEpisode();
    if (!canChangeGoal(goal.status, input.status)) {
      throw new AppError('conflict', 'This goal was already marked achieved or stopped.');
    }
    const version = await episodes.changeGoalIfVersion(tx, goalId, expectedVersion, {
      status: input.status,
      statusChangedAt: now,
    });
    if (version === null) throw staleEpisode();
    await recordChange(tx, ctx, {
      entity: 'care-plan-goal',
      entityId: goalId,
      action: `episode:goal-${input.status}`,
      before: { status: goal.status, version: goal.version },
      after: { status: input.status, version },
    });
    return { id: goalId, version, status: input.status };
  });
}

/** Chooses the intervention (If-Match: the episode's version); the first choice is a milestone. */
export function chooseIntervention(
  ctx: ServiceContext,
  deps: Deps,
  referralId: string,
  expectedVersion: number,
  input: InterventionInput,
): Promise<EpisodeChanged> {
  return withEpisodeReferral(ctx, deps.db, referralId, 'episode:record', async (tx, row, userId, now) => {
    const episode = await openEpisodeFor(tx, row, userId, now);
    if (episode.version !== expectedVersion) throw staleEpisode();
    const version = await episodes.updateEpisodeIfVersion(tx, episode.id, expectedVersion, {
      intervention: input.intervention,
      interventionChosenAt: episode.interventionChosenAt ?? now,
    });
    if (version === null) throw staleEpisode();
    const milestone = await milestoneOnce(tx, referralId, 'intervention', now, { at: now, by: userId });
    await recordChange(tx, ctx, {
      entity: 'episode',
      entityId: episode.id,
      action: 'episode:intervention',
      before: { intervention: episode.intervention, version: episode.version },
      after: { intervention: input.intervention, version, milestone },
    });
    return { id: episode.id, version, status: episode.status };
  });
}
