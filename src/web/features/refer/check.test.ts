import { describe, expect, it } from 'vitest';
import { SubmitReferralInput } from '../../../contracts/referral-form.js';
import {
  type Answers,
  answersFrom,
  composeDate,
  emptyAnswers,
  emptyCarer,
  toSubmitInput,
} from './answers.js';
import { checkAnswers, checkStep, errorsFromParams, firstIncompleteStep, messageFor } from './check.js';
import type { FlowContext } from './steps.js';

const ctx: FlowContext = { today: '2026-05-20', selfReferralMinAge: 13 };

const complete: Answers = {
  ...emptyAnswers,
  givenName: 'Sam',
  familyName: 'Rivers',
  dobDay: '3',
  dobMonth: '9',
  dobYear: '2011',
  gender: 'prefer-not-to-say',
  needs: ['anxiety'],
  description: 'Worried all the time.',
  duration: 'months',
  impact: 'quite-a-lot',
  riskToLifeNow: 'no',
  recentSelfHarm: 'no',
  riskToOthers: 'no',
  consentGiven: 'yes',
  parentsMayBeTold: 'young-person-will-decide',
  contactRoutes: ['email'],
  contactEmail: 'sam@example.com',
};

describe('composeDate', () => {
  it('pads the day and month into an ISO date', () => {
    expect(composeDate('3', '9', '2011')).toBe('2011-09-03');
    expect(composeDate(' 29 ', '02', '2012')).toBe('2012-02-29');
  });

  it('gives null for a date that does not exist or is not all there', () => {
    expect(composeDate('29', '2', '2013')).toBeNull();
    expect(composeDate('3', '', '2011')).toBeNull();
    expect(composeDate('3', '9', '11')).toBeNull();
    expect(composeDate('a', '9', '2011')).toBeNull();
  });
});

describe('toSubmitInput', () => {
  it('makes a valid request for a young person asking for themselves, with no referrer', () => {
    const input = toSubmitInput('self', complete);
    const parsed = SubmitReferralInput.parse(input);
    expect(parsed.kind).toBe('self');
    expect(parsed.referrer).toBeUndefined();
    expect(parsed.consent).toMatchObject({ consentBy: 'young-person', isGiven: true });
    expect(parsed.child.dateOfBirth).toBe('2011-09-03');
  });

  it('makes the parent the referrer and a carer with parental responsibility', () => {
    const parent = {
      ...complete,
      referrerName: 'Alex Rivers',
      referrerRelationship: 'Mother',
      youngPersonAgrees: 'yes' as const,
    };
    const parsed = SubmitReferralInput.parse(toSubmitInput('parent', parent));
    expect(parsed.carers).toEqual([
      expect.objectContaining({
        name: 'Alex Rivers',
        relationship: 'Mother',
        hasParentalResponsibility: true,
      }),
    ]);
    expect(parsed.consent.consentBy).toBe('parent-or-carer');
    expect(parsed.consent.youngPersonAgrees).toBe('yes');
    expect(parsed.description).toBe('Worried all the time.');
  });

  it('sends a yes to a risk to life as urgent', () => {
    expect(toSubmitInput('self', { ...complete, riskToLifeNow: 'yes' }).isUrgent).toBe(true);
    expect(toSubmitInput('self', complete).isUrgent).toBe(false);
  });
});

describe('checkStep', () => {
  it('has no problems for complete answers', () => {
    expect(checkAnswers('self', complete, ctx)).toEqual([]);
  });

  it('speaks to the young person on their own form', () => {
    const errors = checkStep('self', 'child-name', { ...complete, givenName: ' ' }, ctx);
    expect(errors).toEqual([{ field: 'givenName', message: 'Enter your first name', step: 'child-name' }]);
  });

  it('names the part of the date that is missing or wrong', () => {
    const check = (patch: Partial<Answers>) =>
      checkStep('parent', 'date-of-birth', { ...complete, ...patch }, ctx)[0]?.message;
    expect(check({ dobDay: '', dobMonth: '', dobYear: '' })).toBe('Enter their date of birth');
    expect(check({ dobMonth: '' })).toBe('Date of birth must include a day, month and year');
    expect(check({ dobDay: '31', dobMonth: '2' })).toBe(
      'Date of birth must be a real date, such as 27 3 2012',
    );
    expect(check({ dobYear: '2027' })).toBe('Date of birth must be in the past');
  });

  it("checks an NHS number with the API's own rule, naming the field", () => {
    const staff = { ...complete, staffKind: 'school' as const, nhsNumber: '123' };
    expect(checkStep('staff', 'nhs-number', staff, ctx)[0]?.message).toMatch(/^NHS number must be a valid/);
  });

  it('asks for a Gillick assessment when a young person under 16 agrees for themselves', () => {
    const staff: Answers = {
      ...complete,
      staffKind: 'gp',
      referrerName: 'Dr Lee',
      consentBy: 'young-person',
    };
    expect(checkStep('staff', 'consent', staff, ctx).map((e) => e.field)).toEqual([
      'gillickCompetent',
      'gillickAssessedBy',
    ]);
  });

  it('checks each parent or carer, saying which one', () => {
    const staff: Answers = { ...complete, staffKind: 'school', carers: [{ ...emptyCarer, name: 'Jo' }] };
    expect(checkStep('staff', 'carers', staff, ctx)).toEqual([
      {
        field: 'carers-0-relationship',
        message: 'Parent or carer 1: say how they are related, such as mother or foster carer',
        step: 'carers',
      },
      {
        field: 'carers-0-hasParentalResponsibility',
        message: 'Parent or carer 1: say if they have parental responsibility',
        step: 'carers',
      },
    ]);
  });

  it('carries on where a draft was left', () => {
    expect(firstIncompleteStep('self', { ...complete, needs: [] }, ctx)).toBe('worries');
    expect(firstIncompleteStep('self', complete, ctx)).toBe('check-answers');
  });
});

describe('errorsFromParams', () => {
  it("puts each API error on the page that asks it, in the API's words", () => {
    expect(
      errorsFromParams('staff', [
        { name: 'child.nhsNumber', reason: 'must be a valid 10-digit NHS number' },
        { name: 'consent.isGiven', reason: 'The referral needs consent' },
        { name: 'mystery', reason: 'is wrong' },
      ]),
    ).toEqual([
      { field: 'nhsNumber', message: 'NHS number must be a valid 10-digit NHS number', step: 'nhs-number' },
      { field: 'consentGiven', message: 'The referral needs consent', step: 'consent' },
      { field: 'mystery', message: 'Check mystery: is wrong', step: null },
    ]);
  });

  it('labels a carer field', () => {
    expect(messageFor('carers-2-phone', 'must be a phone number')).toBe(
      'Parent or carer 3: phone number must be a phone number',
    );
  });
});

describe('answersFrom', () => {
  it('keeps answers of the right type and drops the rest', () => {
    const read = answersFrom({
      givenName: 'Sam',
      needs: ['anxiety', 3],
      isUrgent: 'yes',
      carers: [{ name: 'Jo' }],
    });
    expect(read.givenName).toBe('Sam');
    expect(read.needs).toEqual([]);
    expect(read.isUrgent).toBe(false);
    expect(read.carers).toEqual([{ ...emptyCarer, name: 'Jo' }]);
    expect(answersFrom('nonsense')).toEqual(emptyAnswers);
  });
});
