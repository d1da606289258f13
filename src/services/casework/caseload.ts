import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { Caseload, CaseloadReferral } from '../../contracts/caseload.js';
import type { LanternDb } from '../../db/client.js';
import * as casework from '../../db/repositories/casework.repository.js';
import * as mhst from '../../db/repositories/mhst.repository.js';
import * as waiting from '../../db/repositories/waiting.repository.js';
import { withScope } from '../../db/scoped.js';
import type { ContactMedium } from '../../domain/casework/appointments.js';
import { DEFAULT_PACE } from '../../domain/waiting/breach-forecast.js';
import type { AttendStatus, Milestone } from '../../domain/waiting/clocks.js';
import { addLondonDays } from '../../domain/waiting/london-days.js';
import { allocationRecords, clocksOfReferral } from '../allocation/allocation-view.js';
import { waitingEntry } from '../allocation/team-reach.js';
import { trayStatus } from '../allocation/waiting-list.js';
import { withCaseloadReferral } from './caseload-access.js';
import { reminderRouteOf, reminderStates, remindersOut } from './reminders.js';

const onCaseload = [trayStatus.allocated, trayStatus['in-intervention']];

/**
 * The young people allocated to this practitioner, longest waiting first. New allocations (in the
 * last 7 days, nothing booked yet) are marked so the practitioner gets in touch first.
 */
export async function getCaseload(ctx: ServiceContext, deps: { db: LanternDb }): Promise<Caseload> {
  await authorise(ctx, 'caseload:read');
  const userId = staffOf(ctx).userId;
  const now = ctx.now();
  const weekAgo = addLondonDays(now, -7);
  const result = await withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    const rows = await waiting.waitingRows(tx, { statuses: onCaseload, allocatedUserId: userId });
    const capacity = await mhst.capacityOf(tx, userId);
    return {
      capacity,
      items: rows.map((row) => ({
        ...waitingEntry(row, now, DEFAULT_PACE),
        isNew:
          row.allocatedAt !== null &&
          row.allocatedAt >= weekAgo &&
          row.nextContactAt === null &&
          row.firstContactAt === null,
      })),
    };
  });
  await ctx.recordAccess({
    subjectKind: 'caseload',
    subjectId: userId,
    action: 'caseload:read',
    outcome: 'allowed',
    basis: `listed ${result.items.length}`,
  });
  return result;
}

/** One young person on the caseload: clocks in every view, contacts, milestones, allocation history. */
export function getCaseloadReferral(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
): Promise<CaseloadReferral> {
  return withCaseloadReferral(ctx, deps.db, referralId, 'caseload:read', async (tx, row, _userId, now) => {
    const clocks = await clocksOfReferral(tx, row, now);
    const contacts = await casework.contactsOf(tx, [referralId]);
    const milestones = await casework.milestonesOf(tx, [referralId]);
    const pauses = await casework.pausesOf(tx, [referralId]);
    const history = await mhst.allocationsOf(tx, [referralId]);
    const schools = row.teamId ? await mhst.schoolsOfTeam(tx, row.teamId) : [];
    const route = await reminderRouteOf(tx, referralId);
    // Under a system scope for a moment (outbox rows): nothing else may run on tx meanwhile.
    const reminders = await reminderStates(tx, referralId);
    return {
      referral: waitingEntry(row, now, DEFAULT_PACE),
      needDescription: row.needDescription,
      clocks,
      contacts: contacts.map(({ contact, schoolName, practitionerName, groupProgramme }) => ({
        id: contact.id,
        version: contact.version,
        startsAt: contact.startsAt.toISOString(),
        schoolUrn: contact.schoolUrn,
        schoolName,
        kind: contact.kind as 'one-to-one' | 'group-therapy',
        attendStatus: contact.attendStatus as AttendStatus | null,
        practitionerName,
        medium: contact.medium as ContactMedium,
        groupProgramme,
        reminder: reminders.get(contact.id) ?? null,
      })),
      milestones: milestones.map((m) => ({
        id: m.id,
        milestone: m.milestone as Milestone,
        occurredAt: m.occurredAt.toISOString(),
      })),
      pauses: pauses.map((p) => ({
        id: p.id,
        startsOn: p.startsOn.toISOString(),
        endsOn: p.endsOn?.toISOString() ?? null,
        note: p.note,
      })),
      allocations: allocationRecords(history),
      schools,
      reminders: remindersOut(route),
    };
  });
}
