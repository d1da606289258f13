import type { ClockPause } from './clocks.js';

/**
 * The times triage waited for the referrer (ADR 0012): each "more information" decision opens a
 * period, closed by the first answer given after it, or else by the next decision. Shown beside
 * the wait, never taken off it. Invalidated decisions are ignored.
 */
export function moreInformationPauses(
  decisions: readonly { kind: string; recordedAt: Date; invalidatedAt: Date | null }[],
  answers: readonly { givenAt: Date }[],
): ClockPause[] {
  const valid = decisions
    .filter((d) => d.invalidatedAt === null)
    .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
  return valid.flatMap((decision, index) => {
    if (decision.kind !== 'more-information') return [];
    const asked = decision.recordedAt.getTime();
    const answered = answers.map((a) => a.givenAt.getTime()).filter((t) => t >= asked);
    const nextDecision = valid[index + 1]?.recordedAt.getTime();
    const ends = [...answered, ...(nextDecision === undefined ? [] : [nextDecision])];
    const to = ends.length > 0 ? new Date(Math.min(...ends)) : null;
    return [{ from: decision.recordedAt, to, reason: 'more-information' as const }];
  });
}
