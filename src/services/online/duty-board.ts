import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { BoardAlert, DutyBoard } from '../../contracts/online-risk.js';
import type { LanternDb } from '../../db/client.js';
import * as risk from '../../db/repositories/online-risk.repository.js';
import { withScope } from '../../db/scoped.js';
import { ACKNOWLEDGED_SHOWN_HOURS, alertTiming, compareBoardAlerts } from '../../domain/online/alerts.js';
import { escalationOut } from './escalation-view.js';

const phrasesOf = (matches: { phrase: string }[] | null) => [
  ...new Set((matches ?? []).map((m) => m.phrase)),
];

/**
 * The duty senior's board for their organisation's services: alerts still to acknowledge first
 * (oldest first, with the time left), then those acknowledged in the last hours; risk phrases in
 * chats still going on; escalations not yet closed. One access-log row names the list and its size.
 */
export async function dutyBoard(ctx: ServiceContext, deps: { db: LanternDb }): Promise<DutyBoard> {
  await authorise(ctx, 'online:duty');
  const now = ctx.now();
  const since = new Date(now.getTime() - ACKNOWLEDGED_SHOWN_HOURS * 3_600_000);
  return withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    const alertRows = await risk.boardAlerts(tx, since);
    const matchRows = await risk.activeChatRiskMatches(tx);
    const escalationRows = await risk.openEscalations(tx);
    const usernames = new Map(
      (await risk.usernamesOf(tx, [...new Set(escalationRows.map((e) => e.row.accountId))])).map((a) => [
        a.id,
        a.username,
      ]),
    );
    const alerts: BoardAlert[] = [...alertRows]
      .sort((a, b) => compareBoardAlerts(a.alert, b.alert))
      .map(({ alert, username, acknowledgedByName, chatMatches, messageMatches }) => ({
        id: alert.id,
        version: alert.version,
        kind: alert.kind as BoardAlert['kind'],
        chatId: alert.chatId,
        username,
        phrases: phrasesOf(chatMatches ?? messageMatches),
        escalationId: alert.escalationId,
        raisedAt: alert.raisedAt.toISOString(),
        acknowledgeBy: alert.acknowledgeBy.toISOString(),
        acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null,
        acknowledgedByName,
        escalatedFurtherAt: alert.escalatedFurtherAt?.toISOString() ?? null,
        timing: alertTiming(alert, now),
      }));
    const board: DutyBoard = {
      alerts,
      riskMatches: matchRows.map((m) => ({
        chatId: m.chatId,
        seq: m.seq,
        username: m.username,
        counsellorName: m.counsellorName,
        phrases: phrasesOf(m.riskMatches),
        sentAt: m.sentAt.toISOString(),
      })),
      escalations: escalationRows.map((e) => ({
        ...escalationOut(e),
        username: usernames.get(e.row.accountId) ?? '',
      })),
    };
    await ctx.recordAccess(
      {
        subjectKind: 'online-duty-board',
        subjectId: null,
        action: 'online:duty',
        outcome: 'allowed',
        basis: `listed ${alerts.length + board.riskMatches.length + board.escalations.length}`,
      },
      tx,
    );
    return board;
  });
}
