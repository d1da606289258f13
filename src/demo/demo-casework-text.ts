import type { DischargeReason, Intervention } from '../domain/casework/episode.js';
import type { ConcernCategory } from '../domain/safeguarding/concerns.js';
import type { Weighted } from './demo-referral-text.js';

// Words for the demo case records: goals in a young person's words, practitioners' notes, risk and
// safety plans, endings, supervision and safeguarding. All fictional, and no one is ever named:
// notes say "young person", "parent" or "class teacher", as the tests check.

export type InterventionCode = Intervention;

/** Care-plan goals as young people (and, for younger children, their parents) put them. */
export const goalsFor: Record<'anxiety' | 'low-mood' | 'younger' | 'school' | 'general', readonly string[]> =
  {
    anxiety: [
      'Feel able to go into lessons without panicking',
      'Put my hand up in class at least once a week',
      'Stop worrying so much at night so I can get to sleep',
      'Go into the canteen at lunch with my friends',
      'Know what to do when I start to feel panicky',
      'Do my mock exams without feeling sick beforehand',
      'Get the bus to school on my own',
    ],
    'low-mood': [
      'Get out of bed on school days without it being a battle',
      'Do one thing I enjoy every day',
      'Feel less down about myself',
      'Start going to football training again',
      'Talk to someone at home when I feel low instead of keeping it in',
      'Spend less time in my room and more time with my family',
    ],
    younger: [
      'Go into school in the morning without crying at the gate',
      'Sleep in my own bed all night',
      'Be brave and try new things at school',
      'Tell a grown-up when I feel worried',
      'Go to a friend’s birthday party',
      'Calm down more quickly when I get cross',
    ],
    school: [
      'Be in school every day for a whole week',
      'Stay in lessons instead of going to the toilets',
      'Go back to my maths lessons',
    ],
    general: [
      'Feel more confident talking to people',
      'Have a plan for when things feel too much',
      'Get on better with my friends',
    ],
  };

/** What a practitioner writes after a session, by where the session falls in the work. */
export const notePhrases = {
  first: [
    'First appointment. Talked through what the team offers and what stays confidential.',
    'Assessment session. Explored when the worries started and what makes them better or worse.',
    'Met for assessment with parent joining for the first part. Agreed to meet weekly in school.',
    'Assessment completed. Young person was quiet at first but opened up when talking about hobbies.',
  ],
  firstMore: [
    'Completed the baseline questionnaire together.',
    'Risk assessed and discussed; no immediate concerns.',
    'Young person agreed to think about goals for next week.',
    'Shared leaflet on how worry affects the body.',
  ],
  anxiety: [
    'Reviewed anxiety diary. Practised breathing exercises and grounding.',
    'Worked on spotting worry thoughts and testing them out.',
    'Built a fear ladder together; first step is going into registration.',
    'Went through the worry time plan. Diary shows worry time has helped in the evenings.',
    'Reviewed the exposure task from last week: managed two lessons without leaving.',
    'Practised the 5-4-3-2-1 grounding exercise; young person says it helps in class.',
  ],
  'low-mood': [
    'Reviewed activity diary. Planned three small activities for the week.',
    'Talked about the link between what we do and how we feel. Set a small goal for the weekend.',
    'Activity diary shows more time out of the bedroom. Young person noticed mood lifts after a walk.',
    'Worked on problem solving a worry about coursework deadlines.',
    'Looked at unhelpful thinking styles; young person recognised "all or nothing" thinking.',
  ],
  parent: [
    'Session with parent. Reviewed the rewards chart and praise for brave behaviour.',
    'Parent session: practised helping child to face fears step by step rather than avoiding.',
    'Parent reports mornings are calmer. Discussed keeping to the bedtime routine.',
    'Talked with parent about modelling calm responses to worry.',
  ],
  other: [
    'Talked about what has gone well this week and what has been harder.',
    'Worked on a plan for difficult moments at lunchtime, shared with the pastoral lead with consent.',
    'Psychoeducation on sleep, screens and routines.',
    'Practised assertive ways of responding when friends say unkind things.',
  ],
  riskPlan: [
    'Risk discussed in detail; safety plan agreed and shared with parent, and with the clinical lead.',
  ],
  later: [
    'Homework agreed for next week.',
    'Progress to be reviewed next session.',
    'Completed the questionnaire; scores discussed with the young person.',
    'Goals rated and discussed.',
    'Class teacher aware of the plan, with consent.',
    'No new risk concerns.',
  ],
  last: [
    'Final session. Reviewed progress against goals and made a relapse prevention plan.',
    'Ending session. Young person proud of what they have achieved; knows how to get back in touch.',
    'Last session. Agreed a plan for keeping things going over the holidays.',
  ],
  safeguarding: [
    'Information shared today raised a safeguarding concern; concern raised with the safeguarding lead the same day.',
  ],
} as const;

export const correctionReasons = [
  'Wrong date for the next appointment in the first version',
  'Added the homework that was agreed',
  'Corrected the questionnaire score mentioned',
  'Removed a detail recorded in the wrong young person’s notes',
  'Clarified who was present',
] as const;

export const signOffComments = [
  '',
  '',
  '',
  'Reviewed in supervision.',
  'Good plan.',
  'Seen. Agree with plan.',
];

export const assessmentSummaries = [
  'Worries have built up over the last term and are affecting time in lessons.',
  'Low mood since the start of the year, with less interest in friends and hobbies.',
  'Difficulties mostly in school; things are calmer at home.',
  'Sleep has been poor for some months, linked to worrying at night.',
  'Family supportive and keen to help with the work at home.',
] as const;

export const riskDetails = {
  low: [
    'No thoughts of self-harm or suicide reported. Protective factors: supportive family, good friends.',
    'No current risk identified. Young person knows who to talk to in school.',
  ],
  medium: [
    'Some passive thoughts of not wanting to be here when very low; no plans or intent.',
    'Occasional scratching when distressed, last a month ago; no medical attention needed.',
  ],
  high: [
    'Recent self-harm and thoughts of ending life with some planning; discussed with clinical lead the same day.',
  ],
} as const;

export const safetyPlans = [
  'Warning signs agreed. Coping: music, drawing, going for a walk. Talk to parent or head of year. Crisis line number and 999 shared.',
  'Safety plan written with the young person: triggers, calming activities, trusted adults at home and school, crisis line and NHS 111 option 2.',
  'Plan shared with parent with consent: remove sharps, check in each evening, who to call out of hours.',
] as const;

export const closeSummaries: Record<DischargeReason, readonly string[]> = {
  'goals-met': [
    'Goals met. Young person using strategies independently; relapse prevention plan in place.',
    'Good progress over the sessions; ending agreed together.',
  ],
  'stepped-up': [
    'Difficulties more complex than an MHST can help with; referred to Community CAMHS with consent.',
  ],
  'stepped-down': ['Much improved; school pastoral support will keep checking in.'],
  'referred-on': ['Referred on to a service better suited to what the young person needs now.'],
  'no-longer-wanted': ['Young person felt things were better and did not want more sessions.'],
  'did-not-engage': ['Several missed appointments; letters and calls not answered. Referrer informed.'],
  'moved-away': ['Family moved out of the area; details of local services shared.'],
  other: ['Ended by agreement.'],
};

export const stepUpReasons = [
  'Scores rising and new self-harm; needs more than low-intensity support',
  'Difficulties are long-standing and more complex than an MHST can help with',
] as const;
export const stepDownReasons = [
  'Much improved; light-touch check-ins from the pastoral team are enough',
] as const;

export const supervisionKinds: Weighted<string> = [
  ['case-management', 60],
  ['clinical-skills', 25],
  ['wellbeing', 15],
];

export const supervisionSummaries: Record<string, readonly string[]> = {
  'case-management': [
    'Reviewed caseload; two cases nearing ending, one with rising scores discussed.',
    'Went through waiting list and new allocations; agreed priorities for the week.',
    'Discussed cases with missed appointments and how to re-engage.',
  ],
  'clinical-skills': [
    'Role-played exposure work for school-based anxiety.',
    'Reviewed recording of a session; feedback on setting homework.',
    'Talked through adapting guided self-help for a young person with autism.',
  ],
  wellbeing: ['Check-in on workload and wellbeing after a busy term.', 'Discussed work-life balance.'],
};

export const supervisionActions = [
  'Book review session for the case discussed.',
  'Read the parent-led CBT manual chapter on reward charts.',
  'Update risk assessments before next supervision.',
  'None.',
] as const;

export const concernCategories: Weighted<ConcernCategory> = [
  ['self-harm', 30],
  ['emotional', 15],
  ['neglect', 15],
  ['domestic-abuse', 15],
  ['exploitation', 10],
  ['physical', 10],
  ['sexual', 3],
  ['other', 5],
];

export const concernTexts: Record<ConcernCategory, string> = {
  'self-harm': 'Young person disclosed cutting more often this week and showed fresh marks.',
  emotional: 'Young person described being shouted at and called names at home most days.',
  neglect: 'Young person often arrives hungry and says there is little food at home.',
  'domestic-abuse': 'Young person described arguments at home where a parent was hurt.',
  exploitation: 'Young person mentioned older people giving them money and lifts after school.',
  physical: 'Young person had a bruise on the arm and said a family member did it.',
  sexual: 'Young person said something that suggests they may have been harmed sexually.',
  other: 'Young person shared something at home that worried the practitioner.',
};

export const concernActions = {
  immediate:
    'Discussed with the school designated safeguarding lead the same day; young person kept safe in school.',
  acknowledged: 'Concern read and acknowledged; advice given to the practitioner.',
  referred: 'Referral made to children’s social care (front door) by the safeguarding lead.',
  closed: 'Social care assessment completed; family support in place. Concern closed.',
} as const;
