import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { PlanAction, WholeSchool } from '../../contracts/schools.js';
import type { LanternDb } from '../../db/client.js';
import * as schoolWork from '../../db/repositories/schools.repository.js';
import type { schoolPlanActions } from '../../db/schema/schools.js';
import { withScope } from '../../db/scoped.js';
import {
  type GroupSessionKind,
  groupSessionKindLabels,
  type PlanActionStatus,
  supportTiers,
} from '../../domain/schools/whole-school.js';

import { schoolInReach } from './schools-in-reach.js';

export function planActionOf(row: typeof schoolPlanActions.$inferSelect): PlanAction {
  return {
    id: row.id,
    tier: row.tier,
    action: row.action,
    owner: row.owner,
    dueOn: row.dueOn,
    status: row.status as PlanActionStatus,
    version: row.version,
    recordedAt: row.recordedAt.toISOString(),
  };
}

/**
 * A school's whole-school approach: its senior mental health leads, its plan in the four tiers of
 * the graduated model, and the recent sessions, advice and School Link meetings. Read in the
 * reader's scope, so advice that names a child shows only to those who may see that child's referral.
 */
export async function getWholeSchool(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  urnParam: string,
): Promise<WholeSchool> {
  await authorise(ctx, 'school-work:read');
  const actor = staffOf(ctx);
  const school = await schoolInReach(ctx, deps.db, urnParam, 'school-work:read');
  const view = await withScope(deps.db, recordScope(actor), async (tx) => {
    const leads = await schoolWork.leadsOf(tx, school.urn);
    const actions = (await schoolWork.planActionsOf(tx, school.urn)).map(planActionOf);
    const sessions = await schoolWork.recentGroupSessions(tx, school.urn);
    const consultations = await schoolWork.recentStaffConsultations(tx, school.urn);
    const meetings = await schoolWork.recentLinkMeetings(tx, school.urn);
    return {
      school,
      leads,
      tiers: supportTiers.map((tier) => ({ ...tier, actions: actions.filter((a) => a.tier === tier.tier) })),
      groupSessions: sessions.map((s) => ({
        id: s.id,
        kind: s.kind as GroupSessionKind,
        kindLabel: groupSessionKindLabels[s.kind as GroupSessionKind] ?? s.kind,
        topic: s.topic,
        heldAt: s.heldAt.toISOString(),
        attendeeCount: s.attendeeCount,
        yearGroups: s.yearGroups,
        deliveredBy: s.deliveredBy,
      })),
      consultations: consultations.map((c) => ({
        id: c.id,
        givenAt: c.givenAt.toISOString(),
        staffRole: c.staffRole,
        topic: c.topic,
        advice: c.advice,
        referralId: c.referralId,
      })),
      linkMeetings: meetings.map((m) => ({
        id: m.id,
        heldAt: m.heldAt.toISOString(),
        attendees: m.attendees,
        discussed: m.discussed,
        agreedActions: m.agreedActions,
      })),
    };
  });
  // Advice that names a child is a view of that child's record: one access-log row for each.
  for (const consultation of view.consultations) {
    if (!consultation.referralId) continue;
    await ctx.recordAccess({
      subjectKind: 'referral',
      subjectId: consultation.referralId,
      action: 'school-work:read',
      outcome: 'allowed',
      basis: 'staff-consultation',
    });
  }
  return view;
}
