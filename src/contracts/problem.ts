import { z } from 'zod';

/** RFC 9457 problem details, the shape of every error Lantern answers with. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string(),
  /** For a 400: each field or parameter that was wrong, and why. */
  invalidParams: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;
