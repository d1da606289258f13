import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope, systemScope } from '../../access/scope.js';
import type { TeamForecast } from '../../contracts/mhst.js';
import type { LanternDb } from '../../db/client.js';
import * as mhst from '../../db/repositories/mhst.repository.js';
import * as outbox from '../../db/repositories/outbox.repository.js';
import * as waiting from '../../db/repositories/waiting.repository.js';
import { asSystemWithin, withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { breachRisk, type WaitingReferral, weekForecast } from '../../domain/waiting/breach-forecast.js';
import { recordChange } from '../audit/record-change.js';
import { teamInReach } from './team-reach.js';
import { paceOf, trayStatus } from './waiting-list.js';

/** Referrals still waiting for a first contact: not yet allocated, allocated, or waiting for a group. */
const notYetSeen = [
  trayStatus['awaiting-allocation'],
  trayStatus.allocated,
  trayStatus['group-waiting-list'],
];

function forecastInput(row: waiting.WaitingRow): WaitingReferral {
  return {
    referralId: row.referralId,
    receivedAt: row.receivedAt,
    allocatedAt: row.allocationKind === 'practitioner' ? (row.allocatedAt ?? null) : null,
    firstContactAt: row.firstContactAt,
    nextBookedContactAt: row.nextContactAt,
  };
}

/** The week ahead for a team: who reaches four weeks each day, and the open breach alerts. */
export async function getTeamForecast(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  teamId: string,
): Promise<TeamForecast> {
  await authorise(ctx, 'waiting-list:read');
  const now = ctx.now();
  const result = await withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    const team = await teamInReach(ctx, tx, 'waiting-list:read', teamId);
    // The pace is a figure about the whole team: read on its own under a system scope (see getWaitingList).
    const pace = await asSystemWithin(tx, 'team pace', () => paceOf(tx, teamId, now, deps.db));
    const rows = await waiting.waitingRows(tx, { teamId, statuses: notYetSeen });
    const alerts = await mhst.openBreachAlerts(tx, teamId);
    const byId = new Map(rows.map((r) => [r.referralId, r]));
    const name = (id: string) => {
      const row = byId.get(id);
      return row ? { reference: row.reference, childName: `${row.givenName} ${row.familyName}` } : null;
    };
    const days = weekForecast(rows.map(forecastInput), pace, now).map((day) => ({
      date: day.date,
      reaching28Days: day.reaching28Days.flatMap((id) => {
        const who = name(id);
        return who ? [{ referralId: id, ...who, hasBooking: day.withBookingInTime.includes(id) }] : [];
      }),
    }));
    return {
      team: { id: team.id, name: team.name },
      pace,
      days,
      alerts: alerts.flatMap((alert) => {
        const who = name(alert.referralId);
        if (!who) return [];
        return [
          {
            id: alert.id,
            referralId: alert.referralId,
            ...who,
            raisedAt: alert.raisedAt.toISOString(),
            breachAt: alert.breachAt.toISOString(),
            likelyFirstContactAt: alert.likelyFirstContactAt.toISOString(),
            basis: alert.basis,
            acknowledgedAt: null,
          },
        ];
      }),
    };
  });
  await ctx.recordAccess({
    subjectKind: 'waiting-forecast',
    subjectId: teamId,
    action: 'waiting-list:read',
    outcome: 'allowed',
    basis: `listed ${result.days.reduce((n, d) => n + d.reaching28Days.length, 0) + result.alerts.length}`,
  });
  return result;
}

export async function acknowledgeBreachAlert(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  teamId: string,
  alertId: string,
): Promise<{ id: string }> {
  await authorise(ctx, 'allocation:manage');
  const { userId } = staffOf(ctx);
  return withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    await teamInReach(ctx, tx, 'allocation:manage', teamId);
    const done = await mhst.acknowledgeBreachAlert(tx, alertId, teamId, userId, ctx.now());
    if (!done) throw new AppError('not-found', 'There is no such open alert for this team.');
    await recordChange(tx, ctx, {
      entity: 'breach-alert',
      entityId: alertId,
      action: 'breach-alert:acknowledged',
    });
    return done;
  });
}

/**
 * The breach-prevention job: for every MHST team, finds referrals likely to pass four weeks
 * before a first contact, raises one alert per referral (never twice), and emails each team
 * manager a count when new ones appear. Runs under a system scope: no person asked for it.
 */
export async function runBreachCheck(db: LanternDb, now: Date): Promise<{ teams: number; raised: number }> {
  return withScope(db, systemScope('breach-prevention job'), async (tx) => {
    const teams = await mhst.mhstTeams(tx, 'all');
    let raised = 0;
    for (const team of teams) {
      const rows = await waiting.waitingRows(tx, { teamId: team.id, statuses: notYetSeen, limit: 5000 });
      const pace = await paceOf(tx, team.id, now);
      const atRisk = rows.map((row) => breachRisk(forecastInput(row), pace, now)).filter((r) => r.willBreach);
      const added = await mhst.raiseBreachAlerts(
        tx,
        atRisk.map((risk) => ({
          referralId: risk.referralId,
          teamId: team.id,
          raisedAt: now,
          breachAt: risk.breachAt,
          likelyFirstContactAt: risk.likelyFirstContactAt,
          basis: risk.basis,
        })),
      );
      raised += added.length;
      if (added.length === 0) continue;
      const managers = await mhst.teamManagers(tx, team.id);
      await outbox.enqueue(
        tx,
        managers.map((manager) => ({
          channel: 'email',
          template: 'breach-risk',
          recipient: manager.email,
          personalisation: { count: String(added.length), teamName: team.name },
          referralId: null,
          createdAt: now,
        })),
      );
    }
    return { teams: teams.length, raised };
  });
}
