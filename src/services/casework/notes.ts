import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import type { Permission } from '../../access/permissions.js';
import { accessBasis, recordScope } from '../../access/scope.js';
import type {
  CorrectNoteInput,
  NoteList,
  NoteOut,
  NoteSaved,
  WriteNoteInput,
} from '../../contracts/notes.js';
import type { LanternDb } from '../../db/client.js';
import * as casework from '../../db/repositories/casework.repository.js';
import * as notes from '../../db/repositories/notes.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import {
  correctionProblem,
  signOffState,
  signOffStateLabels,
  versionsNewestFirst,
} from '../../domain/casework/notes.js';
import { londonDate } from '../../domain/people/child-details.js';
import { formatLongDate } from '../../domain/referrals/what-happens-next.js';
import { recordChange } from '../audit/record-change.js';
import { withReferralAccess } from '../audit/referral-access.js';
import { notOnCaseload } from './caseload-access.js';

/** Where case work is recorded: from allocation on, and after discharge for the closing notes. */
export const caseworkStatuses = ['allocated', 'in-intervention', 'group-waiting-list', 'discharged'] as const;

/** Why this person may see the referral, for the access log (the same rule as row-level security). */
export function basisOf(ctx: ServiceContext, row: notes.ReferralInScope): string {
  return (
    accessBasis(recordScope(ctx.actor), {
      id: row.id,
      referrerUserId: null,
      schoolUrn: null,
      allocatedUserId: row.allocatedUserId,
      leadWorkerUserId: null,
      teamId: row.teamId,
      serviceId: null,
      organisationId: row.organisationId,
    }) ?? 'caseload'
  );
}

/**
 * Work on one young person's case record: authorised, within scope, access-logged (one row, allowed
 * on its basis or refused as out of scope), in one transaction.
 */
export async function onCaseRecord<T>(
  ctx: ServiceContext,
  db: LanternDb,
  referralId: string,
  permission: Permission,
  work: (tx: LanternDb, referral: notes.ReferralInScope, userId: string, now: Date) => Promise<T>,
): Promise<T> {
  await authorise(ctx, permission);
  const userId = staffOf(ctx).userId;
  const now = ctx.now();
  return withReferralAccess(ctx, referralId, permission, 'caseload', (found) =>
    withScope(db, recordScope(ctx.actor), async (tx) => {
      const referral = await notes.referralInScope(tx, referralId, caseworkStatuses);
      if (!referral) throw notOnCaseload();
      found(basisOf(ctx, referral));
      return work(tx, referral, userId, now);
    }),
  );
}

const stale = () =>
  new AppError(
    'precondition-failed',
    'This note has been corrected since you opened it. Reload it to see the latest.',
  );

function isDuplicate(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** Writes a new note on a young person's record, optionally for one of their appointments. */
export function writeNote(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
  input: z.infer<typeof WriteNoteInput>,
): Promise<NoteSaved> {
  return onCaseRecord(ctx, deps.db, referralId, 'contact:record', async (tx, _referral, userId, now) => {
    if (input.contactId && !(await casework.findContact(tx, referralId, input.contactId))) {
      throw new AppError('bad-request', 'That appointment is not one of this young person’s.', [
        { name: 'contactId', reason: 'must be an appointment of this young person' },
      ]);
    }
    const noteId = randomUUID();
    await notes.insertNoteVersion(tx, {
      noteId,
      version: 1,
      referralId,
      contactId: input.contactId ?? null,
      body: input.body,
      correctionReason: null,
      inConfidence: input.inConfidence,
      writtenAt: now,
      writtenBy: userId,
    });
    await recordChange(tx, ctx, {
      entity: 'contact-note',
      entityId: noteId,
      action: 'note:written',
      after: { referralId, version: 1, contactId: input.contactId ?? null, inConfidence: input.inConfidence },
    });
    return { noteId, version: 1 };
  });
}

/** Corrects a note (If-Match: the version corrected): a new version with the reason; the old one stays. */
export function correctNote(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
  noteId: string,
  expectedVersion: number,
  input: z.infer<typeof CorrectNoteInput>,
): Promise<NoteSaved> {
  return onCaseRecord(ctx, deps.db, referralId, 'contact:record', async (tx, _referral, userId, now) => {
    const versions = (await notes.versionsOfNote(tx, noteId)).filter((v) => v.referralId === referralId);
    const [current] = versions;
    if (!current) throw new AppError('not-found', 'There is no such note for this young person.');
    const problem = correctionProblem(current, expectedVersion, input);
    if (problem?.kind === 'stale') throw stale();
    if (problem) {
      throw new AppError('bad-request', 'Check the correction.', [
        { name: problem.field, reason: problem.reason },
      ]);
    }
    const version = current.version + 1;
    try {
      await notes.insertNoteVersion(tx, {
        noteId,
        version,
        referralId,
        contactId: current.contactId,
        body: input.body,
        correctionReason: input.reason,
        inConfidence: current.inConfidence,
        writtenAt: now,
        writtenBy: userId,
      });
    } catch (error) {
      // Someone else corrected it at the same moment: the unique (note, version) index refused ours.
      if (isDuplicate(error)) throw stale();
      throw error;
    }
    await recordChange(tx, ctx, {
      entity: 'contact-note',
      entityId: noteId,
      action: 'note:corrected',
      before: { version: current.version },
      after: { version, reason: input.reason },
    });
    return { noteId, version };
  });
}

function signOffText(kind: keyof typeof signOffStateLabels, by: string | null, at: Date | null): string {
  if (kind === 'signed-off' && by && at) return `Signed off by ${by} on ${formatLongDate(londonDate(at))}`;
  return signOffStateLabels[kind];
}

/** The notes on a young person's record, newest first, each with its history and sign-off state. */
export function listNotes(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
): Promise<NoteList> {
  return onCaseRecord(ctx, deps.db, referralId, 'caseload:read', async (tx, referral) => {
    const rows = await notes.noteVersionsOfReferral(tx, referralId);
    const noteIds = [...new Set(rows.map((r) => r.noteId))];
    const signOffs = await notes.signOffsOf(tx, noteIds);
    const contacts = await casework.contactsOf(tx, [referralId]);
    const startsAt = new Map(contacts.map(({ contact }) => [contact.id, contact.startsAt.toISOString()]));
    const items: NoteOut[] = noteIds.map((noteId) => {
      const versions = versionsNewestFirst(rows.filter((r) => r.noteId === noteId));
      const offs = signOffs.filter((s) => s.noteId === noteId);
      const state = signOffState(versions, offs);
      const signer = state.kind === 'signed-off' ? offs.find((s) => s.version === state.version) : undefined;
      const out = versions.map((v) => {
        const off = offs.find((s) => s.version === v.version);
        return {
          version: v.version,
          body: v.body,
          correctionReason: v.correctionReason,
          writtenAt: v.writtenAt.toISOString(),
          writtenBy: v.writtenBy,
          writerName: v.writerName,
          signedOffBy: off?.signerName ?? null,
          signedOffAt: off?.signedAt.toISOString() ?? null,
        };
      });
      const [current, ...earlier] = out as [(typeof out)[number], ...typeof out];
      const first = versions[versions.length - 1];
      return {
        noteId,
        contactId: first?.contactId ?? null,
        contactStartsAt: first?.contactId ? (startsAt.get(first.contactId) ?? null) : null,
        inConfidence: first?.inConfidence ?? false,
        current,
        earlier,
        signOff: {
          kind: state.kind,
          text: signOffText(state.kind, signer?.signerName ?? null, signer?.signedAt ?? null),
          signedOffBy: signer?.signerName ?? null,
          signedOffAt: signer?.signedAt.toISOString() ?? null,
        },
      };
    });
    // Newest first, by when the note was first written.
    const firstWritten = (n: NoteOut) => (n.earlier.at(-1) ?? n.current).writtenAt;
    items.sort((a, b) => firstWritten(b).localeCompare(firstWritten(a)));
    return {
      reference: referral.reference,
      childName: referral.childName,
      items,
      contacts: contacts.map(({ contact }) => ({ id: contact.id, startsAt: contact.startsAt.toISOString() })),
    };
  });
}
