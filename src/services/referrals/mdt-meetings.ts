import { randomUUID } from 'node:crypto';
import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type {
  CreateMdtMeetingInput,
  MdtMeeting,
  MdtMeetingList,
  MdtOutcomeInput,
} from '../../contracts/triage.js';
import type { LanternDb } from '../../db/client.js';
import * as mdt from '../../db/repositories/mdt.repository.js';
import * as referrals from '../../db/repositories/referrals.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import type { ReferralStatus } from '../../domain/referrals/triage-decisions.js';
import { recordChange } from '../audit/record-change.js';

const meetingNotFound = () =>
  new AppError('not-found', 'There is no meeting at this address that you can see.');

/** A meeting with the agenda items the reader may see: items about other children stay hidden. */
async function loadMeeting(tx: LanternDb, id: string, organisationId: string): Promise<MdtMeeting | null> {
  const meeting = await mdt.findMeeting(tx, id, organisationId);
  if (!meeting) return null;
  const agenda = await mdt.agendaOf(tx, id);
  const actions = await mdt.actionsOf(
    tx,
    agenda.map((item) => item.itemId),
  );
  return {
    id: meeting.id,
    heldAt: meeting.heldAt.toISOString(),
    agenciesPresent: meeting.agenciesPresent,
    agenda: agenda.map((item) => ({
      itemId: item.itemId,
      referralId: item.referralId,
      reference: item.reference,
      childName: `${item.givenName} ${item.familyName}`,
      status: item.status as ReferralStatus,
      sharedDecision: item.sharedDecision,
      actions: mdt.actionsForItem(actions, item.itemId),
    })),
  };
}

/** Adds referrals to an agenda; each must be within the organiser's scope, or it is refused as unknown. */
async function addItems(
  tx: LanternDb,
  ctx: ServiceContext,
  meetingId: string,
  referralIds: string[],
  userId: string,
) {
  for (const referralId of referralIds) {
    if (!(await referrals.findReferralDetail(tx, referralId))) {
      throw new AppError('bad-request', 'Add only referrals you can see.', [
        { name: 'referralIds', reason: 'includes a referral that is not in your scope' },
      ]);
    }
  }
  await mdt.insertAgendaItems(
    tx,
    referralIds.map((referralId) => ({
      id: randomUUID(),
      meetingId,
      referralId,
      addedBy: userId,
      addedAt: ctx.now(),
    })),
  );
}

async function logAgenda(ctx: ServiceContext, meeting: MdtMeeting) {
  for (const item of meeting.agenda) {
    await ctx.recordAccess({
      subjectKind: 'referral',
      subjectId: item.referralId,
      action: 'mdt:manage',
      outcome: 'allowed',
      basis: 'mdt-agenda',
    });
  }
}

export async function listMdtMeetings(ctx: ServiceContext, deps: { db: LanternDb }): Promise<MdtMeetingList> {
  await authorise(ctx, 'mdt:manage');
  const actor = staffOf(ctx);
  const rows = await withScope(deps.db, recordScope(actor), (tx) =>
    mdt.listMeetings(tx, actor.organisationId),
  );
  return { meetings: rows.map((m) => ({ ...m, heldAt: m.heldAt.toISOString() })) };
}

export async function createMdtMeeting(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  input: CreateMdtMeetingInput,
) {
  await authorise(ctx, 'mdt:manage');
  const actor = staffOf(ctx);
  const id = randomUUID();
  await withScope(deps.db, recordScope(actor), async (tx) => {
    await mdt.insertMeeting(tx, {
      id,
      organisationId: actor.organisationId,
      heldAt: new Date(input.heldAt),
      agenciesPresent: input.agenciesPresent,
      createdBy: actor.userId,
    });
    await addItems(tx, ctx, id, [...new Set(input.referralIds)], actor.userId);
    await recordChange(tx, ctx, {
      entity: 'mdt-meeting',
      entityId: id,
      action: 'created',
      after: { items: input.referralIds.length },
    });
  });
  // Only the id: the answer is kept for Idempotency-Key replays, outside row-level security, so it
  // must hold no child's data. The agenda is read with GET, in the reader's scope and logged.
  return { id };
}

export async function getMdtMeeting(ctx: ServiceContext, deps: { db: LanternDb }, id: string) {
  await authorise(ctx, 'mdt:manage');
  const actor = staffOf(ctx);
  const meeting = await withScope(deps.db, recordScope(actor), (tx) =>
    loadMeeting(tx, id, actor.organisationId),
  );
  if (!meeting) throw meetingNotFound();
  await logAgenda(ctx, meeting);
  return meeting;
}

export async function addToMdtAgenda(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  id: string,
  referralId: string,
) {
  await authorise(ctx, 'mdt:manage');
  const actor = staffOf(ctx);
  const meeting = await withScope(deps.db, recordScope(actor), async (tx) => {
    if (!(await mdt.findMeeting(tx, id, actor.organisationId))) return null;
    await addItems(tx, ctx, id, [referralId], actor.userId);
    return loadMeeting(tx, id, actor.organisationId);
  });
  if (!meeting) throw meetingNotFound();
  await logAgenda(ctx, meeting);
  return meeting;
}

/** Records the agencies' shared decision and actions for one referral; recorded once, never overwritten. */
export async function recordMdtOutcome(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  id: string,
  itemId: string,
  input: MdtOutcomeInput,
) {
  await authorise(ctx, 'mdt:manage');
  const actor = staffOf(ctx);
  const now = ctx.now();
  const meeting = await withScope(deps.db, recordScope(actor), async (tx) => {
    const found = await loadMeeting(tx, id, actor.organisationId);
    const item = found?.agenda.find((i) => i.itemId === itemId);
    if (!found || !item) return null;
    const referralId = await mdt.recordSharedDecision(tx, itemId, {
      text: input.sharedDecision,
      at: now,
      by: actor.userId,
    });
    if (!referralId)
      throw new AppError(
        'conflict',
        'A decision has already been recorded for this referral at this meeting.',
      );
    await mdt.insertActions(
      tx,
      input.actions.map((a) => ({
        ...a,
        id: randomUUID(),
        agendaItemId: itemId,
        referralId,
        createdAt: now,
      })),
    );
    await recordChange(tx, ctx, {
      entity: 'mdt-agenda-item',
      entityId: itemId,
      action: 'decided',
      after: { referralId, actions: input.actions.length },
    });
    return loadMeeting(tx, id, actor.organisationId);
  });
  if (!meeting) throw meetingNotFound();
  await logAgenda(ctx, meeting);
  return meeting;
}
