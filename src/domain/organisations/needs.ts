/**
 * Presenting needs as a person would name them, with the words shown to a young person, a parent
 * or a teacher. Services declare which of these they help with; the search matches on them.
 */
export const presentingNeeds = {
  anxiety: 'Feeling worried, anxious or panicky',
  'low-mood': 'Feeling low, sad or down',
  'self-harm': 'Hurting themselves (self-harm)',
  eating: 'Worries about eating or body image',
  sleep: 'Trouble sleeping',
  behaviour: 'Anger or behaviour that is hard to manage',
  'family-relationships': 'Problems at home or with family',
  friendships: 'Problems with friends or bullying',
  bereavement: 'Someone important has died',
  'school-attendance': 'Finding it hard to go to school',
  trauma: 'Something frightening or upsetting happened',
  'obsessions-compulsions': 'Thoughts or habits they cannot stop (OCD)',
  'unusual-experiences': 'Seeing or hearing things others do not',
  neurodevelopmental: 'Questions about autism or ADHD',
  'identity-lgbtq': 'Gender, sexuality or identity (LGBT+)',
  'drugs-alcohol': 'Drugs or alcohol',
  'parenting-support': 'Support for parents and carers',
} as const;

export type PresentingNeed = keyof typeof presentingNeeds;

export const presentingNeedCodes = Object.keys(presentingNeeds) as [PresentingNeed, ...PresentingNeed[]];
