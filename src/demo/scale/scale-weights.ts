import type { Weighted } from '../demo-referral-text.js';

// The shape of the synthetic world: how often each source, outcome, wait and attendance happens.
// Roughly what the source documents and national figures describe; every child is fictional.

export const weekdaySources: Weighted<string> = [
  ['school', 45],
  ['parent', 20],
  ['gp', 15],
  ['self', 10],
  ['professional', 10],
];
export const weekendSources: Weighted<string> = [
  ['parent', 65],
  ['self', 35],
];

/** Share of referrals marked urgent at intake (the "crisis point" share). */
export const URGENT_SHARE = 0.07;
/** Share of urgent referrals triaged as an emergency (seen within 24 hours). */
export const EMERGENCY_SHARE_OF_URGENT = 0.15;
/** Share of referrals with no school given (a GP or parent referral that left it out). */
export const NO_SCHOOL_SHARE = 0.06;

/** What triage decided. `more-information` stays open only when decided in the last four weeks. */
export const triageOutcomes: Weighted<string> = [
  ['accept', 64],
  ['signpost', 18],
  ['decline', 11],
  ['more-information', 7],
];

/** Why a declined (inappropriate) referral was declined: `declineReasons` codes. */
export const declineWeights: Weighted<string> = [
  ['below-threshold', 40],
  ['not-mental-health', 18],
  ['above-threshold', 15],
  ['already-receiving-help', 12],
  ['outside-area', 8],
  ['outside-age', 4],
  ['consent-withdrawn', 3],
];

export const genderWeights: Weighted<string> = [
  ['female', 54],
  ['male', 40],
  ['non-binary', 2.5],
  ['self-described', 1],
  ['prefer-not-to-say', 2.5],
];

/** NHS ethnic categories, roughly England's pupil population: the demo area's own weights. */
export { ethnicWeights } from '../demo-referral-people.js';

/** Special educational needs, when recorded (`SEN_RECORDED` of children). */
export const SEN_RECORDED = 0.65;
export const senWeights: Weighted<string> = [
  ['none', 70],
  ['sen-support', 22],
  ['ehc-plan', 8],
];

/** LGBT+, only ever recorded when a young person of 11 or over chose to say (`LGBT_RECORDED`). */
export const LGBT_RECORDED = 0.35;
export const lgbtWeights: Weighted<string> = [
  ['no', 72],
  ['yes', 18],
  ['prefer-not-to-say', 10],
];

/** Share of children with an NHS number on the referral (the rest arrive without one). */
export const NHS_NUMBER_SHARE = 0.7;

/** Where an accepted referral goes when the school has an MHST; otherwise MHST's share goes to CAMHS. */
export const destinationWeights: Weighted<string> = [
  ['mhst', 55],
  ['camhs', 30],
  ['early-help', 15],
];

/** Care contacts booked per accepted referral. */
export const contactCounts: Weighted<number> = [
  [1, 12],
  [2, 23],
  [3, 30],
  [4, 35],
];

export const attendWeights: Weighted<string> = [
  ['attended', 78],
  ['late-seen', 3],
  ['did-not-attend', 9],
  ['cancelled-by-patient', 6],
  ['cancelled-by-service', 4],
];

export const mediumWeights: Weighted<string> = [
  ['in-person', 80],
  ['video', 12],
  ['phone', 8],
];

/** How an episode closed, for young people who were seen at least once. */
export const closeReasonWeights: Weighted<string> = [
  ['goals-met', 62],
  ['no-longer-wanted', 12],
  ['stepped-up', 8],
  ['stepped-down', 6],
  ['did-not-engage', 5],
  ['moved-away', 4],
  ['other', 3],
];

export const closeOutcomeWeights: Weighted<string> = [
  ['improved', 45],
  ['some-improvement', 25],
  ['no-change', 15],
  ['got-worse', 3],
  ['not-known', 12],
];

export const interventionWeights: Weighted<string> = [
  ['guided-self-help-anxiety', 40],
  ['guided-self-help-low-mood', 25],
  ['parent-led-anxiety', 15],
  ['brief-psychoeducation', 10],
  ['group-programme', 5],
  ['other', 5],
];

/** Obviously ordinary first names; the family name marks every synthetic child as made up. */
export const givenNames = [
  'Amelia',
  'Oliver',
  'Isla',
  'Noah',
  'Ava',
  'Leo',
  'Mia',
  'Arthur',
  'Ivy',
  'Muhammad',
  'Freya',
  'Oscar',
  'Lily',
  'George',
  'Sophia',
  'Theo',
  'Grace',
  'Harry',
  'Aisha',
  'Jack',
  'Zara',
  'Charlie',
  'Ella',
  'Finley',
  'Maya',
  'Alfie',
  'Poppy',
  'Kai',
  'Ruby',
  'Yusuf',
];
export const familyNames = ['Scaleton', 'Testwood', 'Fictor', 'Madeup', 'Synthby', 'Nullfield'];
