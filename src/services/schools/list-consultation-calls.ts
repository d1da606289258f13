import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { ConsultationCallList, ConsultationCallsQuery } from '../../contracts/schools.js';
import type { LanternDb } from '../../db/client.js';
import * as schoolWork from '../../db/repositories/schools.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { addDays } from '../../domain/calendar.js';
import { londonDate } from '../../domain/people/child-details.js';
import {
  type ConsultationOutcome,
  consultationOutcomeLabels,
  consultationOutcomes,
  responseMinutes,
} from '../../domain/schools/whole-school.js';
import { consultationLineTeams } from './consultation-line.js';
import { londonDayStart, median } from './school-work.js';

const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;

/** The range asked for, in London days; by default the last 30 days up to today. */
function rangeOf(query: ConsultationCallsQuery, now: Date) {
  const to = query.to ?? londonDate(now);
  const from = query.from ?? addDays(to, 1 - DEFAULT_DAYS);
  if (from > to) {
    throw new AppError('bad-request', 'The range must start on or before its end.', [
      { name: 'from', reason: 'must be on or before to' },
    ]);
  }
  if (from < addDays(to, 1 - MAX_DAYS)) {
    throw new AppError('bad-request', `Ask for ${MAX_DAYS} days or fewer at a time.`, [
      { name: 'from', reason: `must be within ${MAX_DAYS} days of to` },
    ]);
  }
  return { from, to, since: londonDayStart(from), until: londonDayStart(addDays(to, 1)) };
}

/** Calls to the person's teams in a range of days, with how many, how fast, and what came of them. */
export async function listConsultationCalls(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  query: ConsultationCallsQuery,
): Promise<ConsultationCallList> {
  await authorise(ctx, 'consultation-line:use');
  const actor = staffOf(ctx);
  const range = rangeOf(query, ctx.now());
  const rows = await withScope(deps.db, recordScope(actor), (tx) =>
    schoolWork.consultationCallsOf(tx, consultationLineTeams(actor), range.since, range.until),
  );
  // A caller may have named a child in their question: every read of the log is itself logged.
  await ctx.recordAccess({
    subjectKind: 'consultation-line',
    subjectId: null,
    action: 'consultation-line:use',
    outcome: 'allowed',
    basis: `listed ${rows.length}`,
  });
  const calls = rows.map(({ call, teamName, schoolName, handledBy }) => {
    const outcome = call.outcome as ConsultationOutcome | null;
    return {
      id: call.id,
      teamName,
      receivedAt: call.receivedAt.toISOString(),
      advisedAt: call.advisedAt?.toISOString() ?? null,
      responseMinutes: responseMinutes(call.receivedAt, call.advisedAt),
      callerRole: call.callerRole,
      callerOrganisation: call.callerOrganisation,
      schoolUrn: call.schoolUrn,
      schoolName,
      question: call.question,
      advice: call.advice,
      outcome,
      outcomeLabel: outcome ? consultationOutcomeLabels[outcome] : null,
      handledBy,
    };
  });
  const minutes = calls.flatMap((c) => (c.responseMinutes === null ? [] : [c.responseMinutes]));
  return {
    from: range.from,
    to: range.to,
    calls,
    summary: {
      count: calls.length,
      medianResponseMinutes: median(minutes),
      byOutcome: consultationOutcomes.map((outcome) => ({
        outcome,
        label: consultationOutcomeLabels[outcome],
        count: calls.filter((c) => c.outcome === outcome).length,
      })),
      withoutOutcome: calls.filter((c) => c.outcome === null).length,
    },
  };
}
