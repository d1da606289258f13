import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope, systemScope } from '../../access/scope.js';
import type { OnlineUsage, OnlineUsageQuery } from '../../contracts/online-usage.js';
import type { LanternDb } from '../../db/client.js';
import * as usage from '../../db/repositories/online-usage.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { addDays } from '../../domain/calendar.js';
import {
  periodPhrase,
  type UsageInput,
  usageFigures,
  usageHeadline,
  usagePeriod,
} from '../../domain/online/usage.js';
import { londonDate } from '../../domain/people/child-details.js';
import { londonDayStart } from '../schools/school-work.js';

const MAX_DAYS = 366;

/** The days asked for (London dates, inclusive); this month by default. */
function periodOf(query: OnlineUsageQuery, today: string) {
  const month = usagePeriod('this-month', today);
  const from = query.from ?? month.from;
  const to = query.to ?? month.to;
  if (from > to) {
    throw new AppError('bad-request', 'The period must start on or before its end.', [
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

/**
 * Online support usage figures for a period: aggregates only, never a row about one young person.
 * Exact counts, for staff holding `online:usage`; disclosure control for publishing is issue 8.
 */
export async function onlineUsage(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  query: OnlineUsageQuery,
): Promise<OnlineUsage> {
  await authorise(ctx, 'online:usage');
  const actor = staffOf(ctx);
  const now = ctx.now();
  const today = londonDate(now);
  const period = periodOf(query, today);
  const ownScope = recordScope(actor);
  const isOnlineStaff = ownScope.kinds.includes('online');
  // Duty seniors count under their own `online` scope (their organisation's accounts). Service
  // managers and commissioners hold `online:usage` but their record scope does not reach online
  // accounts, so row-level security would show them nothing: for them the counting runs under a
  // system scope, limited to the online services in their area. That is safe because only
  // aggregates leave this function (the contract has no field for an account, chat or username),
  // and the access-log row below records that it was done.
  const scope = isOnlineStaff ? ownScope : systemScope('online usage aggregates');
  const input: UsageInput = await withScope(deps.db, scope, async (tx) => {
    const serviceIds = isOnlineStaff
      ? await usage.servicesOfOrganisation(tx, actor.organisationId)
      : await usage.servicesInAreaOf(tx, actor.organisationId);
    const where = { serviceIds, since: period.since, until: period.until };
    const chats = await usage.chatsInPeriod(tx, where);
    const people = await usage.youngPeopleInPeriod(tx, where);
    const messagesFromYoungPeople = await usage.messagesFromYoungPeople(tx, where);
    const riskLevels = await usage.riskLevelsInPeriod(tx, where);
    const escalations = await usage.escalationsInPeriod(tx, where);
    await ctx.recordAccess(
      {
        subjectKind: 'online-usage',
        subjectId: null,
        action: 'online:usage',
        outcome: 'allowed',
        basis: isOnlineStaff ? 'online' : 'aggregates',
        reason: `${period.from} to ${period.to}`,
      },
      tx,
    );
    return { ...where, chats, people, messagesFromYoungPeople, riskLevels, escalations };
  });
  const figures = usageFigures(input, now);
  const phrase = periodPhrase(period.from, period.to, today);
  return {
    from: period.from,
    to: period.to,
    period: phrase,
    headline: usageHeadline(figures, phrase),
    ...figures,
  };
}
