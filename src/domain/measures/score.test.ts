import { describe, expect, it } from 'vitest';
import { type QuestionnaireScore, reliableChange, scoreAnswers } from './score.js';
import { GAD7, GBO, PHQ9 } from './shipped.js';

/** Answers giving each item the value listed, in order. */
const answersOf = (prefix: string, values: readonly number[]) =>
  Object.fromEntries(values.map((v, i) => [`${prefix}-${i + 1}`, v]));

/** Answers adding up to `total`, filling items with 3s first. */
const answersTotalling = (prefix: string, count: number, total: number) =>
  answersOf(
    prefix,
    Array.from({ length: count }, (_, i) => Math.max(0, Math.min(3, total - 3 * i))),
  );

const questionnaireScore = (result: ReturnType<typeof scoreAnswers>): QuestionnaireScore => {
  if (!result.ok || result.score.kind !== 'questionnaire') throw new Error(JSON.stringify(result));
  return result.score;
};

describe('scoreAnswers: PHQ-9', () => {
  it('scores a worked example: 1+2+0+3+1+1+2+0+1 = 11, moderate', () => {
    const score = questionnaireScore(scoreAnswers(PHQ9, answersOf('phq9', [1, 2, 0, 3, 1, 1, 2, 0, 1])));
    expect(score).toEqual({ kind: 'questionnaire', total: 11, subscales: {}, band: 'Moderate', missing: [] });
  });

  it.each([
    [0, 'None or minimal'],
    [4, 'None or minimal'],
    [5, 'Mild'],
    [9, 'Mild'],
    [10, 'Moderate'],
    [14, 'Moderate'],
    [15, 'Moderately severe'],
    [19, 'Moderately severe'],
    [20, 'Severe'],
    [27, 'Severe'],
  ])('puts a total of %i in the %s band', (total, band) => {
    const score = questionnaireScore(scoreAnswers(PHQ9, answersTotalling('phq9', 9, total)));
    expect(score.total).toBe(total);
    expect(score.band).toBe(band);
  });

  it('gives no total or band while items are unanswered, and lists them', () => {
    const score = questionnaireScore(scoreAnswers(PHQ9, { 'phq9-1': 3, 'phq9-2': 3 }));
    expect(score.total).toBeNull();
    expect(score.band).toBeNull();
    expect(score.missing).toEqual(['phq9-3', 'phq9-4', 'phq9-5', 'phq9-6', 'phq9-7', 'phq9-8', 'phq9-9']);
  });

  it('refuses an answer that is not one of the options, and an unknown item', () => {
    const result = scoreAnswers(PHQ9, {
      ...answersOf('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0]),
      'phq9-2': 4,
      'phq9-x': 1,
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        'phq9-2: 4 is not one of the answers to this item (0, 1, 2, 3)',
        'phq9-x: Patient Health Questionnaire (PHQ-9) has no item with this id',
      ],
    });
    expect(scoreAnswers(PHQ9, { 'phq9-1': 1.5 }).ok).toBe(false);
  });
});

describe('scoreAnswers: GAD-7', () => {
  it('scores a worked example: 2+2+3+1+0+1+2 = 11, moderate', () => {
    const score = questionnaireScore(scoreAnswers(GAD7, answersOf('gad7', [2, 2, 3, 1, 0, 1, 2])));
    expect(score.total).toBe(11);
    expect(score.band).toBe('Moderate');
  });

  it.each([
    [0, 'Minimal'],
    [4, 'Minimal'],
    [5, 'Mild'],
    [9, 'Mild'],
    [10, 'Moderate'],
    [14, 'Moderate'],
    [15, 'Severe'],
    [21, 'Severe'],
  ])('puts a total of %i in the %s band', (total, band) => {
    const score = questionnaireScore(scoreAnswers(GAD7, answersTotalling('gad7', 7, total)));
    expect(score.total).toBe(total);
    expect(score.band).toBe(band);
  });
});

describe('scoreAnswers: goals', () => {
  it('gives each rating and the mean', () => {
    expect(scoreAnswers(GBO, { 'go-to-school': 2, 'sleep-better': 5, 'see-friends': 8 })).toEqual({
      ok: true,
      score: {
        kind: 'goals',
        ratings: [
          { goalId: 'go-to-school', rating: 2 },
          { goalId: 'sleep-better', rating: 5 },
          { goalId: 'see-friends', rating: 8 },
        ],
        mean: 5,
        total: 5,
        missing: [],
      },
    });
  });

  it('has no mean with no goals rated', () => {
    const result = scoreAnswers(GBO, {});
    expect(result.ok && result.score.total).toBeNull();
  });

  it('refuses a fourth goal and ratings outside 0 to 10 or not whole', () => {
    expect(scoreAnswers(GBO, { a: 1, b: 2, c: 3, d: 4 })).toEqual({
      ok: false,
      errors: ['Goal Based Outcomes (GBO) allows at most 3 goals, not 4'],
    });
    expect(scoreAnswers(GBO, { a: 11, b: -1, c: 2.5 })).toEqual({
      ok: false,
      errors: [
        'a: 11 is not a whole number from 0 to 10',
        'b: -1 is not a whole number from 0 to 10',
        'c: 2.5 is not a whole number from 0 to 10',
      ],
    });
  });
});

describe('reliableChange', () => {
  it('counts a PHQ-9 change of 6 but not 5', () => {
    expect(reliableChange(PHQ9, 18, 12)).toBe('reliable-improvement');
    expect(reliableChange(PHQ9, 18, 13)).toBe('no-reliable-change');
    expect(reliableChange(PHQ9, 12, 18)).toBe('reliable-deterioration');
    expect(reliableChange(PHQ9, 12, 17)).toBe('no-reliable-change');
  });

  it('counts a GAD-7 change of 4 but not 3', () => {
    expect(reliableChange(GAD7, 15, 11)).toBe('reliable-improvement');
    expect(reliableChange(GAD7, 15, 12)).toBe('no-reliable-change');
    expect(reliableChange(GAD7, 8, 12)).toBe('reliable-deterioration');
  });

  it('treats a higher goal rating as better, and a mean change of exactly 3 as reliable', () => {
    expect(reliableChange(GBO, 2, 5)).toBe('reliable-improvement');
    expect(reliableChange(GBO, 5, 2)).toBe('reliable-deterioration');
    expect(reliableChange(GBO, 2, 4.9)).toBe('no-reliable-change');
    // Means of thirds: (1+1+2)/3 to (4+4+5)/3 is a change of exactly 3.
    expect(reliableChange(GBO, 4 / 3, 13 / 3)).toBe('reliable-improvement');
  });
});
