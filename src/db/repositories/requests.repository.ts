import { and, eq } from 'drizzle-orm';
import type { LanternDb } from '../client.js';
import { idempotencyKeys } from '../schema/requests.js';

// The only code that queries the requests area's table.

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

/**
 * Claims a key for a new request: the row id when this request is the first with the key, or the
 * row already there (finished, or still being handled) when it is not.
 */
export async function claimIdempotencyKey(
  db: LanternDb,
  claim: Pick<IdempotencyRow, 'owner' | 'keyHash' | 'method' | 'path' | 'requestHash'> & { at: Date },
): Promise<{ claimedId: string } | { existing: IdempotencyRow }> {
  const [claimed] = await db
    .insert(idempotencyKeys)
    .values({ ...claim, createdAt: claim.at })
    .onConflictDoNothing()
    .returning({ id: idempotencyKeys.id });
  if (claimed) return { claimedId: claimed.id };
  const [existing] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.owner, claim.owner), eq(idempotencyKeys.keyHash, claim.keyHash)));
  if (!existing) throw new Error('idempotency key vanished between claim and read');
  return { existing };
}

export async function completeIdempotencyKey(
  db: LanternDb,
  id: string,
  response: { statusCode: number; contentType: string | null; sealedResponse: string | null },
) {
  await db
    .update(idempotencyKeys)
    .set({
      statusCode: response.statusCode,
      contentType: response.contentType,
      sealedResponse: response.sealedResponse,
    })
    .where(eq(idempotencyKeys.id, id));
}

export async function releaseIdempotencyKey(db: LanternDb, id: string) {
  await db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, id));
}
