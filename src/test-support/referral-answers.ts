import type { z } from 'zod';
import type { SubmitReferralInput } from '../contracts/referral-form.js';

/** A complete, valid referral form's answers, for tests to change one thing at a time. */
export function referralAnswers(
  overrides: Partial<z.input<typeof SubmitReferralInput>> = {},
): z.input<typeof SubmitReferralInput> {
  return {
    kind: 'parent',
    child: {
      givenName: 'Amara',
      familyName: 'Okafor',
      dateOfBirth: '2012-04-03',
      nhsNumber: '999 000 0018',
      gender: 'female',
    },
    contact: { routes: ['email'], email: 'parent@example.com', canLeaveMessage: false },
    carers: [
      { name: 'Grace Okafor', relationship: 'mother', hasParentalResponsibility: true, doNotShare: false },
    ],
    needs: ['anxiety'],
    description: 'She has stopped going into lessons and cries before school most days.',
    duration: 'months',
    impact: 'quite-a-lot',
    triedSoFar: 'Talked to her form tutor.',
    risk: { riskToLifeNow: false, recentSelfHarm: false, riskToOthers: false, details: '' },
    consent: { consentBy: 'parent-or-carer', isGiven: true, parentsMayBeTold: 'yes' },
    referrer: { name: 'Grace Okafor', relationship: 'mother', email: 'parent@example.com' },
    ...overrides,
  };
}
