import type { Direction, Instrument, Respondent } from './instrument.js';
import type { ReliableChange } from './score.js';

/**
 * Words about scores: short headlines for staff, and progress in plain words for the young person
 * or parent who has just answered (a 12-year-old must be able to read them). The young person's
 * words never use clinical band labels, and never call a change "reliable" or "clinical": they say
 * which way the score went and what that means for this questionnaire, and that their practitioner
 * will talk it through.
 */

/** "PHQ-9" from "Patient Health Questionnaire (PHQ-9)": the short name in brackets, if any. */
export function shortName(instrument: Pick<Instrument, 'name'>): string {
  const match = /\(([^()]+)\)\s*$/.exec(instrument.name);
  return match?.[1]?.trim() || instrument.name;
}

export const respondentWords: Record<Respondent, string> = {
  self: 'self',
  parent: 'parent or carer',
  clinician: 'clinician',
};

export function directionOf(instrument: Instrument): Direction {
  return instrument.kind === 'goals' ? instrument.direction : instrument.scoring.direction;
}

/** Totals as people write them: whole numbers plainly, goal means to 1 decimal place. */
export function formatScore(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export const reliableChangeWords: Record<ReliableChange, string> = {
  'reliable-improvement': 'a reliable improvement',
  'reliable-deterioration': 'a reliable deterioration',
  'no-reliable-change': 'no reliable change',
};

/** "PHQ-9 (self): 14 → 8, a reliable improvement", or "GAD-7 (self): 12, the first score". */
export function staffHeadline(
  instrument: Pick<Instrument, 'name'>,
  respondent: Respondent,
  totals: readonly number[],
  change: ReliableChange | null,
): string {
  const label = `${shortName(instrument)} (${respondentWords[respondent]})`;
  const first = totals[0];
  const last = totals[totals.length - 1];
  if (first === undefined || last === undefined) return `${label}: no scores yet`;
  if (totals.length === 1) return `${label}: ${formatScore(first)}, the first score`;
  const how = change ? reliableChangeWords[change] : 'not compared';
  return `${label}: ${formatScore(first)} → ${formatScore(last)}, ${how}`;
}

const TALK = 'Your practitioner will talk it through with you.';

/**
 * What the person who just answered sees about their own progress on this questionnaire: the first
 * and latest totals, oldest first, and which way is better. Null totals (unanswered items) are left
 * out before calling.
 */
export function progressWords(direction: Direction, totals: readonly number[]): string {
  const first = totals[0];
  const last = totals[totals.length - 1];
  if (totals.length <= 1 || first === undefined || last === undefined) {
    return `This is your first one. ${TALK}`;
  }
  const from = formatScore(first);
  const to = formatScore(last);
  const lowerIsBetter = direction === 'higher-is-worse';
  const meaning = lowerIsBetter
    ? 'For this questionnaire, lower means you have been feeling better.'
    : 'For this questionnaire, higher means things have been going better.';
  if (first === last) return `Your score is ${to}, the same as your first one. ${TALK}`;
  const wentDown = last < first;
  const moved = wentDown ? `gone down from ${from} to ${to}` : `gone up from ${from} to ${to}`;
  const isBetter = wentDown === lowerIsBetter;
  return isBetter
    ? `Your score has ${moved} since your first one. ${meaning}`
    : `Your score has ${moved} since your first one. ${meaning} ${TALK}`;
}
