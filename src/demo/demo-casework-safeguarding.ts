import type { Faker } from '@faker-js/faker';
import type { safeguardingActions, safeguardingConcerns } from '../db/schema/safeguarding.js';
import { concernActions, concernCategories, concernTexts } from './demo-casework-text.js';
import { workingTimeBetween } from './demo-mhst-calendar.js';
import { HOUR, weighted } from './demo-referral-plan.js';

// A few safeguarding concerns raised from contacts, at each stage the safeguarding lead moves them
// through: raised, acknowledged, referred to children's social care, closed.

export type ConcernRow = typeof safeguardingConcerns.$inferInsert & { id: string; raisedAt: Date };
export type ConcernActionRow = typeof safeguardingActions.$inferInsert & { recordedAt: Date };

export const concernStatuses = ['raised', 'acknowledged', 'referred-to-social-care', 'closed'] as const;
export type ConcernStatus = (typeof concernStatuses)[number];

export interface ConcernContext {
  referralId: string;
  contactId: string;
  organisationId: string;
  /** When the contact was: the concern is raised an hour or two after. */
  at: number;
  raisedBy: string;
  leadUserId: string;
  status: ConcernStatus;
  now: number;
}

export function concernFor(
  faker: Faker,
  ctx: ConcernContext,
  out: { safeguardingConcerns: ConcernRow[]; safeguardingActions: ConcernActionRow[] },
): ConcernRow {
  const category = weighted(faker, concernCategories);
  const raisedAt = Math.min(ctx.at + faker.number.int({ min: 1, max: 3 }) * HOUR, ctx.now - 2 * HOUR);
  const concern: ConcernRow = {
    id: faker.string.uuid(),
    referralId: ctx.referralId,
    contactId: ctx.contactId,
    organisationId: ctx.organisationId,
    category,
    concern: concernTexts[category],
    immediateAction: concernActions.immediate,
    raisedAt: new Date(raisedAt),
    raisedBy: ctx.raisedBy,
    status: ctx.status,
    leadUserId: ctx.status === 'raised' ? null : ctx.leadUserId,
    outcome:
      ctx.status === 'closed' ? 'Family support in place through early help; no further action.' : null,
    version: 1,
  };
  const steps: [string, ConcernStatus][] = [];
  if (ctx.status !== 'raised') steps.push([concernActions.acknowledged, 'acknowledged']);
  if (ctx.status === 'referred-to-social-care' || ctx.status === 'closed')
    steps.push([concernActions.referred, 'referred-to-social-care']);
  if (ctx.status === 'closed') steps.push([concernActions.closed, 'closed']);
  // Spread the steps between the raising and now, the first within a working day.
  const span = Math.max(HOUR, ctx.now - HOUR - raisedAt);
  let at = raisedAt;
  steps.forEach(([action, statusAfter], k) => {
    const gap = k === 0 ? Math.min(span / 4, faker.number.int({ min: 1, max: 20 }) * HOUR) : span / 4;
    // In working hours, when the lead is in, and never after now.
    const by = Math.min(at + Math.max(30 * 60_000, gap), ctx.now - 60_000);
    at = Math.min(workingTimeBetween(faker, at + 10 * 60_000, by), ctx.now - 60_000);
    out.safeguardingActions.push({
      id: faker.string.uuid(),
      concernId: concern.id,
      referralId: ctx.referralId,
      action,
      statusAfter,
      recordedAt: new Date(at),
      recordedBy: ctx.leadUserId,
    });
  });
  concern.version = 1 + steps.length;
  out.safeguardingConcerns.push(concern);
  return concern;
}

/** How many concerns: about one in fifty open episodes, and at least one of each status. */
export const concernCount = (openEpisodes: number) => Math.max(4, Math.round(openEpisodes * 0.02));
