import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import {
  type MhstTeamList,
  type Tray,
  trays,
  WAITING_PAGE_SIZE,
  type WaitingList,
} from '../../contracts/mhst.js';
import type { LanternDb } from '../../db/client.js';
import * as mhst from '../../db/repositories/mhst.repository.js';
import * as waiting from '../../db/repositories/waiting.repository.js';
import { asSystemWithin, withScope } from '../../db/scoped.js';
import { type TeamPace, teamPace } from '../../domain/waiting/breach-forecast.js';
import { addLondonDays } from '../../domain/waiting/london-days.js';
import { teamInReach, teamsInReach, waitingEntry } from './team-reach.js';

/** Each tray is the referrals of the team in one status (the allocation services keep it current). */
export const trayStatus: Record<Tray, string> = {
  'awaiting-allocation': 'accepted',
  allocated: 'allocated',
  'in-intervention': 'in-intervention',
  'group-waiting-list': 'group-waiting-list',
};

const PACE_TTL_MS = 10 * 60_000;
const paceCache = new WeakMap<object, Map<string, { at: number; pace: TeamPace }>>();

/**
 * The team's pace over the last six months: how long allocation and a first contact usually take.
 * A median over months moves slowly, so it is kept for ten minutes per database (`cacheKey`) and
 * team rather than worked out on every page view.
 */
export async function paceOf(tx: LanternDb, teamId: string, now: Date, cacheKey?: object): Promise<TeamPace> {
  const cache = cacheKey ? (paceCache.get(cacheKey) ?? new Map()) : null;
  const hit = cache?.get(teamId);
  if (hit && Math.abs(now.getTime() - hit.at) < PACE_TTL_MS) return hit.pace;
  const pace = teamPace(await waiting.paceHistory(tx, teamId, addLondonDays(now, -183)));
  if (cache && cacheKey) {
    cache.set(teamId, { at: now.getTime(), pace });
    paceCache.set(cacheKey, cache);
  }
  return pace;
}

export async function listMhstTeams(ctx: ServiceContext, deps: { db: LanternDb }): Promise<MhstTeamList> {
  await authorise(ctx, 'waiting-list:read');
  return withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    const teams = await teamsInReach(ctx, tx, 'waiting-list:read');
    const items: MhstTeamList['items'] = [];
    for (const team of teams) {
      const counts = await waiting.statusCounts(tx, team.id, [trayStatus['awaiting-allocation']]);
      items.push({
        id: team.id,
        name: team.name,
        serviceName: team.serviceName,
        schoolCount: team.schoolCount,
        awaitingAllocation: counts.get(trayStatus['awaiting-allocation']) ?? 0,
      });
    }
    return { items };
  });
}

/**
 * One tray of a team's waiting list, longest waiting first, each with days waited against four
 * weeks, a red/amber/green, and whether the forecast says it will pass four weeks unseen.
 */
export async function getWaitingList(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  teamId: string,
  query: { tray: Tray; schoolUrn?: number; page: number },
): Promise<WaitingList> {
  await authorise(ctx, 'waiting-list:read');
  const now = ctx.now();
  const result = await withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    const team = await teamInReach(ctx, tx, 'waiting-list:read', teamId);
    const filter = {
      teamId,
      statuses: [trayStatus[query.tray]],
      ...(query.schoolUrn ? { schoolUrn: query.schoolUrn } : {}),
      withGroup: query.tray === 'group-waiting-list',
    };
    const rows = await waiting.waitingRows(tx, {
      ...filter,
      limit: WAITING_PAGE_SIZE,
      offset: (query.page - 1) * WAITING_PAGE_SIZE,
    });
    // Counts, the pace and the number of alerts are figures about the whole team, which this person
    // may see (teamInReach): read without re-testing each row's security, a per-row cost.
    const { counts, total, pace, openAlerts } = await asSystemWithin(tx, 'waiting-list figures', async () => {
      const counts = await waiting.statusCounts(tx, teamId, Object.values(trayStatus));
      return {
        counts,
        total: query.schoolUrn
          ? await waiting.countRows(tx, filter)
          : (counts.get(trayStatus[query.tray]) ?? 0),
        pace: await paceOf(tx, teamId, now, deps.db),
        openAlerts: (await mhst.openBreachAlerts(tx, teamId)).length,
      };
    });
    const schools = await mhst.schoolsOfTeam(tx, teamId);
    return {
      team: { id: team.id, name: team.name },
      tray: query.tray,
      counts: Object.fromEntries(trays.map((tray) => [tray, counts.get(trayStatus[tray]) ?? 0])) as Record<
        Tray,
        number
      >,
      schools,
      total,
      page: query.page,
      pageSize: WAITING_PAGE_SIZE,
      openAlerts,
      items: rows.map((row) => waitingEntry(row, now, pace)),
    };
  });
  await ctx.recordAccess({
    subjectKind: 'waiting-list',
    subjectId: teamId,
    action: 'waiting-list:read',
    outcome: 'allowed',
    basis: `listed ${result.items.length}`,
  });
  return result;
}
