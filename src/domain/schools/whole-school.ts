/**
 * Work with a school as a whole, not only with the pupils referred: the graduated model of support,
 * group sessions, advice calls from school staff, and the school's own mental health plan.
 */

/** The graduated model's four tiers ("waves") from the Rotherham Trailblazer (shared/seeds doc 002). */
export const supportTiers: readonly {
  tier: 1 | 2 | 3 | 4;
  name: string;
  description: string;
  ledBy: string;
}[] = [
  {
    tier: 1,
    name: 'Whole-school approach',
    description:
      "The whole school looks after pupils' mental health, in lessons, in how staff work and in the school's plan.",
    ledBy: "The school's senior mental health lead",
  },
  {
    tier: 2,
    name: 'Help from Education Mental Health Practitioners',
    description:
      'Short, proven help for pupils with mild to moderate worries, one to one or in groups, in school.',
    ledBy: 'Education Mental Health Practitioners',
  },
  {
    tier: 3,
    name: 'Senior practitioners linked to CAMHS locality and advice teams',
    description: 'More help for pupils who need it, with links to the local CAMHS locality and advice teams.',
    ledBy: 'Mental health support team senior practitioners',
  },
  {
    tier: 4,
    name: 'Clinical lead and liaison with CAMHS pathways',
    description:
      'Quick routes into specialist CAMHS for pupils with more serious problems, and help to manage their care.',
    ledBy: 'The mental health support team clinical lead',
  },
];

export const groupSessionKinds = [
  'classroom-workshop',
  'assembly',
  'parent-session',
  'staff-training',
] as const;
export type GroupSessionKind = (typeof groupSessionKinds)[number];

export const groupSessionKindLabels: Record<GroupSessionKind, string> = {
  'classroom-workshop': 'Classroom workshop',
  assembly: 'Assembly',
  'parent-session': 'Session for parents and carers',
  'staff-training': 'Staff training',
};

/** What came of a school calling the team for advice about a pupil. */
export const consultationOutcomes = ['no-referral-needed', 'referral-advised', 'urgent'] as const;
export type ConsultationOutcome = (typeof consultationOutcomes)[number];

export const consultationOutcomeLabels: Record<ConsultationOutcome, string> = {
  'no-referral-needed': 'No referral needed',
  'referral-advised': 'Referral advised',
  urgent: 'Urgent: needs help straight away',
};

/** Steps in a school's mental health plan. */
export const planActionStatuses = ['planned', 'in-progress', 'done'] as const;
export type PlanActionStatus = (typeof planActionStatuses)[number];

/** Minutes from a call being received to advice being given, or null if not yet given; never negative. */
export function responseMinutes(receivedAt: Date, advisedAt: Date | null): number | null {
  if (advisedAt === null) return null;
  // Whole minutes that have passed; a clock slightly out of step must not give a negative answer.
  return Math.max(0, Math.floor((advisedAt.getTime() - receivedAt.getTime()) / 60_000));
}
