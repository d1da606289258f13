import type { ConsultationOutcome } from '../domain/schools/whole-school.js';
import type { Weighted } from './demo-referral-text.js';

// Words for the demo Mental Health Support Teams: their groups, why a manager allocated a referral
// to someone, and the calls to the professionals' consultation line. All fictional.

/** Languages besides English that a few practitioners speak, as families in the area ask for them. */
export const otherLanguages = ['Polish', 'Urdu', 'Punjabi', 'Romanian', 'Arabic'] as const;

/** The groups an MHST runs, with the ages each is for (a Year 7 pupil is 11 or 12). */
export const mhstGroups: readonly { name: string; minAge: number; maxAge: number }[] = [
  { name: 'Helping your child with worry: parent group (Reception to Year 3)', minAge: 5, maxAge: 8 },
  { name: 'Big feelings group (Year 4 to Year 6)', minAge: 8, maxAge: 11 },
  { name: 'Managing worry group (Year 7–8)', minAge: 11, maxAge: 13 },
  { name: 'Low mood group (Year 9–11)', minAge: 13, maxAge: 16 },
  { name: 'Exam stress group (Year 11)', minAge: 15, maxAge: 16 },
  { name: 'Sixth form wellbeing group (Year 12–13)', minAge: 16, maxAge: 18 },
];

export const allocationReasons = {
  link: ['Link practitioner for the school, has space', 'Link practitioner: already knows the pastoral team'],
  days: ['Works in the school on the days the young person can be seen', 'In the school twice a week'],
  senior: [
    'Senior practitioner: worries are more complex and have gone on for over a year',
    'Senior practitioner, as there is some self-harm to keep an eye on',
  ],
  other: [
    "The link practitioner's caseload is full; has space this term",
    'Has space and sees other pupils in the same year group',
  ],
  bulk: ['Allocated at the weekly allocation meeting'],
  group: [
    'A group suits this: several pupils in the same year with similar worries',
    'Parent-led group first, as agreed with the family',
    'Wants to meet others going through the same thing',
  ],
} as const;

export const endReasons: Weighted<string> = [
  ['Practitioner on long-term leave', 50],
  ['Caseload rebalanced at the allocation meeting', 20],
  ['The young person asked for a different practitioner', 15],
  ['Moved to a practitioner who works in the school on Tuesdays', 15],
];

export const pauseNotes = [
  'Asked to wait until after mock exams.',
  'Family away for three weeks; asked to start after they are back.',
  'Wants to wait until after the school play, as rehearsals take every lunchtime.',
];

export const callerRoles: Weighted<string> = [
  ['GP', 25],
  ['Head of Year', 25],
  ['Social worker', 15],
  ['School nurse', 15],
  ['Youth worker', 8],
  ['SENCo', 7],
  ['Early help worker', 5],
];

/** What callers ask about, with the advice and outcome recorded; {who} is a pupil described, never named. */
export const consultationCallTexts: Record<ConsultationOutcome, readonly (readonly [string, string])[]> = {
  'no-referral-needed': [
    [
      'Worried about {who} who has become quiet and withdrawn since a falling-out with friends.',
      'Sounds like a normal reaction so far. Suggested a weekly check-in with a trusted adult and our friendship workshop; call again if it lasts beyond half term.',
    ],
    [
      '{who} is anxious before tests and has cried in the last two.',
      'Shared the exam stress leaflet and breathing exercises; school to offer a quiet room for tests. No referral needed unless it spreads beyond tests.',
    ],
    [
      'Parent asked the surgery whether {who} needs counselling after a grandparent died.',
      'Grief looks expected and the family is coping. Signposted to Little Steps Bereavement Support and the school’s pastoral team.',
    ],
    [
      '{who} is struggling to sleep and is tired in lessons; asked what the school can do.',
      'Talked through sleep routines and screens at night; sent the sleep guide for the family. Review in four weeks.',
    ],
    [
      'Wanted advice on supporting {who} who has recently come out to staff.',
      'Listen, use the name and pronouns they ask for, and agree who else knows. Signposted to Vale Pride Youth.',
    ],
  ],
  'referral-advised': [
    [
      '{who} has stopped coming to school most Mondays and says their stomach hurts each morning.',
      'Sounds like school-based anxiety that is getting worse. Advised a referral to the MHST; agreed a reduced timetable plan in the meantime.',
    ],
    [
      '{who} has been low for two months and has dropped out of football, which they loved.',
      'Persistent low mood affecting daily life: advised a referral through the single point of access, with the family’s agreement.',
    ],
    [
      '{who} has repeated checking and hand-washing that is making them late every day.',
      'Possible OCD: advised a referral; school to avoid reassuring the checking and note what happens.',
    ],
    [
      '{who} has panic attacks in crowded corridors and now avoids the canteen.',
      'Advised a referral for guided CBT for panic; school to allow leaving lessons five minutes early meanwhile.',
    ],
  ],
  urgent: [
    [
      '{who} told a teacher this morning that they do not want to be alive.',
      'Advised the school to keep them with a member of staff, call the family and the 24/7 crisis line now; urgent referral to CAMHS.',
    ],
    [
      '{who} has cuts that may need medical attention and would not say how they happened.',
      'Advised taking them to A&E or calling 111 now, telling the safeguarding lead, and an urgent referral to CAMHS.',
    ],
  ],
};

export const callerWho = [
  'a Year 7 girl',
  'a Year 8 boy',
  'a Year 9 pupil',
  'a Year 10 girl',
  'a Year 11 boy',
  'a Year 5 boy',
  'a Year 6 girl',
  'a Year 3 pupil',
  'a 15-year-old',
  'a 12-year-old',
];
