import { and, asc, desc, eq, inArray, isNull, lt, lte, notInArray, or, sql } from 'drizzle-orm';
import type { LanternDb } from '../client.js';
import { outboxMessages } from '../schema/outbox.js';

// The only code that queries the outbox. Writes happen in the caller's transaction, so a message
// exists exactly when the change that caused it does.

export type NewOutboxMessage = Omit<typeof outboxMessages.$inferInsert, 'id'>;

export async function enqueue(tx: LanternDb, messages: NewOutboxMessage[]) {
  if (messages.length > 0) await tx.insert(outboxMessages).values(messages);
}

/**
 * Claims a batch of unsent messages for this dispatcher: rows are locked for the transaction and
 * skipped by any other dispatcher running at the same time. A message waiting for its time
 * (`not_before`, appointment reminders) is left until then; a withdrawn one is never claimed.
 */
export function claimUnsent(
  tx: LanternDb,
  limit: number,
  maxAttempts: number,
  skipIds: string[] = [],
  now: Date = new Date(),
) {
  return tx
    .select()
    .from(outboxMessages)
    .where(
      and(
        isNull(outboxMessages.sentAt),
        isNull(outboxMessages.withdrawnAt),
        or(isNull(outboxMessages.notBefore), lte(outboxMessages.notBefore, now)),
        lt(outboxMessages.attempts, maxAttempts),
        skipIds.length > 0 ? notInArray(outboxMessages.id, skipIds) : undefined,
      ),
    )
    .orderBy(asc(outboxMessages.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markSent(tx: LanternDb, id: string, at: Date, providerReference: string | null) {
  await tx
    .update(outboxMessages)
    .set({ sentAt: at, providerReference, attempts: sql`${outboxMessages.attempts} + 1`, lastError: null })
    .where(eq(outboxMessages.id, id));
}

export async function markFailed(tx: LanternDb, id: string, error: string) {
  await tx
    .update(outboxMessages)
    .set({ attempts: sql`${outboxMessages.attempts} + 1`, lastError: error })
    .where(eq(outboxMessages.id, id));
}

export function recentMessages(tx: LanternDb, limit: number) {
  return tx.select().from(outboxMessages).orderBy(desc(outboxMessages.createdAt)).limit(limit);
}

/** The appointment reminders' template, and the personalisation key that names the appointment. */
const REMINDER = 'appointment-reminder';

/**
 * Withdraws the unsent reminders for these appointments (moved or cancelled), so the dispatcher
 * never sends them. Needs a system scope: only the dispatcher may change outbox rows (migration
 * 0012); callers use asSystemWithin after finding the appointment in the person's own scope.
 */
export function withdrawReminders(tx: LanternDb, contactIds: string[], at: Date) {
  return withdrawUnsent(tx, { template: REMINDER, key: 'contactId', ids: contactIds }, at);
}

/**
 * Withdraws the unsent messages of a template about these things (appointments, questionnaire
 * links), named by the id kept in their personalisation under `key`. Sent ones are history.
 */
export async function withdrawUnsent(
  tx: LanternDb,
  about: { template: string; key: 'contactId' | 'linkId'; ids: string[] },
  at: Date,
) {
  if (about.ids.length === 0) return;
  await tx
    .update(outboxMessages)
    .set({ withdrawnAt: at })
    .where(
      and(
        eq(outboxMessages.template, about.template),
        isNull(outboxMessages.sentAt),
        isNull(outboxMessages.withdrawnAt),
        sql`${outboxMessages.personalisation} ->> ${about.key} = any(${sql.param(about.ids)}::text[])`,
      ),
    );
}

/** The reminders queued for one referral's appointments (system scope, as above). */
export async function remindersOf(tx: LanternDb, referralId: string) {
  const rows = await tx
    .select({
      personalisation: outboxMessages.personalisation,
      channel: outboxMessages.channel,
      sentAt: outboxMessages.sentAt,
      withdrawnAt: outboxMessages.withdrawnAt,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.referralId, referralId), inArray(outboxMessages.template, [REMINDER])))
    .orderBy(asc(outboxMessages.createdAt));
  return rows.map((r) => ({
    contactId: String((r.personalisation as Record<string, unknown>).contactId ?? ''),
    channel: r.channel,
    sentAt: r.sentAt,
    withdrawnAt: r.withdrawnAt,
  }));
}
