import type { GroupSessionKind } from '../domain/schools/whole-school.js';
import type { Weighted } from './demo-referral-text.js';

// Words for the demo area's whole-school work: plan actions by tier, workshops, advice to staff and
// School Link meetings. All fictional.

/** Actions in a school's plan, by tier of the graduated model, with who usually owns them. */
export const planActions: readonly (readonly [1 | 2 | 3 | 4, string, string])[] = [
  [1, 'Train all form tutors in spotting signs of anxiety', 'Senior mental health lead'],
  [1, 'Set up a worry box in Year 7', 'Head of Year 7'],
  [1, 'Add a wellbeing question to the termly pupil voice survey', 'Senior mental health lead'],
  [1, 'Publish the mental health and wellbeing policy on the school website', 'Deputy headteacher'],
  [1, 'Run a staff wellbeing afternoon on the INSET day', 'Headteacher'],
  [1, 'Make the quiet room available at lunchtimes', 'Pastoral lead'],
  [1, 'Include sleep and screens in the PSHE scheme of work', 'PSHE lead'],
  [2, 'Offer the managing worry group to Year 7 and 8 each term', 'MHST link practitioner'],
  [2, 'Agree a weekly room and timetable slot for MHST appointments', 'Senior mental health lead'],
  [2, 'Parent workshop on helping children with worry', 'MHST link practitioner'],
  [
    2,
    'Screen Year 9 pupils flagged by tutors for low mood and offer guided self-help',
    'MHST link practitioner',
  ],
  [
    3,
    'Monthly case discussion between the pastoral team and an MHST senior practitioner',
    'MHST senior practitioner',
  ],
  [3, 'Agree how the school asks the CAMHS locality team for advice', 'Senior mental health lead'],
  [3, 'Joint plan with early help for pupils who miss school because of worry', 'Attendance lead'],
  [4, 'Agree the route for urgent worries with the MHST clinical lead', 'Designated safeguarding lead'],
  [4, 'Review pupils waiting for specialist CAMHS each half term', 'MHST clinical lead'],
  [4, 'Share the 24/7 crisis line with every member of staff', 'Designated safeguarding lead'],
];

export const sessionKinds: Weighted<GroupSessionKind> = [
  ['classroom-workshop', 45],
  ['assembly', 20],
  ['parent-session', 20],
  ['staff-training', 15],
];

export const sessionTopics: Record<GroupSessionKind, readonly string[]> = {
  'classroom-workshop': [
    'Exam stress',
    'Sleep and screens',
    'Managing worry',
    'Friendships and falling out',
    'Moving up to secondary school',
    'Coping with big feelings',
    'Staying safe online',
  ],
  assembly: ['Mental Health Awareness Week', 'Who to talk to when things are hard', 'Kindness and wellbeing'],
  'parent-session': [
    'Helping your child with worry',
    'Sleep and screens at home',
    'Supporting your child through exams',
    'Talking with teenagers about feelings',
  ],
  'staff-training': [
    'Spotting the signs of anxiety and low mood',
    'Responding to self-harm: the first conversation',
    'How to refer to the mental health support team',
    'Looking after your own wellbeing',
  ],
};

export const consultationRoles = {
  primary: ['Class teacher', 'SENCo', 'Headteacher', 'Family support worker', 'Teaching assistant'],
  secondary: ['Head of Year 7', 'Head of Year 8', 'Head of Year 10', 'SENCo', 'Pastoral lead', 'Form tutor'],
} as const;

/** What school staff ask the team, and the advice given. */
export const staffConsultationTexts: readonly (readonly [string, string])[] = [
  [
    'A pupil who refuses to come into class in the mornings',
    'Start with a meet-and-greet at the gate and a short first task; agree one trusted adult. Refer if it goes on beyond three weeks.',
  ],
  [
    'Several pupils upset after a fight filmed on social media',
    'Keep to normal routines, offer a drop-in at lunchtime and talk about it in tutor time. The MHST can run a friendships workshop.',
  ],
  [
    'How to talk to a pupil whose parent has died',
    'Acknowledge it plainly, ask what they would like classmates to know, and allow time out cards. Shared the bereavement service details.',
  ],
  [
    'A pupil whose exam worry is stopping them revising',
    'Break revision into short blocks, practise one calming technique, and plan what happens on the day. Offer the exam stress group.',
  ],
  [
    'Whether a pupil picking at their skin is self-harm',
    'Ask kindly about it, tell the safeguarding lead, and let the family know unless that puts the pupil at risk. Referral if it is getting worse.',
  ],
  [
    'Supporting a pupil with worries after moving from another country',
    'Check what help the family has, pair them with a buddy, and use a home-language resource. Link with the EAL lead.',
  ],
  [
    'A pupil with angry outbursts at lunchtime',
    'Look at what happens just before each outburst; offer a calm space and a structured lunchtime club. Parent session may help.',
  ],
  [
    'Staff unsure what to say when a pupil discloses low mood',
    'Listen, do not promise secrecy, and follow the school’s process. Booked the team’s spotting-the-signs training for staff.',
  ],
];

export const linkMeetingAttendees = [
  'School senior mental health lead',
  'MHST link practitioner',
  'CAMHS locality team',
  'Early help',
  'School nurse',
  'Educational psychologist',
  'SENCo',
  'Designated safeguarding lead',
] as const;

export const linkMeetingTexts: readonly (readonly [string, string])[] = [
  [
    'How pupils get help from each service, and where referrals have been sent back.',
    'Share a one-page map of local support with all staff; CAMHS to send a contact for advice calls.',
  ],
  [
    'Rising worries about attendance linked to anxiety in Years 8 and 9.',
    'Joint attendance and wellbeing plan; MHST to run the managing worry group after half term.',
  ],
  [
    'The results of the staff confidence survey and the training staff asked for.',
    'MHST to deliver training on responding to self-harm; school to give time at the next INSET day.',
  ],
  [
    'Pupils waiting for specialist CAMHS and how the school supports them meanwhile.',
    'CAMHS to share waiting times each half term; school nurse to check in with those waiting longest.',
  ],
];
