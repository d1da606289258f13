import { and, asc, desc, eq, isNull, lt, notInArray, sql } from 'drizzle-orm';
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
 * skipped by any other dispatcher running at the same time.
 */
export function claimUnsent(tx: LanternDb, limit: number, maxAttempts: number, skipIds: string[] = []) {
  return tx
    .select()
    .from(outboxMessages)
    .where(
      and(
        isNull(outboxMessages.sentAt),
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
