import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { AllocationView, Preferences, WaitingClocksOut } from '../../contracts/mhst.js';
import type { LanternDb } from '../../db/client.js';
import * as casework from '../../db/repositories/casework.repository.js';
import * as mhst from '../../db/repositories/mhst.repository.js';
import * as referralsRepo from '../../db/repositories/referrals.repository.js';
import * as triage from '../../db/repositories/triage.repository.js';
import * as waiting from '../../db/repositories/waiting.repository.js';
import { asSystemWithin, withScope } from '../../db/scoped.js';
import { type Suggestion, suggestPractitioners } from '../../domain/allocation/suggestions.js';
import { AppError } from '../../domain/app-error.js';
import type { AttendStatus, Milestone } from '../../domain/waiting/clocks.js';
import { ragFor } from '../../domain/waiting/clocks.js';
import { moreInformationPauses } from '../../domain/waiting/more-information.js';
import { referralSpells, spellClocks } from '../../domain/waiting/spells.js';
import { withReferralAccess } from '../audit/referral-access.js';
import { teamInReach, waitingEntry } from './team-reach.js';
import { paceOf, trayStatus } from './waiting-list.js';

export const referralNotInTeam = () =>
  new AppError('not-found', 'There is no such referral on this team’s list, or it is not one of yours.');

const allTrays = Object.values(trayStatus);

/** The allocation history as a reader sees it. */
export function allocationRecords(rows: Awaited<ReturnType<typeof mhst.allocationsOf>>) {
  return rows.map(({ allocation, practitionerName, recordedByName }) => ({
    id: allocation.id,
    kind: allocation.kind as 'practitioner' | 'group-waiting-list',
    practitionerName,
    groupName: allocation.groupName,
    reason: allocation.reason,
    isBulk: allocation.isBulk,
    recordedAt: allocation.recordedAt.toISOString(),
    recordedBy: recordedByName,
    endedAt: allocation.endedAt?.toISOString() ?? null,
    endReason: allocation.endReason,
  }));
}

/**
 * Every clock of the referral's spell: the young person's referrals received within five days of
 * each other count as one request for help, started at the first (DOMAIN.md, referral spells).
 */
export async function clocksOfReferral(
  tx: LanternDb,
  referral: { referralId: string; childId: string },
  now: Date,
): Promise<WaitingClocksOut> {
  const mine = await referralsRepo.referralsOfChildren(tx, [referral.childId]);
  const ids = mine.map((r) => r.id);
  const contacts = await casework.contactsOf(tx, ids);
  const milestones = await casework.milestonesOf(tx, ids);
  const pauses = await casework.pausesOf(tx, ids);
  // Time triage spent waiting for the referrer, per referral (ADR 0012).
  // One transaction is one connection: its queries go one after another.
  const askedFor = new Map<string, ReturnType<typeof moreInformationPauses>>();
  for (const id of ids) {
    const decisions = await triage.decisionsOf(tx, id);
    const answers = await referralsRepo.informationOf(tx, id);
    askedFor.set(
      id,
      moreInformationPauses(
        decisions.map((d) => d.decision),
        answers,
      ),
    );
  }
  const members = mine.map((r) => ({
    id: r.id,
    receivedAt: r.receivedAt,
    closedAt: ['signposted', 'declined'].includes(r.status) ? r.receivedAt : null,
    contacts: contacts
      .filter((c) => c.contact.referralId === r.id)
      .map((c) => ({ at: c.contact.startsAt, attendStatus: c.contact.attendStatus as AttendStatus | null })),
    milestones: milestones
      .filter((m) => m.referralId === r.id)
      .map((m) => ({ milestone: m.milestone as Milestone, at: m.occurredAt })),
    pauses: [
      ...pauses
        .filter((p) => p.referralId === r.id)
        .map((p) => ({ from: p.startsOn, to: p.endsOn, reason: 'young-person-choice' as const })),
      ...(askedFor.get(r.id) ?? []),
    ],
  }));
  const spell = referralSpells(members).find((s) => s.members.some((m) => m.id === referral.referralId));
  const clocks = spellClocks(spell?.members ?? [], now);
  const view = (v: typeof clocks.firstContact) => ({
    days: v.days,
    isRunning: v.isRunning,
    stoppedAt: v.stoppedAt?.toISOString() ?? null,
  });
  return {
    startedAt: clocks.startedAt.toISOString(),
    firstContact: view(clocks.firstContact),
    secondContact: view(clocks.secondContact),
    clockStop: view(clocks.clockStop),
    pausedDays: clocks.pausedDays,
    firstContactLessChosenPauses: clocks.firstContactLessChosenPauses,
    rag: ragFor(clocks.firstContact),
    spellReferralCount: spell?.members.length ?? 1,
  };
}

/** Practitioners ranked for this referral, with the reasons; caseloads and capacity as they stand. */
export async function suggestionsFor(
  tx: LanternDb,
  teamId: string,
  referral: { referralId: string; childId: string; schoolUrn: number | null },
  preferences: Preferences,
) {
  const practitioners = await mhst.practitionersOfTeam(tx, teamId);
  const related = await waiting.relatedPractitioners(tx, referral.referralId, referral.childId);
  const ranked: Suggestion[] = suggestPractitioners(
    { referralId: referral.referralId, schoolUrn: referral.schoolUrn, ...related, preferences },
    practitioners,
  );
  const byId = new Map(practitioners.map((p) => [p.userId, p]));
  return ranked.map((s) => ({
    ...s,
    caseload: byId.get(s.userId)?.caseload ?? 0,
    capacity: byId.get(s.userId)?.capacity ?? 0,
  }));
}

/** A referral on the team's list, ready to allocate: clocks, suggestions with reasons, history. */
export async function getAllocationView(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  teamId: string,
  referralId: string,
): Promise<AllocationView> {
  await authorise(ctx, 'allocation:manage');
  const now = ctx.now();
  return withReferralAccess(ctx, referralId, 'allocation:manage', 'team', (found) =>
    withScope(deps.db, recordScope(ctx.actor), async (tx) => {
      await teamInReach(ctx, tx, 'allocation:manage', teamId);
      const [row] = await waiting.waitingRows(tx, { teamId, statuses: allTrays, referralIds: [referralId] });
      if (!row) throw referralNotInTeam();
      found();
      const saved = await mhst.preferencesOf(tx, referralId);
      const preferences: Preferences = {
        practitionerGender: (saved?.practitionerGender as Preferences['practitionerGender']) ?? null,
        language: saved?.language ?? null,
      };
      // The team's pace is a figure about the whole team (see getWaitingList). Read on its own, never
      // alongside other queries: the system scope holds for the whole transaction while it runs.
      const pace = await asSystemWithin(tx, 'team pace', () => paceOf(tx, teamId, now, deps.db));
      const suggestions = await suggestionsFor(tx, teamId, row, preferences);
      const history = await mhst.allocationsOf(tx, [referralId]);
      const clocks = await clocksOfReferral(tx, row, now);
      const groups = await mhst.groupNames(tx, teamId);
      return {
        referral: waitingEntry(row, now, pace),
        teamId,
        clocks,
        preferences,
        suggestions,
        history: allocationRecords(history),
        groups,
      };
    }),
  );
}
