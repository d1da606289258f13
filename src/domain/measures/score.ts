import type { GoalsInstrument, Instrument, QuestionnaireInstrument } from './instrument.js';

/**
 * Scoring one completed questionnaire, and telling whether a change between two scores is real.
 *
 * - A total is only given when every item is answered. A partial sum would look like a lower
 *   score, which for most measures means "better", and not every instrument allows pro-rating,
 *   so the unanswered items are listed instead and the total, band and affected subscales are null.
 * - An answer that is not one of the item's options is refused, never clamped or rounded: it is a
 *   mistake somewhere upstream, and a guessed score could reach a clinician.
 * - Goals (GBO) have no fixed items: each goal is the young person's own, rated 0–10, and the
 *   mean rating stands in for the total, including for reliable change.
 */

export interface QuestionnaireScore {
  kind: 'questionnaire';
  total: number | null;
  /** Each subscale's total by subscale id; null when one of its items is unanswered. */
  subscales: Record<string, number | null>;
  band: string | null;
  /** Item ids with no answer, in the instrument's order. */
  missing: string[];
}

export interface GoalsScore {
  kind: 'goals';
  ratings: { goalId: string; rating: number }[];
  /** The mean rating; null when no goal is rated. */
  mean: number | null;
  /** The same as `mean`, so goals compare like any other measure. */
  total: number | null;
  missing: string[];
}

export type Score = QuestionnaireScore | GoalsScore;
export type ScoreResult = { ok: true; score: Score } | { ok: false; errors: string[] };

export function scoreAnswers(instrument: Instrument, answers: Readonly<Record<string, number>>): ScoreResult {
  return instrument.kind === 'goals'
    ? scoreGoals(instrument, answers)
    : scoreQuestionnaire(instrument, answers);
}

function scoreQuestionnaire(
  instrument: QuestionnaireInstrument,
  answers: Readonly<Record<string, number>>,
): ScoreResult {
  const errors: string[] = [];
  const values = new Map<string, number>();
  const missing: string[] = [];
  for (const item of instrument.items) {
    const answer = answers[item.id];
    if (answer === undefined) {
      missing.push(item.id);
    } else if (!item.options.some((o) => o.value === answer)) {
      const allowed = item.options.map((o) => o.value).join(', ');
      errors.push(`${item.id}: ${answer} is not one of the answers to this item (${allowed})`);
    } else {
      values.set(item.id, answer);
    }
  }
  const known = new Set(instrument.items.map((item) => item.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) errors.push(`${id}: ${instrument.name} has no item with this id`);
  }
  if (errors.length > 0) return { ok: false, errors };

  const sum = (ids: readonly string[]): number | null => {
    let total = 0;
    for (const id of ids) {
      const value = values.get(id);
      if (value === undefined) return null;
      total += value;
    }
    return total;
  };
  const total = sum(instrument.items.map((item) => item.id));
  const subscales: Record<string, number | null> = {};
  for (const subscale of instrument.scoring.subscales) subscales[subscale.id] = sum(subscale.itemIds);
  return {
    ok: true,
    score: { kind: 'questionnaire', total, subscales, band: bandFor(instrument, total), missing },
  };
}

function scoreGoals(instrument: GoalsInstrument, answers: Readonly<Record<string, number>>): ScoreResult {
  const errors: string[] = [];
  const entries = Object.entries(answers);
  if (entries.length > instrument.maxGoals) {
    errors.push(`${instrument.name} allows at most ${instrument.maxGoals} goals, not ${entries.length}`);
  }
  const { min, max } = instrument.rating;
  for (const [goalId, rating] of entries) {
    if (!Number.isInteger(rating) || rating < min || rating > max) {
      errors.push(`${goalId}: ${rating} is not a whole number from ${min} to ${max}`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const ratings = entries.map(([goalId, rating]) => ({ goalId, rating }));
  const mean = ratings.length === 0 ? null : ratings.reduce((s, r) => s + r.rating, 0) / ratings.length;
  return { ok: true, score: { kind: 'goals', ratings, mean, total: mean, missing: [] } };
}

/** The label of the band a total falls in: the last band starting at or below it. */
export function bandFor(instrument: QuestionnaireInstrument, total: number | null): string | null {
  if (total === null) return null;
  let label: string | null = null;
  for (const band of instrument.scoring.bands) {
    if (band.min <= total) label = band.label;
  }
  return label;
}

export const reliableChanges = [
  'reliable-improvement',
  'reliable-deterioration',
  'no-reliable-change',
] as const;
export type ReliableChange = (typeof reliableChanges)[number];

// Goal means are fractions (such as 13/3), so a change of exactly the threshold can arrive a hair
// under it in floating point; this tolerance is far below any real difference in scores.
const TOLERANCE = 1e-9;

/**
 * Whether the change from `first` to `last` is bigger than measurement error: a change of at
 * least the instrument's reliable-change value counts (PHQ-9: 6 counts, 5 does not), in the
 * direction the instrument says is better.
 */
export function reliableChange(instrument: Instrument, first: number, last: number): ReliableChange {
  const threshold =
    instrument.kind === 'goals' ? instrument.reliableChange : instrument.scoring.reliableChange;
  const direction = instrument.kind === 'goals' ? instrument.direction : instrument.scoring.direction;
  const better = direction === 'higher-is-better' ? last - first : first - last;
  if (better >= threshold - TOLERANCE) return 'reliable-improvement';
  if (-better >= threshold - TOLERANCE) return 'reliable-deterioration';
  return 'no-reliable-change';
}
