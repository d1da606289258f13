import { randomUUID } from 'node:crypto';
import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { AllocateInput, BulkAllocated, BulkAllocateInput, Preferences } from '../../contracts/mhst.js';
import type { ReferralChanged } from '../../contracts/triage.js';
import type { LanternDb } from '../../db/client.js';
import * as episodes from '../../db/repositories/episodes.repository.js';
import * as mhst from '../../db/repositories/mhst.repository.js';
import * as outbox from '../../db/repositories/outbox.repository.js';
import * as referrals from '../../db/repositories/referrals.repository.js';
import * as waiting from '../../db/repositories/waiting.repository.js';
import { withScope } from '../../db/scoped.js';
import type { Suggestion } from '../../domain/allocation/suggestions.js';
import { AppError } from '../../domain/app-error.js';
import { type ReferralStatus, referralStatuses } from '../../domain/referrals/triage-decisions.js';
import { recordChange } from '../audit/record-change.js';
import { withReferralAccess } from '../audit/referral-access.js';
import { staleVersion } from '../referrals/record-decision.js';
import { referralNotInTeam, suggestionsFor } from './allocation-view.js';
import { teamInReach } from './team-reach.js';
import { trayStatus } from './waiting-list.js';

const allocatable = Object.values(trayStatus);

type Row = waiting.WaitingRow;
interface Allocation {
  kind: 'practitioner' | 'group-waiting-list';
  userId?: string;
  groupName?: string;
  reason: string;
  suggestion?: Suggestion;
  isBulk: boolean;
}

/** Status after allocation: a young person already seen stays in intervention. */
function statusAfter(row: Row, kind: Allocation['kind']): ReferralStatus {
  if (kind === 'group-waiting-list') return 'group-waiting-list';
  return row.status === 'in-intervention' ? 'in-intervention' : 'allocated';
}

/** Writes one allocation: ends the current one, adds the new row, moves the referral, tells the practitioner. */
async function writeAllocation(
  ctx: ServiceContext,
  tx: LanternDb,
  row: Row,
  expectedVersion: number,
  allocation: Allocation,
  names: { teamId: string; teamName: string; practitionerEmail: string | null },
  userId: string,
  now: Date,
): Promise<number> {
  const next = statusAfter(row, allocation.kind);
  const version = await referrals.updateReferralIfVersion(tx, row.referralId, expectedVersion, {
    status: next,
    allocatedUserId: allocation.kind === 'practitioner' ? (allocation.userId ?? null) : null,
    // The first allocation: the team's pace (time to allocate) is measured to it.
    allocatedAt: row.allocatedAt ?? now,
  });
  if (version === null) throw staleVersion();
  const id = randomUUID();
  await mhst.replaceAllocation(
    tx,
    {
      id,
      referralId: row.referralId,
      teamId: names.teamId,
      kind: allocation.kind,
      userId: allocation.userId ?? null,
      groupName: allocation.groupName ?? null,
      reason: allocation.reason,
      suggestionScore: allocation.suggestion?.score ?? null,
      suggestionReasons: allocation.suggestion?.reasons ?? null,
      isBulk: allocation.isBulk,
      recordedAt: now,
      recordedBy: userId,
    },
    { at: now, by: userId, reason: `Reallocated: ${allocation.reason}` },
  );
  // The episode of care opens on the first allocation; a reallocation keeps the one it has.
  await episodes.openEpisodeIfNone(tx, { referralId: row.referralId, openedAt: now, openedBy: userId });
  if (names.practitionerEmail) {
    await outbox.enqueue(tx, [
      {
        channel: 'email',
        template: 'new-allocation',
        recipient: names.practitionerEmail,
        personalisation: { teamName: names.teamName, reference: row.reference },
        referralId: row.referralId,
        createdAt: now,
      },
    ]);
  }
  await recordChange(tx, ctx, {
    entity: 'referral',
    entityId: row.referralId,
    action: row.allocationKind ? 'allocation:reallocated' : 'allocation:allocated',
    before: { status: row.status, allocatedUserId: row.allocatedUserId ?? null, version: expectedVersion },
    after: {
      status: next,
      allocationId: id,
      kind: allocation.kind,
      userId: allocation.userId ?? null,
      version,
    },
  });
  return version;
}

/** Allocates one referral to a practitioner of the team or to a group's waiting list (If-Match). */
export async function allocateReferral(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  teamId: string,
  referralId: string,
  expectedVersion: number,
  input: AllocateInput,
): Promise<ReferralChanged> {
  await authorise(ctx, 'allocation:manage');
  const userId = staffOf(ctx).userId;
  const now = ctx.now();
  return withReferralAccess(ctx, referralId, 'allocation:manage', 'team', (found) =>
    withScope(deps.db, recordScope(ctx.actor), async (tx) => {
      const team = await teamInReach(ctx, tx, 'allocation:manage', teamId);
      const [row] = await waiting.waitingRows(tx, {
        teamId,
        statuses: allocatable,
        referralIds: [referralId],
      });
      if (!row) throw referralNotInTeam();
      found();
      if (row.version !== expectedVersion) throw staleVersion();
      let suggestion: Suggestion | undefined;
      let email: string | null = null;
      if (input.kind === 'practitioner') {
        const preferences = await preferencesOrNone(tx, referralId);
        const ranked = await suggestionsFor(tx, teamId, row, preferences);
        suggestion = ranked.find((s) => s.userId === input.userId);
        if (!suggestion) {
          throw new AppError('bad-request', 'Choose a practitioner from this team.', [
            { name: 'userId', reason: `is not a practitioner in ${team.name}` },
          ]);
        }
        if (row.allocatedUserId === input.userId) {
          throw new AppError('conflict', 'This referral is already allocated to that practitioner.');
        }
        email = (await mhst.practitionerEmails(tx, [input.userId])).get(input.userId) ?? null;
      }
      const version = await writeAllocation(
        ctx,
        tx,
        row,
        expectedVersion,
        { ...input, suggestion, isBulk: false },
        { teamId, teamName: team.name, practitionerEmail: email },
        userId,
        now,
      );
      const status = statusAfter(row, input.kind);
      return { id: referralId, version, status, statusText: referralStatuses[status] };
    }),
  );
}

async function preferencesOrNone(tx: LanternDb, referralId: string): Promise<Preferences> {
  const saved = await mhst.preferencesOf(tx, referralId);
  return {
    practitionerGender: (saved?.practitionerGender as Preferences['practitionerGender']) ?? null,
    language: saved?.language ?? null,
  };
}

/**
 * Allocates many referrals at once, each to the practitioner chosen or else to its top suggestion
 * with space, in one transaction per referral so one stale row does not undo the rest. Caseloads
 * are counted again after each allocation, so a bulk run does not overfill one practitioner.
 */
export async function bulkAllocate(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  teamId: string,
  input: BulkAllocateInput,
): Promise<BulkAllocated> {
  await authorise(ctx, 'allocation:manage');
  const userId = staffOf(ctx).userId;
  const scope = recordScope(ctx.actor);
  const team = await withScope(deps.db, scope, (tx) => teamInReach(ctx, tx, 'allocation:manage', teamId));
  const results: BulkAllocated['results'] = [];
  for (const item of input.items) {
    const now = ctx.now();
    const result = await withScope(deps.db, scope, async (tx) => {
      const [row] = await waiting.waitingRows(tx, {
        teamId,
        statuses: allocatable,
        referralIds: [item.referralId],
      });
      if (!row)
        return {
          referralId: item.referralId,
          outcome: 'not-found' as const,
          version: null,
          practitionerName: null,
        };
      if (row.version !== item.version) {
        return {
          referralId: item.referralId,
          outcome: 'changed-since-you-looked' as const,
          version: null,
          practitionerName: null,
        };
      }
      const ranked = await suggestionsFor(tx, teamId, row, await preferencesOrNone(tx, item.referralId));
      const chosen = item.userId
        ? ranked.find((s) => s.userId === item.userId)
        : ranked.find((s) => s.spareCapacity > 0 && s.userId !== row.allocatedUserId);
      if (!chosen) {
        return {
          referralId: item.referralId,
          outcome: 'no-practitioner-with-space' as const,
          version: null,
          practitionerName: null,
        };
      }
      const email = (await mhst.practitionerEmails(tx, [chosen.userId])).get(chosen.userId) ?? null;
      const version = await writeAllocation(
        ctx,
        tx,
        row,
        item.version,
        {
          kind: 'practitioner',
          userId: chosen.userId,
          reason: input.reason,
          suggestion: chosen,
          isBulk: true,
        },
        { teamId, teamName: team.name, practitionerEmail: email },
        userId,
        now,
      );
      return {
        referralId: item.referralId,
        outcome: 'allocated' as const,
        version,
        practitionerName: chosen.displayName,
      };
    });
    await ctx.recordAccess({
      subjectKind: 'referral',
      subjectId: item.referralId,
      action: 'allocation:manage',
      outcome: result.outcome === 'not-found' ? 'denied' : 'allowed',
      basis: result.outcome === 'not-found' ? 'out-of-scope' : 'team',
    });
    results.push(result);
  }
  return { results };
}

/** Records the young person's wishes about who works with them (used by the suggestions). */
export async function savePreferences(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  teamId: string,
  referralId: string,
  input: Preferences,
): Promise<Preferences> {
  await authorise(ctx, 'allocation:manage');
  const userId = staffOf(ctx).userId;
  return withReferralAccess(ctx, referralId, 'allocation:manage', 'team', (found) =>
    withScope(deps.db, recordScope(ctx.actor), async (tx) => {
      await teamInReach(ctx, tx, 'allocation:manage', teamId);
      const [row] = await waiting.waitingRows(tx, {
        teamId,
        statuses: allocatable,
        referralIds: [referralId],
      });
      if (!row) throw referralNotInTeam();
      found();
      const saved = { practitionerGender: input.practitionerGender, language: input.language || null };
      await mhst.savePreferences(tx, { referralId, ...saved, recordedAt: ctx.now(), recordedBy: userId });
      await recordChange(tx, ctx, {
        entity: 'referral',
        entityId: referralId,
        action: 'allocation:preferences',
        after: saved,
      });
      return saved;
    }),
  );
}
