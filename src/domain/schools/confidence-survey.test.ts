import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agreementScale,
  confidenceStatements,
  isValidAnswers,
  SURVEY_MIN_RESPONSES,
  type SurveyAnswers,
  surveyChange,
  surveyResult,
} from './confidence-survey.js';

const ids = confidenceStatements.map((statement) => statement.id);
const everyone = (rating: number): SurveyAnswers => Object.fromEntries(ids.map((id) => [id, rating]));

describe('the survey', () => {
  it('has five statements and a five-point scale from strongly disagree to strongly agree', () => {
    expect(ids).toEqual(['spot-signs', 'talk-to-pupil', 'know-where-to-go', 'whole-school', 'own-wellbeing']);
    expect(agreementScale.map((point) => point.value)).toEqual([1, 2, 3, 4, 5]);
    expect(agreementScale[0]?.label).toBe('Strongly disagree');
    expect(agreementScale[4]?.label).toBe('Strongly agree');
  });
});

describe('surveyResult', () => {
  it('gives the mean and the share agreeing for each statement', () => {
    const responses = [1, 2, 3, 4, 4, 5, 5, 5].map(everyone);
    const result = surveyResult(responses);
    expect(result.isSuppressed).toBe(false);
    expect(result.statements[0]).toEqual({
      id: 'spot-signs',
      text: "I can spot the signs that a pupil's mental health is getting worse",
      meanScore: 3.6,
      agreePercent: 63,
      answered: 8,
    });
  });

  it('holds back every figure with fewer than 8 responses, but says how many there were', () => {
    const result = surveyResult([5, 5, 5, 5, 5, 5, 5].map(everyone));
    expect(result.responseCount).toBe(7);
    expect(result.isSuppressed).toBe(true);
    expect(
      result.statements.every((s) => s.meanScore === null && s.agreePercent === null && s.answered === null),
    ).toBe(true);
  });

  it('holds back a statement fewer than 8 people answered, and ignores ratings outside 1 to 5', () => {
    const responses = [...[4, 4, 4, 4, 4, 4, 4].map(everyone), { 'spot-signs': 6, 'talk-to-pupil': 2 }];
    const result = surveyResult(responses);
    expect(result.isSuppressed).toBe(false);
    expect(result.statements.find((s) => s.id === 'spot-signs')?.meanScore).toBeNull();
    expect(result.statements.find((s) => s.id === 'talk-to-pupil')).toMatchObject({
      meanScore: 3.8,
      agreePercent: 88,
      answered: 8,
    });
  });
});

describe('surveyChange', () => {
  it('shows the change in each mean, and nothing when either side is held back', () => {
    const before = surveyResult([2, 2, 2, 2, 3, 3, 3, 3].map(everyone));
    const after = surveyResult([4, 4, 4, 4, 3, 3, 3, 3].map(everyone));
    expect(surveyChange(before, after)[0]).toEqual({
      statementId: 'spot-signs',
      before: 2.5,
      after: 3.5,
      change: 1,
    });
    const tooFew = surveyResult([everyone(5)]);
    expect(surveyChange(tooFew, after).every((c) => c.before === null && c.change === null)).toBe(true);
    expect(surveyChange(before, tooFew).every((c) => c.after === null && c.change === null)).toBe(true);
  });
});

describe('isValidAnswers', () => {
  it('accepts known statements rated 1 to 5, skipped ones missing', () => {
    expect(isValidAnswers(everyone(3))).toBe(true);
    expect(isValidAnswers({ 'spot-signs': 1 })).toBe(true);
    expect(isValidAnswers({})).toBe(true);
  });

  it.each([
    ['an unknown statement', { 'made-up': 3 }],
    ['a rating of 6', { 'spot-signs': 6 }],
    ['a rating of 0', { 'spot-signs': 0 }],
    ['half a point', { 'spot-signs': 2.5 }],
    ['a rating as text', { 'spot-signs': '3' }],
    ['nothing', null],
    ['a list', [3, 4]],
    ['a date', new Date()],
  ])('refuses %s', (_, answers) => {
    expect(isValidAnswers(answers)).toBe(false);
  });
});

const answersArb: fc.Arbitrary<SurveyAnswers> = fc
  .subarray(ids)
  .chain((answered) =>
    fc
      .tuple(...answered.map(() => fc.integer({ min: 1, max: 5 })))
      .map((ratings) => Object.fromEntries(answered.map((id, i) => [id, ratings[i] ?? 3]))),
  );

describe('surveyResult properties', () => {
  it('shows nothing but the response count for 1 to 7 responses', () => {
    fc.assert(
      fc.property(
        fc.array(answersArb, { minLength: 1, maxLength: SURVEY_MIN_RESPONSES - 1 }),
        (responses) => {
          const result = surveyResult(responses);
          expect(result.responseCount).toBe(responses.length);
          expect(result.isSuppressed).toBe(true);
          for (const s of result.statements) {
            expect([s.meanScore, s.agreePercent, s.answered]).toEqual([null, null, null]);
          }
        },
      ),
    );
  });

  it('stops holding back once the eighth response arrives', () => {
    fc.assert(
      fc.property(fc.array(answersArb, { minLength: 7, maxLength: 7 }), answersArb, (seven, eighth) => {
        expect(surveyResult(seven).isSuppressed).toBe(true);
        expect(surveyResult([...seven, eighth]).isSuppressed).toBe(false);
      }),
    );
  });

  it('keeps means between 1 and 5 and shares between 0 and 100, from at least 8 answers', () => {
    fc.assert(
      fc.property(fc.array(answersArb, { maxLength: 30 }), (responses) => {
        for (const s of surveyResult(responses).statements) {
          if (s.meanScore === null) continue;
          expect(s.meanScore).toBeGreaterThanOrEqual(1);
          expect(s.meanScore).toBeLessThanOrEqual(5);
          expect(s.agreePercent).toBeGreaterThanOrEqual(0);
          expect(s.agreePercent).toBeLessThanOrEqual(100);
          expect(s.answered).toBeGreaterThanOrEqual(SURVEY_MIN_RESPONSES);
          expect(s.answered).toBeLessThanOrEqual(responses.length);
        }
      }),
    );
  });

  it('accepts every response the survey form can produce', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        expect(isValidAnswers(answers)).toBe(true);
      }),
    );
  });

  it('gives no change whenever either side is held back', () => {
    fc.assert(
      fc.property(
        fc.array(answersArb, { maxLength: 12 }),
        fc.array(answersArb, { maxLength: 12 }),
        (a, b) => {
          const [before, after] = [surveyResult(a), surveyResult(b)];
          for (const change of surveyChange(before, after)) {
            if (before.isSuppressed || after.isSuppressed) expect(change.change).toBeNull();
            if (change.change !== null)
              expect(change.change).toBeCloseTo((change.after ?? 0) - (change.before ?? 0), 5);
          }
        },
      ),
    );
  });
});
