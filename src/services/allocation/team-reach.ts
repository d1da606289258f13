import type { ServiceContext } from '../../access/authorise.js';
import type { Permission } from '../../access/permissions.js';
import { roleDefinitions } from '../../access/roles.js';
import type { WaitingEntry } from '../../contracts/mhst.js';
import type { LanternDb } from '../../db/client.js';
import * as mhst from '../../db/repositories/mhst.repository.js';
import type { WaitingRow } from '../../db/repositories/waiting.repository.js';
import { AppError } from '../../domain/app-error.js';
import { ageOn, londonDate } from '../../domain/people/child-details.js';
import type { Priority, ReferralStatus } from '../../domain/referrals/triage-decisions.js';
import { breachRisk, type TeamPace } from '../../domain/waiting/breach-forecast.js';
import { daysLeft, ragFor, waitingClocks } from '../../domain/waiting/clocks.js';

export const teamNotFound = () =>
  new AppError('not-found', 'There is no such team, or it is not one of yours.');

/**
 * The MHST teams a person reaches for a permission: teams they hold a role in that grants it, and
 * for a service manager every MHST team of their service. Another team answers 404, never 403.
 */
export async function teamsInReach(ctx: ServiceContext, tx: LanternDb, permission: Permission) {
  if (ctx.actor.kind !== 'staff') return [];
  const grants = ctx.actor.grants.filter((g) => roleDefinitions[g.role].permissions.includes(permission));
  const teamIds = new Set(
    grants.flatMap((g) => (g.teamId && g.role !== 'service-manager' ? [g.teamId] : [])),
  );
  const serviceIds = new Set(
    grants.flatMap((g) => (g.role === 'service-manager' && g.serviceId ? [g.serviceId] : [])),
  );
  const serviceTeams = serviceIds.size > 0 ? await mhst.mhstTeamsOfServices(tx, [...serviceIds]) : [];
  const ids = [...teamIds, ...serviceTeams.map((t) => t.id)];
  return ids.length > 0 ? mhst.mhstTeams(tx, ids) : [];
}

export async function teamInReach(
  ctx: ServiceContext,
  tx: LanternDb,
  permission: Permission,
  teamId: string,
) {
  const team = (await teamsInReach(ctx, tx, permission)).find((t) => t.id === teamId);
  if (!team) throw teamNotFound();
  return team;
}

/** What a waiting list shows about one referral: the headline clock, its colour and the forecast. */
export function waitingEntry(row: WaitingRow, now: Date, pace: TeamPace): WaitingEntry {
  const clocks = waitingClocks(
    {
      receivedAt: row.receivedAt,
      contacts: row.firstContactAt ? [{ at: row.firstContactAt, attendStatus: 'attended' }] : [],
      milestones: [],
      pauses: [],
    },
    now,
  );
  const risk = breachRisk(
    {
      referralId: row.referralId,
      receivedAt: row.receivedAt,
      allocatedAt: row.allocationKind === 'practitioner' ? (row.allocatedAt ?? null) : null,
      firstContactAt: row.firstContactAt,
      nextBookedContactAt: row.nextContactAt,
    },
    pace,
    now,
  );
  return {
    referralId: row.referralId,
    reference: row.reference,
    version: row.version,
    childName: `${row.givenName} ${row.familyName}`,
    age: ageOn(row.dateOfBirth, londonDate(now)),
    schoolUrn: row.schoolUrn,
    schoolName: row.schoolName,
    receivedAt: row.receivedAt.toISOString(),
    daysWaited: clocks.firstContact.days,
    daysLeft: daysLeft(clocks.firstContact),
    rag: ragFor(clocks.firstContact),
    priority: (row.priority as Priority | null) ?? null,
    isUrgent: row.isUrgent,
    presentingNeeds: row.presentingNeeds,
    status: row.status as ReferralStatus,
    allocatedTo: row.allocatedTo ?? null,
    groupName: row.groupName ?? null,
    allocatedAt: row.allocatedAt?.toISOString() ?? null,
    nextContactAt: row.nextContactAt?.toISOString() ?? null,
    firstContactAt: row.firstContactAt?.toISOString() ?? null,
    isAtRisk: risk.willBreach,
  };
}
