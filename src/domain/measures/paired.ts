import type { Instrument, Respondent } from './instrument.js';
import { type ReliableChange, reliableChange } from './score.js';
import { shippedInstruments } from './shipped.js';

/**
 * Paired scores, following NHS England's published CYP outcomes rule (DOMAIN.md "Outcome
 * measures"):
 *
 * - A young person's scores are paired only if they attended at least 2 contacts, and only for a
 *   measure used at least twice by the same rater (self, parent or clinician). A parent's score
 *   and the young person's own are different measures here: they are never compared with each other.
 * - The first and last uses are compared; anything in between is ignored.
 * - Overall, "improved" needs at least one measure to improve reliably and none to deteriorate
 *   reliably. Any reliable deterioration makes the overall verdict "deteriorated", so a
 *   worsening on one measure is never hidden by an improvement on another.
 */

export interface MeasureUse {
  instrumentId: string;
  respondent: Respondent;
  at: Date;
  total: number;
}

export type MeasureVerdict = ReliableChange | 'not-paired';
export type OverallVerdict = 'improved' | 'deteriorated' | 'no-reliable-change' | 'not-paired';

export interface MeasureComparison {
  instrumentId: string;
  respondent: Respondent;
  uses: number;
  first: MeasureUse | null;
  last: MeasureUse | null;
  verdict: MeasureVerdict;
  /** Why the measure is not paired, in plain words; null when it is. */
  reason: string | null;
}

export interface PairedComparison {
  measures: MeasureComparison[];
  overall: OverallVerdict;
}

/** At least this many attended contacts before any scores are paired. */
export const MIN_CONTACTS = 2;
/** At least this many uses of one measure by one rater. */
export const MIN_USES = 2;

export function pairedComparison(
  uses: readonly MeasureUse[],
  contactsAttended: number,
  instruments: readonly Instrument[] = shippedInstruments,
): PairedComparison {
  const groups = new Map<string, MeasureUse[]>();
  for (const use of uses) {
    const key = `${use.instrumentId}\u0000${use.respondent}`;
    const group = groups.get(key);
    if (group) group.push(use);
    else groups.set(key, [use]);
  }

  const measures: MeasureComparison[] = [];
  for (const group of groups.values()) {
    // Stable sort, so two uses at the same moment keep the order they were given in.
    const sorted = [...group].sort((a, b) => a.at.getTime() - b.at.getTime());
    const first = sorted[0] ?? null;
    const last = sorted.length > 1 ? (sorted[sorted.length - 1] ?? null) : null;
    const { instrumentId, respondent } = group[0] as MeasureUse;
    const instrument = instruments.find((i) => i.id === instrumentId);
    const base = { instrumentId, respondent, uses: group.length, first, last };
    let reason: string | null = null;
    if (contactsAttended < MIN_CONTACTS) {
      reason = `only ${contactsAttended} contact${contactsAttended === 1 ? '' : 's'} attended; pairing needs at least ${MIN_CONTACTS}`;
    } else if (group.length < MIN_USES) {
      reason = `used only once by this rater; pairing needs at least ${MIN_USES} uses`;
    } else if (!instrument) {
      reason = `no instrument with id "${instrumentId}" is loaded`;
    }
    const verdict: MeasureVerdict =
      reason === null && instrument && first && last
        ? reliableChange(instrument, first.total, last.total)
        : 'not-paired';
    measures.push({ ...base, verdict, reason });
  }
  return { measures, overall: overallVerdict(measures.map((m) => m.verdict)) };
}

function overallVerdict(verdicts: readonly MeasureVerdict[]): OverallVerdict {
  const paired = verdicts.filter((v) => v !== 'not-paired');
  if (paired.length === 0) return 'not-paired';
  if (paired.includes('reliable-deterioration')) return 'deteriorated';
  if (paired.includes('reliable-improvement')) return 'improved';
  return 'no-reliable-change';
}
