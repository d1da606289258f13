import { type Instrument, type Respondent, totalRange } from './instrument.js';
import { type PairedComparison, pairedComparison } from './paired.js';
import { shortName, staffHeadline } from './progress.js';
import { type ReliableChange, reliableChange } from './score.js';

/**
 * A young person's scores over sessions, as the practitioner sees them: one series per instrument
 * and respondent (a parent's scores are never mixed with the young person's own), oldest first,
 * with the change from the first score and whether it is reliable, and for Goal Based Outcomes one
 * line per goal. Stored totals and bands are used as they were worked out at the time; the current
 * definition (when there is one) only supplies direction, reliable change and band lines.
 */

export interface StoredMeasure {
  id: string;
  instrumentId: string;
  instrumentVersion: string;
  respondent: Respondent;
  completedAt: Date;
  total: number | null;
  band: string | null;
  via: 'link' | 'in-session';
  /** Goal Based Outcomes: each goal's words and rating. */
  goals?: { goalId: string; text: string; rating: number }[];
}

export interface GoalLine {
  goalId: string;
  /** The goal's latest words. */
  text: string;
  points: { completedAt: Date; rating: number }[];
  change: number | null;
  reliableChange: ReliableChange | null;
}

export interface MeasureSeries {
  instrumentId: string;
  respondent: Respondent;
  name: string;
  shortName: string;
  kind: 'questionnaire' | 'goals';
  /** Null when the definition is no longer loaded (a withdrawn licensed instrument). */
  instrument: Instrument | null;
  points: StoredMeasure[];
  first: number | null;
  last: number | null;
  change: number | null;
  reliableChange: ReliableChange | null;
  headline: string;
  range: { min: number; max: number } | null;
  goals: GoalLine[];
}

export function measureSeries(
  measures: readonly StoredMeasure[],
  instruments: readonly Instrument[],
): MeasureSeries[] {
  const groups = new Map<string, StoredMeasure[]>();
  for (const m of [...measures].sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime())) {
    const key = `${m.instrumentId}\u0000${m.respondent}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()].map((points) => {
    const { instrumentId, respondent } = points[0] as StoredMeasure;
    const instrument = instruments.find((i) => i.id === instrumentId) ?? null;
    const totals = points.flatMap((p) => (p.total === null ? [] : [p.total]));
    const first = totals[0] ?? null;
    const last = totals.length > 1 ? (totals[totals.length - 1] ?? null) : null;
    const change = first !== null && last !== null ? last - first : null;
    const verdict =
      instrument && first !== null && last !== null ? reliableChange(instrument, first, last) : null;
    const named = instrument ?? { name: instrumentId };
    return {
      instrumentId,
      respondent,
      name: named.name,
      shortName: shortName(named),
      kind: instrument?.kind ?? (points.some((p) => p.goals) ? 'goals' : 'questionnaire'),
      instrument,
      points,
      first,
      last,
      change,
      reliableChange: verdict,
      headline: staffHeadline(named, respondent, totals, verdict),
      range:
        instrument?.kind === 'questionnaire'
          ? totalRange(instrument)
          : instrument?.kind === 'goals'
            ? { min: instrument.rating.min, max: instrument.rating.max }
            : null,
      goals: instrument?.kind === 'goals' || points.some((p) => p.goals) ? goalLines(points, instrument) : [],
    };
  });
}

function goalLines(points: readonly StoredMeasure[], instrument: Instrument | null): GoalLine[] {
  const lines = new Map<string, GoalLine>();
  for (const point of points) {
    for (const goal of point.goals ?? []) {
      const line = lines.get(goal.goalId) ?? {
        goalId: goal.goalId,
        text: goal.text,
        points: [],
        change: null,
        reliableChange: null,
      };
      line.text = goal.text;
      line.points.push({ completedAt: point.completedAt, rating: goal.rating });
      lines.set(goal.goalId, line);
    }
  }
  return [...lines.values()].map((line) => {
    const first = line.points[0]?.rating;
    const last = line.points.length > 1 ? line.points[line.points.length - 1]?.rating : undefined;
    if (first === undefined || last === undefined) return line;
    return {
      ...line,
      change: last - first,
      reliableChange: instrument ? reliableChange(instrument, first, last) : null,
    };
  });
}

/** NHS England's paired first-to-last comparison over every measure with a total. */
export function pairedOf(
  measures: readonly StoredMeasure[],
  contactsAttended: number,
  instruments: readonly Instrument[],
): PairedComparison {
  const uses = measures.flatMap((m) =>
    m.total === null
      ? []
      : [{ instrumentId: m.instrumentId, respondent: m.respondent, at: m.completedAt, total: m.total }],
  );
  return pairedComparison(uses, contactsAttended, instruments);
}
