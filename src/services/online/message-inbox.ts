import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { Inbox } from '../../contracts/online-bookings.js';
import type { LanternDb } from '../../db/client.js';
import * as repo from '../../db/repositories/online-messages.repository.js';
import { withScope } from '../../db/scoped.js';

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** Threads waiting for a reply, oldest first, across the counsellor's organisation (access-logged). */
export async function messageInbox(ctx: ServiceContext, deps: { db: LanternDb }): Promise<Inbox> {
  await authorise(ctx, 'online:counsel');
  const { userId } = staffOf(ctx);
  return withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    const rows = await repo.inbox(tx);
    await ctx.recordAccess(
      {
        subjectKind: 'online-inbox',
        subjectId: userId,
        action: 'online:inbox',
        outcome: 'allowed',
        basis: 'online',
      },
      tx,
    );
    return {
      items: rows.map((row) => {
        const readUpTo = row.service_read_up_to === null ? null : toDate(row.service_read_up_to);
        return {
          accountId: row.account_id,
          username: row.username,
          waitingSince: toDate(row.waiting_since).toISOString(),
          waitingMessages: Number(row.waiting_messages),
          hasRiskPhrase: Boolean(row.has_risk_phrase),
          isRead: readUpTo !== null && readUpTo.getTime() >= toDate(row.last_sent_at).getTime(),
        };
      }),
    };
  });
}
