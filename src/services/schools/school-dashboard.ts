import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { SchoolDashboard } from '../../contracts/schools.js';
import type { LanternDb } from '../../db/client.js';
import * as schoolWork from '../../db/repositories/schools.repository.js';
import { withScope } from '../../db/scoped.js';
import { type ReferralStatus, referralStatuses } from '../../domain/referrals/triage-decisions.js';
import { groupSessionKindLabels, groupSessionKinds } from '../../domain/schools/whole-school.js';
import { londonDaysBetween } from '../../domain/waiting/london-days.js';
import { lastTwelveMonths, median } from './school-work.js';
import { schoolInReach } from './schools-in-reach.js';
import { schoolSurveys } from './surveys.js';

/** Still waiting for help to start: not yet in intervention, and not closed by triage. */
const waitingStatuses: ReferralStatus[] = [
  'received',
  'more-information-requested',
  'awaiting-mdt',
  'accepted',
  'allocated',
  'group-waiting-list',
];

/**
 * The school's own dashboard, for its senior mental health lead and the team that serves it: the
 * referrals the school made and where each has got to, how long they wait, the work delivered in
 * the school, and the staff survey. Statuses and counts only, never clinical detail. Referrals are
 * read in the reader's scope, and the look is written to the access log.
 */
export async function getSchoolDashboard(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  urnParam: string,
): Promise<SchoolDashboard> {
  await authorise(ctx, 'school-work:read');
  const actor = staffOf(ctx);
  const school = await schoolInReach(ctx, deps.db, urnParam, 'school-work:read');
  const now = ctx.now();
  const { since, until } = lastTwelveMonths(now);
  const read = await withScope(deps.db, recordScope(actor), async (tx) => ({
    referrals: await schoolWork.referralsFromSchool(tx, school.urn, since, waitingStatuses),
    sessions: await schoolWork.groupSessionCounts(tx, school.urn, since, until),
    consultations: await schoolWork.staffConsultationCount(tx, school.urn, since, until),
    linkMeetings: await schoolWork.linkMeetingCount(tx, school.urn, since, until),
    surveys: await schoolSurveys(tx, school.urn, now),
  }));
  const referrals = read.referrals.map((r) => {
    const status = r.status as ReferralStatus;
    const isWaiting = waitingStatuses.includes(status);
    return {
      id: r.id,
      reference: r.reference,
      childName: `${r.givenName} ${r.familyName}`,
      receivedAt: r.receivedAt.toISOString(),
      status,
      statusText: referralStatuses[status] ?? status,
      isWaiting,
      daysWaited: isWaiting ? Math.max(0, londonDaysBetween(r.receivedAt, now)) : null,
    };
  });
  const waits = referrals.flatMap((r) => (r.daysWaited === null ? [] : [r.daysWaited]));
  await ctx.recordAccess({
    subjectKind: 'school-dashboard',
    subjectId: String(school.urn),
    action: 'school-work:read',
    outcome: 'allowed',
    basis: `listed ${referrals.length}`,
  });
  return {
    school,
    referrals,
    waiting: {
      count: waits.length,
      medianDays: median(waits),
      longestDays: waits.length > 0 ? Math.max(...waits) : null,
    },
    delivered: {
      since: since.toISOString(),
      groupSessions: groupSessionKinds.map((kind) => {
        const counted = read.sessions.find((s) => s.kind === kind);
        return {
          kind,
          label: groupSessionKindLabels[kind],
          sessions: counted?.sessions ?? 0,
          attendees: counted?.attendees ?? 0,
        };
      }),
      consultations: read.consultations,
      linkMeetings: read.linkMeetings,
    },
    surveys: read.surveys,
  };
}
