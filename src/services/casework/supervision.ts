import { randomUUID } from 'node:crypto';
import { authorise, type ServiceContext, type StaffActor, staffOf } from '../../access/authorise.js';
import { permissionsOfRoles } from '../../access/roles.js';
import { recordScope } from '../../access/scope.js';
import type {
  NotesToSign,
  RecordSupervisionInput,
  SignedOff,
  SupervisionKind,
  SupervisionLog,
} from '../../contracts/notes.js';
import type { LanternDb } from '../../db/client.js';
import * as notes from '../../db/repositories/notes.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { signOffProblem } from '../../domain/casework/notes.js';
import { recordChange } from '../audit/record-change.js';

/** Roles whose holders have clinical supervision. */
const supervisedRoles = ['emhp', 'senior-practitioner', 'supervisor', 'mhst-clinical-lead'] as const;

/** The teams where this person holds a role with the permission (supervision is per team). */
function teamsWith(actor: StaffActor, permission: 'note:sign-off' | 'supervision:record'): string[] {
  const ids = actor.grants
    .filter((g) => g.teamId && permissionsOfRoles([g.role]).has(permission))
    .map((g) => g.teamId as string);
  return [...new Set(ids)];
}

/**
 * Current versions of notes waiting for sign-off in the supervisor's teams, not their own. One
 * access-log row names the list and how many were shown, as the waiting list does.
 */
export async function listNotesToSign(ctx: ServiceContext, deps: { db: LanternDb }): Promise<NotesToSign> {
  await authorise(ctx, 'note:sign-off');
  const actor = staffOf(ctx);
  const rows = await withScope(deps.db, recordScope(ctx.actor), (tx) =>
    notes.notesToSign(tx, teamsWith(actor, 'note:sign-off'), actor.userId),
  );
  await ctx.recordAccess({
    subjectKind: 'notes-to-sign',
    subjectId: actor.userId,
    action: 'note:sign-off',
    outcome: 'allowed',
    basis: `listed ${rows.length}`,
  });
  return {
    items: rows.map((r) => ({
      noteId: r.noteId,
      version: r.version,
      referralId: r.referralId,
      reference: r.reference,
      practitionerName: r.writerName,
      writtenAt: r.writtenAt.toISOString(),
      body: r.body,
      correctionReason: r.correctionReason,
      inConfidence: r.inConfidence,
    })),
  };
}

const noSuchNote = () => new AppError('not-found', 'There is no such note for you to sign off.');

/**
 * Signs off one version of a note (If-Match: that version). The note must be on a referral of one
 * of the supervisor's teams (otherwise 404), current (412), not signed already (409) and not theirs (409).
 */
export async function signOffNote(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  noteId: string,
  expectedVersion: number,
  input: { comment: string },
): Promise<SignedOff> {
  await authorise(ctx, 'note:sign-off');
  const actor = staffOf(ctx);
  const now = ctx.now();
  let referralId: string | null = null;
  try {
    return await withScope(deps.db, recordScope(ctx.actor), async (tx) => {
      const [current] = await notes.versionsOfNote(tx, noteId);
      if (!current) throw noSuchNote();
      const referral = await notes.referralInScope(tx, current.referralId, [
        'allocated',
        'in-intervention',
        'group-waiting-list',
        'discharged',
      ]);
      if (!referral?.teamId || !teamsWith(actor, 'note:sign-off').includes(referral.teamId))
        throw noSuchNote();
      referralId = referral.id;
      const signOffs = await notes.signOffsOf(tx, [noteId]);
      const problem = signOffProblem(current, expectedVersion, signOffs, actor.userId);
      if (problem === 'own-note') {
        throw new AppError('conflict', 'You wrote this note, so another supervisor must sign it off.');
      }
      if (problem === 'stale') {
        throw new AppError(
          'precondition-failed',
          'This note has been corrected since. Reload to sign off the latest.',
        );
      }
      if (
        problem === 'already-signed-off' ||
        !(await notes.insertSignOff(tx, signOff(current, actor, now, input)))
      ) {
        throw new AppError('conflict', 'This version of the note is already signed off.');
      }
      await recordChange(tx, ctx, {
        entity: 'contact-note',
        entityId: noteId,
        action: 'note:signed-off',
        after: { referralId: referral.id, version: current.version },
      });
      return { noteId, version: current.version, signedAt: now.toISOString() };
    });
  } finally {
    await ctx.recordAccess(
      referralId
        ? {
            subjectKind: 'referral',
            subjectId: referralId,
            action: 'note:sign-off',
            outcome: 'allowed',
            basis: 'team',
          }
        : {
            subjectKind: 'contact-note',
            subjectId: noteId,
            action: 'note:sign-off',
            outcome: 'denied',
            basis: 'out-of-scope',
          },
    );
  }
}

function signOff(current: notes.NoteVersionRow, actor: StaffActor, now: Date, input: { comment: string }) {
  return {
    noteId: current.noteId,
    version: current.version,
    referralId: current.referralId,
    signedAt: now,
    signedBy: actor.userId,
    comment: input.comment,
  };
}

async function supervisedBy(tx: LanternDb, actor: StaffActor) {
  const all = await notes.practitionersOfTeams(tx, teamsWith(actor, 'supervision:record'), supervisedRoles);
  return all.filter((p) => p.userId !== actor.userId);
}

const noSuchPractitioner = () => new AppError('not-found', 'There is no such practitioner in your teams.');

/** Records a supervision session with a practitioner of one of the supervisor's teams. */
export async function recordSupervision(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  input: RecordSupervisionInput,
): Promise<{ id: string }> {
  await authorise(ctx, 'supervision:record');
  const actor = staffOf(ctx);
  const now = ctx.now();
  const heldAt = new Date(input.heldAt);
  if (heldAt.getTime() > now.getTime() + 60 * 60_000) {
    throw new AppError('bad-request', 'A supervision session is recorded once it has happened.', [
      { name: 'heldAt', reason: 'must not be in the future' },
    ]);
  }
  return withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    const practitioners = await supervisedBy(tx, actor);
    if (!practitioners.some((p) => p.userId === input.practitionerUserId)) throw noSuchPractitioner();
    const id = randomUUID();
    await notes.insertSupervisionSession(tx, {
      id,
      practitionerUserId: input.practitionerUserId,
      supervisorUserId: actor.userId,
      heldAt,
      kind: input.kind,
      casesDiscussed: input.casesDiscussed,
      summary: input.summary,
      actions: input.actions,
      recordedAt: now,
      recordedBy: actor.userId,
    });
    await recordChange(tx, ctx, {
      entity: 'supervision-session',
      entityId: id,
      action: 'supervision:recorded',
      after: { practitionerUserId: input.practitionerUserId, kind: input.kind },
    });
    return { id };
  });
}

function logOf(
  rows: Awaited<ReturnType<typeof notes.supervisionSessionsOf>>,
  practitioners: SupervisionLog['practitioners'],
): SupervisionLog {
  return {
    practitioners,
    items: rows.map(({ session, practitionerName, supervisorName }) => ({
      id: session.id,
      practitionerUserId: session.practitionerUserId,
      practitionerName,
      supervisorName,
      heldAt: session.heldAt.toISOString(),
      kind: session.kind as SupervisionKind,
      casesDiscussed: session.casesDiscussed,
      summary: session.summary,
      actions: session.actions,
    })),
  };
}

/** The supervision log of the practitioners a supervisor supervises (or one of them). */
export async function supervisionLog(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  practitionerUserId?: string,
): Promise<SupervisionLog> {
  await authorise(ctx, 'supervision:record');
  const actor = staffOf(ctx);
  return withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    const practitioners = await supervisedBy(tx, actor);
    if (practitionerUserId && !practitioners.some((p) => p.userId === practitionerUserId)) {
      throw noSuchPractitioner();
    }
    const ids = practitionerUserId ? [practitionerUserId] : practitioners.map((p) => p.userId);
    return logOf(await notes.supervisionSessionsOf(tx, ids), practitioners);
  });
}

/** A practitioner's own supervision log. */
export async function mySupervisionLog(
  ctx: ServiceContext,
  deps: { db: LanternDb },
): Promise<SupervisionLog> {
  await authorise(ctx, 'caseload:read');
  const actor = staffOf(ctx);
  return withScope(deps.db, recordScope(ctx.actor), async (tx) =>
    logOf(await notes.supervisionSessionsOf(tx, [actor.userId]), []),
  );
}
