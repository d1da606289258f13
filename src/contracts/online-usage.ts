import { z } from 'zod';
import { CalendarDate } from './referral-form.js';

// Online support usage figures (GET /api/online/usage): aggregates only. Nothing in the response
// names or identifies one young person: no usernames, no account ids, no chat ids.

export const OnlineUsageQuery = z.object({
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
});
export type OnlineUsageQuery = z.infer<typeof OnlineUsageQuery>;

const count = z.number().int().nonnegative();
const UsageShare = z.object({
  key: z.string(),
  label: z.string(),
  count,
  /** Whole percentages of the total, adding up to 100 (0 when the total is 0). */
  percent: z.number().int(),
});
export type UsageShare = z.infer<typeof UsageShare>;

export const OnlineUsage = z.object({
  from: z.string(),
  to: z.string(),
  /** How the headline names the period: "this month", "last month", "this quarter" or its dates. */
  period: z.string(),
  headline: z.string(),
  youngPeople: count,
  chats: z.object({ total: count, dropIn: count, booked: count, leftQueue: count }),
  messagesFromYoungPeople: count,
  eveningsAndWeekends: z.object({ count, percent: z.number().int() }),
  gender: z.array(UsageShare),
  age: z.array(UsageShare),
  newAndReturning: z.array(UsageShare),
  waits: z.object({
    count,
    medianMinutes: z.number().int().nullable(),
    p90Minutes: z.number().int().nullable(),
  }),
  byHour: z.array(z.object({ hour: z.number().int(), count })),
  byDay: z.array(z.object({ day: z.number().int(), label: z.string(), count })),
  riskLevels: z.array(UsageShare),
  escalations: z.object({ count, identityShared: count }),
});
export type OnlineUsage = z.infer<typeof OnlineUsage>;
