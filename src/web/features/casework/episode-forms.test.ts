import { describe, expect, it } from 'vitest';
import { checkAssessment, checkClosure, checkGoal, dayMoment } from './episode-forms.js';

const now = new Date('2026-11-23T10:00:00Z');
const assessment = {
  presentingProblems: ['anxiety'],
  summary: 'Panics before lessons',
  riskLevel: 'medium',
  riskDetail: 'Scratched arm last month',
  safetyPlan: '',
  inConfidence: false,
  date: '2026-11-23',
};

describe('episode forms', () => {
  it('takes today as now and another day as midday in England', () => {
    expect(dayMoment('2026-11-23', now)).toBe(now.toISOString());
    expect(dayMoment('2026-07-01', now)).toBe('2026-07-01T12:00:00+01:00');
    expect(dayMoment('', now)).toBeNull();
  });

  it('asks for a safety plan at medium risk, on the page’s own field id', () => {
    const checked = checkAssessment(assessment, now);
    expect(checked).toEqual({
      errors: [
        {
          field: 'assessment-safetyPlan',
          message: 'Write the safety plan agreed (needed when risk is medium or high)',
        },
      ],
    });
    const fixed = checkAssessment({ ...assessment, safetyPlan: 'Tell Miss Shah' }, now);
    expect('body' in fixed && fixed.body.assessedAt).toBe(now.toISOString());
  });

  it('needs a goal in words and a date', () => {
    expect(checkGoal('', '2026-11-23', now)).toEqual({
      errors: [{ field: 'goal-goal', message: 'Write the goal in the young person’s words' }],
    });
    expect('body' in checkGoal('Sleep by eleven', '2026-11-23', now)).toBe(true);
  });

  it('checks each kind of closing with its own fields', () => {
    const blank = { kind: '', serviceName: '', stepReason: '', reason: '', outcome: '', summary: '' };
    expect(checkClosure(blank)).toEqual({
      errors: [{ field: 'close-kind', message: 'Choose how help is ending' }],
    });
    const step = checkClosure({ ...blank, kind: 'step-up', serviceName: 'CAMHS' });
    expect(step).toEqual({ errors: [{ field: 'close-stepReason', message: 'Say why they are moving on' }] });
    const discharge = checkClosure({
      ...blank,
      kind: 'discharge',
      reason: 'goals-met',
      outcome: 'improved',
      summary: 'Goals met',
    });
    expect(discharge).toEqual({
      body: { kind: 'discharge', reason: 'goals-met', outcome: 'improved', summary: 'Goals met' },
    });
  });
});
