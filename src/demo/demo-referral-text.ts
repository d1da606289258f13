import type { PresentingNeed } from '../domain/organisations/needs.js';

// Words for the demo area's referrals, triage decisions and MDT meetings: what referrers write,
// in their own words, and what clinicians and agencies record. All fictional.

/** A value with a weight, for faker.helpers.weightedArrayElement. */
export type Weighted<T> = readonly (readonly [T, number])[];

/** Presenting needs as referrals name them first: mostly worry and low mood. */
export const firstNeeds: Weighted<PresentingNeed> = [
  ['anxiety', 34],
  ['low-mood', 22],
  ['self-harm', 8],
  ['behaviour', 6],
  ['school-attendance', 5],
  ['family-relationships', 4],
  ['neurodevelopmental', 4],
  ['eating', 4],
  ['friendships', 3],
  ['trauma', 3],
  ['bereavement', 2],
  ['obsessions-compulsions', 2],
  ['sleep', 2],
  ['identity-lgbtq', 1],
  ['drugs-alcohol', 1],
  ['unusual-experiences', 0.5],
  ['parenting-support', 0.5],
];

/** Needs that often come with the first one, so a referral's list reads as one young person. */
export const relatedNeeds: Partial<Record<PresentingNeed, PresentingNeed[]>> = {
  anxiety: ['school-attendance', 'sleep', 'low-mood', 'friendships'],
  'low-mood': ['anxiety', 'sleep', 'self-harm', 'friendships'],
  'self-harm': ['low-mood', 'anxiety', 'family-relationships'],
  behaviour: ['family-relationships', 'neurodevelopmental', 'parenting-support'],
  'school-attendance': ['anxiety', 'low-mood'],
  'family-relationships': ['behaviour', 'low-mood', 'parenting-support'],
  eating: ['anxiety', 'low-mood'],
  trauma: ['anxiety', 'sleep', 'family-relationships'],
  bereavement: ['low-mood', 'sleep'],
};

export const needWords: Record<PresentingNeed, string[]> = {
  anxiety: [
    'Worries about almost everything and has had panic attacks in lessons this term.',
    'Gets stomach aches most mornings before school and cannot settle until they are home again.',
    'Very anxious about tests and about what others think; avoids going out with friends.',
  ],
  'low-mood': [
    'Has seemed flat and tearful for weeks, and has stopped doing the things they used to enjoy.',
    'Says they feel like nothing will get better. Spends most evenings alone in their room.',
  ],
  'self-harm': [
    'Told a friend they have been cutting their arms; school first aid saw healed marks.',
    'Has been scratching and hitting themselves when upset, and told us it helps them cope.',
  ],
  eating: [
    'Skipping lunch and worrying about their weight; parents have noticed they eat very little.',
    'Has become very strict about food and exercise since the summer.',
  ],
  sleep: ['Lies awake worrying until the early hours and is exhausted at school.'],
  behaviour: [
    'Angry outbursts at home and at school; has thrown furniture twice this half term.',
    'Finds it very hard to calm down when upset, and has been excluded for a day.',
  ],
  'family-relationships': [
    'Arguments at home have got much worse since parents separated; they say home feels tense.',
  ],
  friendships: ['Has been left out by their friendship group and bullied online.'],
  bereavement: ['Their grandparent died in the spring and they have not been themselves since.'],
  'school-attendance': [
    'Attendance has dropped below 60 per cent; they say they cannot face walking through the gates.',
  ],
  trauma: ['Witnessed a serious accident and has had nightmares and flashbacks since.'],
  'obsessions-compulsions': [
    'Washes their hands until they are sore and checks the door locks many times each night.',
  ],
  'unusual-experiences': ['Says they hear a voice commenting on what they do when nobody is there.'],
  neurodevelopmental: [
    'School and family wonder whether autism explains the struggles with change and noise.',
    'Finds it very hard to concentrate or sit still; teachers asked about an ADHD assessment.',
  ],
  'identity-lgbtq': ['Is questioning their gender and feels unsupported; this is affecting their mood.'],
  'drugs-alcohol': ['Has been drinking at weekends and was found with cannabis at school.'],
  'parenting-support': ['Parents would like help with routines and managing difficult behaviour at home.'],
};

export const triedSoFar = [
  'Talked to their form tutor, who checks in weekly.',
  'A time-out card and a quiet space at lunchtime.',
  'Six sessions with the school counsellor.',
  'Self-help apps and a worry diary.',
  'Saw the GP, who suggested this referral.',
  'Support from the pastoral team since September.',
  '',
];

export const selfHarmRisk = [
  'Last self-harmed about two weeks ago; wounds were superficial and needed no medical help.',
  'Has thoughts of self-harm most days but says they would not act on them.',
];
export const riskToLifeWords =
  'Told a teacher they have thought about ending their life and have a plan. Safety plan made today.';

export const schoolReferrerRoles = ['Designated safeguarding lead', 'Head of year', 'SENCo', 'Pastoral lead'];
export const primaryReferrerRoles = ['Class teacher', 'Headteacher', 'SENCo', 'Family support worker'];

export const carerRelationships: Weighted<[string, boolean]> = [
  [['mother', true], 52],
  [['father', true], 25],
  [['stepfather', false], 4],
  [['grandmother', false], 5],
  [['foster carer', false], 4],
  [['special guardian', true], 2],
  [['aunt', false], 2],
];

export const genderSelfDescriptions = ['Genderfluid', 'Agender', 'Questioning'];

export const moreInformationQuestions: readonly [string, string, string, string, string] = [
  'Does the young person know about this referral, and have they agreed to it?',
  'What support has school already put in place, and for how long?',
  'Please tell us more about the self-harm: when it last happened, and whether medical help was needed.',
  'Is the family already working with early help or children’s social care?',
  'Could you give us a contact number for a parent with parental responsibility?',
];

export const moreInformationAnswers = [
  'Yes, they know and want the help. Mum is aware too.',
  'Since September: a weekly check-in with their tutor and a pass to leave lessons when anxious.',
  'Last cut their arm three weeks ago; it was cleaned at home and did not need medical help.',
  'No other services are involved as far as we know.',
  'Dad is the best contact, on the number in the referral.',
];

export const declineNotes = [
  'Talked it through with the referrer by phone, who agreed.',
  'Letter sent to the family with the alternatives.',
  'Referrer told by email, with the alternatives.',
];

/** What the agencies agreed at MDT, by the decision recorded afterwards. */
export const sharedDecisions: Record<
  'camhs' | 'mhst' | 'early-help' | 'online' | 'signpost' | 'decline',
  string
> = {
  camhs: 'CAMHS to offer an assessment; school to keep the current support plan in place.',
  mhst: 'The school’s MHST to offer guided self-help in school; school to share attendance weekly.',
  'early-help': 'Early help to lead with a family support worker; CAMHS to offer consultation to school.',
  online: 'Lantern Online counselling offered; school to check in each week.',
  signpost:
    'No specialist service needed now: family given details of voluntary support; review in six weeks.',
  decline: 'The main need is not a mental health need: school nursing and the council to follow up.',
};

export const mdtActions: readonly (readonly [string, string])[] = [
  ['Home visit to meet the family', 'Early help'],
  ['Share the school’s attendance and support plan', 'School'],
  ['Offer a CAMHS consultation to the school', 'CAMHS'],
  ['Check for children’s social care involvement', 'Children’s social care'],
  ['Ask the GP to review physical health', 'GP'],
  ['Send the family details of voluntary support', 'Vale Young People’s Trust'],
  ['School nurse to see the young person', 'School nursing'],
  ['Meet the young person in school to agree goals', 'MHST'],
];

export const mdtAgencies = [
  'Single point of access',
  'CAMHS',
  'MHST',
  'Early help',
  'School nursing',
  'Children’s social care',
  'Vale Young People’s Trust',
  'Educational psychology',
];

/** Names of children and families in England, by family background, chosen to fit the ethnic category. */
export const familyNames = {
  british: {
    female:
      'Olivia Amelia Isla Ava Emily Sophie Grace Lily Ella Mia Evie Poppy Freya Chloe Jessica Ruby Holly Millie Daisy Phoebe Erin Megan Niamh Keira Tia Aaliyah',
    male: 'Oliver Harry George Jack Noah Charlie Jacob Alfie Freddie Oscar Leo Thomas Joshua James William Archie Ethan Mason Riley Lewis Callum Kai Tyler Jayden Reece',
    adultFemale:
      'Sarah Claire Emma Rachel Nicola Kelly Lisa Laura Gemma Hannah Louise Joanne Victoria Amy Kirsty',
    adultMale:
      'Mark Paul Daniel Stephen Richard Lee Craig Darren Matthew Andrew Christopher Gareth Simon Neil Jamie',
    family:
      'Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Jackson Wood Turner Cooper Hill Ward Morris Moore King Baker Harrison Morgan Allen Scott Bennett Young Griffiths Mitchell Kelly Carter Bailey Collins Murphy Campbell Francis Grant Brooks',
  },
  'south-asian': {
    female: 'Aisha Maryam Zara Hafsa Inaya Amira Safa Anaya Priya Simran Ayesha Zainab Fatima Noor Jasleen',
    male: 'Muhammad Ibrahim Yusuf Zayn Ayaan Hamza Arjun Rohan Ali Adam Haris Aryan Harvinder Bilal Idris',
    family:
      'Khan Ali Hussain Ahmed Patel Shah Begum Iqbal Akhtar Rahman Singh Kaur Sharma Mistry Chowdhury Uddin Mahmood',
  },
  african: {
    female: 'Amara Zainab Chloe Favour Adaeze Nia Esther Blessing Precious Abena Hana Ruth',
    male: 'David Daniel Samuel Emmanuel Tobi Kwame Joshua Elijah Ayo Chidi Abdi Nathan',
    family: 'Okafor Mensah Adeyemi Osei Mohamed Ibrahim Okoye Boateng Abdi Asante Nwosu Hassan Bello',
  },
  'east-european': {
    female: 'Zofia Maja Lena Julia Amelia Natalia Alicja Oliwia Ioana Maria Hanna',
    male: 'Jakub Filip Kacper Antoni Szymon Oskar Mateusz Andrei Luca Lukas Tomas',
    family:
      'Nowak Kowalski Wisniewski Lewandowski Kaminski Zielinski Popescu Ionescu Kazlauskas Petrov Horvath',
  },
  chinese: {
    female: 'Chloe Grace Emily Mei Lily Jasmine Yan',
    male: 'Ethan Ryan Lucas Jason Wei Daniel Kai',
    family: 'Chen Wang Li Zhang Liu Wong Lam Cheung Ng Lee',
  },
} as const;
export type FamilyBackground = keyof typeof familyNames;
