import { describe, expect, it } from 'vitest';
import { type Answers, emptyAnswers } from './answers.js';
import {
  applies,
  blockedAt,
  type FlowContext,
  fieldForParam,
  firstStep,
  nextStep,
  previousStep,
  type StepId,
  stepForField,
  stepOrder,
} from './steps.js';

const ctx: FlowContext = { today: '2026-05-20', selfReferralMinAge: 13 };
const answers = (patch: Partial<Answers> = {}): Answers => ({ ...emptyAnswers, ...patch });
const aged14 = { dobDay: '1', dobMonth: '5', dobYear: '2012' };
const aged11 = { dobDay: '21', dobMonth: '5', dobYear: '2014' };

function walk(audience: 'parent' | 'self' | 'staff', given: Answers): StepId[] {
  const seen: StepId[] = [firstStep(audience)];
  for (let step = nextStep(audience, firstStep(audience), given, ctx); step; ) {
    seen.push(step);
    step = nextStep(audience, step, given, ctx);
  }
  return seen;
}

describe('step order', () => {
  it('asks a parent about themselves first, and never asks staff-only questions', () => {
    expect(walk('parent', answers(aged14))).toEqual([
      'about-you',
      'child-name',
      'date-of-birth',
      'school',
      'gender',
      'worries',
      'what-is-happening',
      'how-long',
      'tried-so-far',
      'danger-now',
      'other-risks',
      'consent',
      'contact',
      'check-answers',
    ]);
  });

  it('skips "about you" for a young person asking for themselves', () => {
    const steps = walk('self', answers(aged14));
    expect(steps[0]).toBe('child-name');
    expect(steps).not.toContain('about-you');
    expect(steps).not.toContain('too-young');
    expect(steps.at(-1)).toBe('check-answers');
  });

  it('asks staff the NHS number, ethnicity, GP practice and carers too', () => {
    const steps = walk('staff', answers(aged14));
    for (const step of ['about-you', 'nhs-number', 'ethnicity', 'gp-practice', 'carers'] as const) {
      expect(steps).toContain(step);
    }
    expect(steps.indexOf('carers')).toBeLessThan(steps.indexOf('worries'));
  });

  it('goes back the way it came, skipping pages that did not apply', () => {
    expect(previousStep('self', 'school', answers(aged14), ctx)).toBe('date-of-birth');
    expect(previousStep('parent', 'other-risks', answers({ riskToLifeNow: 'no' }), ctx)).toBe('danger-now');
    expect(previousStep('parent', 'other-risks', answers({ riskToLifeNow: 'yes' }), ctx)).toBe('stop');
    expect(previousStep('parent', 'about-you', answers(), ctx)).toBeNull();
  });
});

describe('the risk stop', () => {
  it('shows the stop page after a yes to a risk to life, then carries on', () => {
    const given = answers({ riskToLifeNow: 'yes' });
    expect(nextStep('self', 'danger-now', given, ctx)).toBe('stop');
    expect(nextStep('self', 'stop', given, ctx)).toBe('other-risks');
    expect(applies('stop', 'staff', answers({ riskToLifeNow: 'no' }), ctx)).toBe(false);
  });

  it('does not let anyone past the stop page without choosing to send it as urgent', () => {
    expect(blockedAt('parent', 'check-answers', answers({ riskToLifeNow: 'yes' }), ctx)).toBe('stop');
    expect(
      blockedAt('parent', 'check-answers', answers({ riskToLifeNow: 'yes', isUrgent: true }), ctx),
    ).toBeNull();
    expect(blockedAt('parent', 'danger-now', answers({ riskToLifeNow: 'yes' }), ctx)).toBeNull();
  });

  it('shows the stop page even when changing the answer from check answers', () => {
    expect(nextStep('parent', 'danger-now', answers({ riskToLifeNow: 'yes' }), ctx, true)).toBe('stop');
    expect(nextStep('parent', 'danger-now', answers({ riskToLifeNow: 'no' }), ctx, true)).toBe(
      'check-answers',
    );
    expect(nextStep('parent', 'stop', answers({ riskToLifeNow: 'yes' }), ctx, true)).toBe('check-answers');
  });
});

describe('asking for yourself when too young', () => {
  it('stops a young person under the minimum age and does not let them go on', () => {
    const given = answers(aged11);
    expect(nextStep('self', 'date-of-birth', given, ctx)).toBe('too-young');
    expect(nextStep('self', 'too-young', given, ctx)).toBeNull();
    expect(blockedAt('self', 'worries', given, ctx)).toBe('too-young');
  });

  it('counts the birthday on the day itself', () => {
    const given = answers({ dobDay: '20', dobMonth: '5', dobYear: '2013' });
    expect(nextStep('self', 'date-of-birth', given, ctx)).toBe('school');
  });

  it('does not apply to parents, or before the rules are known', () => {
    expect(nextStep('parent', 'date-of-birth', answers(aged11), ctx)).toBe('school');
    expect(nextStep('self', 'date-of-birth', answers(aged11), { ...ctx, selfReferralMinAge: null })).toBe(
      'school',
    );
    expect(blockedAt('self', 'too-young', answers(aged14), ctx)).toBe('date-of-birth');
  });
});

describe('fieldForParam and stepForField', () => {
  it.each([
    ['child.givenName', 'givenName', 'child-name'],
    ['child.dateOfBirth', 'dobDay', 'date-of-birth'],
    ['child.nhsNumber', 'nhsNumber', 'nhs-number'],
    ['consent.isGiven', 'consentGiven', 'consent'],
    ['consent.gillick.assessedBy', 'gillickAssessedBy', 'consent'],
    ['risk.riskToLifeNow', 'riskToLifeNow', 'danger-now'],
    ['contact.routes.0', 'contactRoutes', 'contact'],
    ['carers.1.phone', 'carers-1-phone', 'carers'],
    ['needs', 'needs', 'worries'],
    ['referrer.organisation', 'referrerOrganisation', 'about-you'],
  ])('staff: %s is %s on %s', (name, field, step) => {
    expect(fieldForParam('staff', name)).toBe(field);
    expect(stepForField('staff', field)).toBe(step);
  });

  it('places the parent, who is also the first carer, on the pages that ask about them', () => {
    expect(fieldForParam('parent', 'carers.0.name')).toBe('referrerName');
    expect(fieldForParam('parent', 'referrer.phone')).toBe('contactPhone');
    expect(stepForField('parent', 'contactPhone')).toBe('contact');
  });

  it('gives no page for a field that this form does not ask', () => {
    expect(fieldForParam('self', 'child.nhsNumber')).toBeNull();
    expect(fieldForParam('self', 'referrer.name')).toBeNull();
    expect(fieldForParam('parent', 'somethingElse')).toBeNull();
  });

  it('every page in every order is a known page', () => {
    for (const order of Object.values(stepOrder)) expect(new Set(order).size).toBe(order.length);
  });
});
