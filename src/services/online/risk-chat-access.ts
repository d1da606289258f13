import { authorise, permissionsOf, type ServiceContext, staffOf } from '../../access/authorise.js';
import type { Permission } from '../../access/permissions.js';
import { recordScope } from '../../access/scope.js';
import type { LanternDb } from '../../db/client.js';
import * as risk from '../../db/repositories/online-risk.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import type { Hub } from '../../server/realtime/hub.js';

// How the risk services reach one young person's chat, alert or escalation: authorised, within the
// caller's record scope, and access-logged whatever happens (a refusal too), as case work does.

export interface RiskDeps {
  db: LanternDb;
  hub: Hub;
}

export const notFound = (what: string) =>
  new AppError('not-found', `There is no such ${what}, or it is not yours to see.`);

/**
 * Runs work that reads one young person's data and writes one access-log row after it: allowed,
 * naming their account, once the work has called `found(accountId)`; otherwise a refusal naming
 * only the id asked for. A 409 or 412 after the read still counts as a read.
 */
export async function withOnlineAccess<T>(
  ctx: ServiceContext,
  subject: { kind: string; id: string },
  action: Permission,
  work: (found: (accountId: string) => void) => Promise<T>,
): Promise<T> {
  let accountId: string | null = null;
  try {
    return await work((id) => {
      accountId = id;
    });
  } finally {
    await ctx.recordAccess(
      accountId
        ? { subjectKind: 'online-account', subjectId: accountId, action, outcome: 'allowed', basis: 'online' }
        : {
            subjectKind: subject.kind,
            subjectId: subject.id,
            action,
            outcome: 'denied',
            basis: 'out-of-scope',
          },
    );
  }
}

export function isDutySenior(ctx: ServiceContext): boolean {
  return permissionsOf(ctx.actor).has('online:duty');
}

/**
 * Work on one chat's risk: the chat's own counsellor or a duty senior of its organisation. Anyone
 * else, and a chat outside the caller's scope, gets 404. The chat row is locked for the work.
 */
export async function withRiskChat<T>(
  ctx: ServiceContext,
  db: LanternDb,
  chatId: string,
  permission: Permission,
  work: (tx: LanternDb, chat: risk.RiskChat, userId: string, now: Date) => Promise<T>,
  options: { lock?: boolean; anyCounsellor?: boolean } = {},
): Promise<T> {
  await authorise(ctx, permission);
  const { userId } = staffOf(ctx);
  const now = ctx.now();
  return withOnlineAccess(ctx, { kind: 'online-chat', id: chatId }, permission, (found) =>
    withScope(db, recordScope(ctx.actor), async (tx) => {
      const chat = await risk.lockRiskChat(tx, chatId, options.lock ?? true);
      const mayWork =
        chat && (options.anyCounsellor || chat.counsellorUserId === userId || isDutySenior(ctx));
      if (!chat || !mayWork) throw notFound('chat');
      found(chat.accountId);
      return work(tx, chat, userId, now);
    }),
  );
}
