import { type PresentingNeed, presentingNeedCodes, presentingNeeds } from '../organisations/needs.js';

// An episode of care: opened when a referral is allocated, worked through an assessment (with risk
// and a safety plan), care-plan goals in the young person's words and an intervention, and closed
// by a step up, a step down, an onward referral or a discharge. Pure rules; the row is never deleted.

/** Presenting problems at assessment: the same codes and words as the referral's presenting needs. */
export const presentingProblems = presentingNeeds;
export type PresentingProblem = PresentingNeed;
export const presentingProblemCodes = presentingNeedCodes;

/** The evidence-based interventions an MHST offers, in words a practitioner and family use. */
export const interventions = {
  'guided-self-help-anxiety': 'Guided self-help for anxiety (CBT-informed)',
  'guided-self-help-low-mood': 'Guided self-help for low mood (behavioural activation)',
  'parent-led-anxiety': 'Parent-led CBT for anxiety in younger children',
  'group-programme': 'Group programme',
  'brief-psychoeducation': 'Brief psychoeducation',
  other: 'Other evidence-based intervention',
} as const;
export type Intervention = keyof typeof interventions;
export const interventionCodes = Object.keys(interventions) as [Intervention, ...Intervention[]];

/** Risk at assessment. Medium and high need a safety plan agreed with the young person. */
export const riskLevels = {
  low: 'Low risk',
  medium: 'Medium risk',
  high: 'High risk',
} as const;
export type RiskLevel = keyof typeof riskLevels;
export const riskLevelCodes = Object.keys(riskLevels) as [RiskLevel, ...RiskLevel[]];

export function needsSafetyPlan(level: RiskLevel): boolean {
  return level !== 'low';
}

/**
 * Why an episode closed. `stepped-up`, `stepped-down` and `referred-on` are set by those kinds of
 * closing; a discharge chooses one of the others.
 */
export const dischargeReasons = {
  'goals-met': 'Goals met',
  'stepped-up': 'Stepped up to more specialist help',
  'stepped-down': 'Stepped down to lighter support',
  'referred-on': 'Referred on to another service',
  'no-longer-wanted': 'The young person no longer wanted help',
  'did-not-engage': 'Did not engage',
  'moved-away': 'Moved away',
  other: 'Another reason',
} as const;
export type DischargeReason = keyof typeof dischargeReasons;
export const dischargeReasonCodes = Object.keys(dischargeReasons) as [DischargeReason, ...DischargeReason[]];
/** The reasons a practitioner picks when discharging (the others come with their own kind of closing). */
export const dischargeChoiceCodes = dischargeReasonCodes.filter(
  (r) => r !== 'stepped-up' && r !== 'stepped-down' && r !== 'referred-on',
) as [DischargeReason, ...DischargeReason[]];

export const dischargeOutcomes = {
  improved: 'Improved',
  'some-improvement': 'Some improvement',
  'no-change': 'No change',
  'got-worse': 'Got worse',
  'not-known': 'Not known',
} as const;
export type DischargeOutcome = keyof typeof dischargeOutcomes;
export const dischargeOutcomeCodes = Object.keys(dischargeOutcomes) as [
  DischargeOutcome,
  ...DischargeOutcome[],
];

export const episodeStatuses = {
  open: 'Open',
  'stepped-up': 'Closed: stepped up',
  'stepped-down': 'Closed: stepped down',
  discharged: 'Closed: discharged',
} as const;
export type EpisodeStatus = keyof typeof episodeStatuses;

export const closureKinds = {
  'step-up': 'Step up to more specialist help (for example CAMHS)',
  'step-down': 'Step down to lighter support (for example the school’s pastoral team)',
  onward: 'Refer on to another service',
  discharge: 'Discharge',
} as const;
export type ClosureKind = keyof typeof closureKinds;
export const closureKindCodes = Object.keys(closureKinds) as [ClosureKind, ...ClosureKind[]];

/** The allowed moves: only an open episode closes, and a closed one never reopens. */
const transitions: Record<EpisodeStatus, readonly EpisodeStatus[]> = {
  open: ['stepped-up', 'stepped-down', 'discharged'],
  'stepped-up': [],
  'stepped-down': [],
  discharged: [],
};

export function canMove(from: EpisodeStatus, to: EpisodeStatus): boolean {
  return transitions[from].includes(to);
}

export function isOpen(status: string): boolean {
  return status === 'open';
}

/** The episode's status and recorded reason after a closing of this kind. */
export function closureOutcome(
  kind: ClosureKind,
  reason?: DischargeReason,
): { status: EpisodeStatus; reason: DischargeReason } {
  switch (kind) {
    case 'step-up':
      return { status: 'stepped-up', reason: 'stepped-up' };
    case 'step-down':
      return { status: 'stepped-down', reason: 'stepped-down' };
    case 'onward':
      return { status: 'discharged', reason: 'referred-on' };
    case 'discharge':
      return { status: 'discharged', reason: reason ?? 'other' };
  }
}

/** What the referrer's letter says about why help finished: status words, never clinical detail. */
export function reasonForReferrer(reason: DischargeReason): string {
  const words: Record<DischargeReason, string> = {
    'goals-met': 'the goals agreed were met',
    'stepped-up': 'moved to more specialist help',
    'stepped-down': 'moved to lighter support',
    'referred-on': 'referred on to another service',
    'no-longer-wanted': 'the young person no longer wanted help',
    'did-not-engage': 'the young person did not take up the sessions',
    'moved-away': 'the young person moved away',
    other: 'support ended',
  };
  return words[reason];
}

export const goalStatuses = { active: 'Working on it', achieved: 'Achieved', stopped: 'Stopped' } as const;
export type GoalStatus = keyof typeof goalStatuses;

/** A goal is worked on, then achieved or stopped; after that it stays as it is. */
export function canChangeGoal(from: string, to: GoalStatus): boolean {
  return from === 'active' && (to === 'achieved' || to === 'stopped');
}

const londonDay = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/** "7 December 2026" in Europe/London, for letters. */
export function letterDate(at: Date): string {
  return londonDay.format(at);
}
