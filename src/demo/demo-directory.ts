import type { PresentingNeed } from '../domain/organisations/needs.js';
import type { ReferralRoute } from '../domain/organisations/referral-routes.js';
import type { ThriveGrouping } from '../domain/organisations/thrive.js';

/** Directory wording for each demo service, written as the service would publish it. */
export interface DemoDirectoryText {
  summary: string;
  whoFor: string;
  ageMin: number;
  ageMax: number;
  thriveGroupings: ThriveGrouping[];
  presentingNeeds: PresentingNeed[];
  acceptsSelfReferral: boolean;
  selfReferralMinAge: number | null;
  referralRoutes: ReferralRoute[];
  howToGetHelp: string;
  phone: string | null;
  dropIn: string | null;
  notFor: string;
  /** A risk exclusion: not for someone at risk of serious harm now. */
  excludesCurrentRisk?: boolean;
}

// Phone numbers come from Ofcom's ranges kept for drama (0808 157 0xxx, 01632 960xxx,
// 07700 900xxx), so none of them rings a real person.

export const mhstText: DemoDirectoryText = {
  summary:
    'Mental Health Support Teams work in schools and colleges. They help children and young people with mild to moderate worries, like anxiety and low mood, one to one or in groups.',
  whoFor: 'Pupils at the schools and colleges the teams work in, and their parents and carers.',
  ageMin: 5,
  ageMax: 18,
  thriveGroupings: ['getting-advice', 'getting-help'],
  presentingNeeds: [
    'anxiety',
    'low-mood',
    'sleep',
    'behaviour',
    'friendships',
    'school-attendance',
    'parenting-support',
  ],
  acceptsSelfReferral: true,
  selfReferralMinAge: 11,
  referralRoutes: ['school', 'parent', 'self'],
  howToGetHelp:
    "Talk to your school's mental health lead or any teacher you trust. Parents and carers can ask the school too. Young people aged 11 and over can ask for help themselves.",
  phone: '01632 960 101',
  dropIn: 'Drop-in sessions at each school. Ask at the school office for the day.',
  notFor:
    'Not for a crisis or for serious, long-lasting mental health problems. For those, the team will help you get to CAMHS quickly.',
  excludesCurrentRisk: true,
};

export const camhsText: DemoDirectoryText = {
  summary:
    "CAMHS (Children and Young People's Mental Health Services) help with more serious mental health problems that need a specialist team.",
  whoFor: 'Children and young people up to 18 with moderate to severe mental health needs.',
  ageMin: 0,
  ageMax: 18,
  thriveGroupings: ['getting-help', 'getting-more-help', 'getting-risk-support'],
  presentingNeeds: [
    'anxiety',
    'low-mood',
    'self-harm',
    'eating',
    'trauma',
    'obsessions-compulsions',
    'unusual-experiences',
    'neurodevelopmental',
  ],
  acceptsSelfReferral: true,
  selfReferralMinAge: 16,
  referralRoutes: ['gp', 'school', 'professional', 'parent', 'self'],
  howToGetHelp:
    'A GP, school or other professional can refer you. Parents and carers can refer too. Young people aged 16 and over can refer themselves. Professionals can call the consultation line for advice first.',
  phone: '01632 960 102',
  dropIn: null,
  notFor: 'Not usually for mild worries that a school team or early help can support.',
};

export function earlyHelpText(council: string): DemoDirectoryText {
  return {
    summary: `${council} Early Help supports families early, before problems get bigger: at home, at school and with parenting.`,
    whoFor: `Families living in ${council} with children and young people up to 18.`,
    ageMin: 0,
    ageMax: 18,
    thriveGroupings: ['getting-advice', 'getting-help'],
    presentingNeeds: [
      'family-relationships',
      'behaviour',
      'parenting-support',
      'school-attendance',
      'friendships',
    ],
    acceptsSelfReferral: true,
    selfReferralMinAge: 16,
    referralRoutes: ['parent', 'school', 'gp', 'professional', 'self'],
    howToGetHelp:
      'Call the Early Help team or ask your school or family hub. Families can ask for help themselves.',
    phone: '01632 960 110',
    dropIn: 'Family hubs have drop-in times on weekday mornings.',
    notFor: 'Not for emergencies. If a child is in danger, call 999.',
    excludesCurrentRisk: true,
  };
}

export const onlineText: DemoDirectoryText = {
  summary:
    'Free, safe and anonymous online support. Chat to a counsellor, send messages, read articles and write in your journal. No referral and no waiting list.',
  whoFor: 'Young people aged 11 to 19 living in the area.',
  ageMin: 11,
  ageMax: 19,
  thriveGroupings: ['thriving', 'getting-advice', 'getting-help'],
  presentingNeeds: [
    'anxiety',
    'low-mood',
    'self-harm',
    'sleep',
    'family-relationships',
    'friendships',
    'bereavement',
    'identity-lgbtq',
    'school-attendance',
    'eating',
  ],
  acceptsSelfReferral: true,
  selfReferralMinAge: 11,
  referralRoutes: ['self'],
  howToGetHelp:
    'Sign up online with a username. You do not need to give your name. Chat is open every evening.',
  phone: null,
  dropIn: 'Drop in to chat online, no appointment needed.',
  notFor: 'Not for emergencies. If you are in danger now, call 999.',
  excludesCurrentRisk: true,
};

export const schoolNursingText: DemoDirectoryText = {
  summary: 'School nurses help with health worries, including feelings, sleep, eating and relationships.',
  whoFor: 'Children and young people aged 5 to 19 at school or college in the area.',
  ageMin: 5,
  ageMax: 19,
  thriveGroupings: ['thriving', 'getting-advice'],
  presentingNeeds: ['sleep', 'eating', 'low-mood', 'anxiety', 'drugs-alcohol', 'identity-lgbtq'],
  acceptsSelfReferral: true,
  selfReferralMinAge: 11,
  referralRoutes: ['self', 'parent', 'school', 'gp'],
  howToGetHelp: 'Text a school nurse, or ask at school. Texts are answered on weekdays.',
  phone: '07700 900 123',
  dropIn: 'Weekly drop-in at secondary schools.',
  notFor: 'Not for emergencies.',
  excludesCurrentRisk: true,
};

export const voluntaryServices: { name: string; slug: string; text: DemoDirectoryText }[] = [
  {
    name: 'Vale Youth Counselling',
    slug: 'vale-youth-counselling',
    text: {
      summary: 'Free counselling for young people, face to face in town or by video.',
      whoFor: 'Young people aged 11 to 25.',
      ageMin: 11,
      ageMax: 25,
      thriveGroupings: ['getting-advice', 'getting-help'],
      presentingNeeds: [
        'anxiety',
        'low-mood',
        'family-relationships',
        'friendships',
        'trauma',
        'identity-lgbtq',
      ],
      acceptsSelfReferral: true,
      selfReferralMinAge: 13,
      referralRoutes: ['self', 'parent', 'school', 'gp', 'professional'],
      howToGetHelp: 'Call or fill in the form. Young people aged 13 and over can contact us themselves.',
      phone: '0808 157 0101',
      dropIn: 'Drop in on Saturday mornings, 10am to 1pm.',
      notFor: 'Not for a crisis or if you need a specialist mental health team.',
      excludesCurrentRisk: true,
    },
  },
  {
    name: 'Little Steps Bereavement Support',
    slug: 'little-steps-bereavement-support',
    text: {
      summary: 'Support for children and young people when someone important to them has died.',
      whoFor: 'Children and young people aged 4 to 18, and their families.',
      ageMin: 4,
      ageMax: 18,
      thriveGroupings: ['getting-advice', 'getting-help'],
      presentingNeeds: ['bereavement', 'low-mood', 'parenting-support'],
      acceptsSelfReferral: true,
      selfReferralMinAge: 13,
      referralRoutes: ['parent', 'school', 'gp', 'professional', 'self'],
      howToGetHelp: 'Parents, carers or schools can call us. Young people aged 13 and over can call too.',
      phone: '0808 157 0102',
      dropIn: null,
      notFor: 'Not for other kinds of loss, such as parents separating. Early Help can help with that.',
      excludesCurrentRisk: true,
    },
  },
  {
    name: 'Vale Pride Youth',
    slug: 'vale-pride-youth',
    text: {
      summary:
        'A friendly group for LGBT+ young people and those who are questioning, with one-to-one support.',
      whoFor: 'LGBT+ and questioning young people aged 11 to 19.',
      ageMin: 11,
      ageMax: 19,
      thriveGroupings: ['thriving', 'getting-advice'],
      presentingNeeds: ['identity-lgbtq', 'friendships', 'low-mood', 'anxiety'],
      acceptsSelfReferral: true,
      selfReferralMinAge: 11,
      referralRoutes: ['self', 'school', 'professional'],
      howToGetHelp: 'Come along to a group night or send us a message. You do not need to tell anyone first.',
      phone: '0808 157 0103',
      dropIn: 'Group nights on Tuesdays, 6pm to 8pm.',
      notFor: 'Not a counselling service. We can help you find one.',
      excludesCurrentRisk: true,
    },
  },
  {
    name: 'Vale Parent Carer Support',
    slug: 'vale-parent-carer-support',
    text: {
      summary: 'Advice and support groups for parents and carers worried about a child or young person.',
      whoFor: 'Parents and carers of children and young people up to 25.',
      ageMin: 0,
      ageMax: 25,
      thriveGroupings: ['getting-advice'],
      presentingNeeds: [
        'parenting-support',
        'behaviour',
        'neurodevelopmental',
        'school-attendance',
        'family-relationships',
      ],
      acceptsSelfReferral: true,
      selfReferralMinAge: 18,
      referralRoutes: ['parent', 'self', 'professional'],
      howToGetHelp: 'Parents and carers can call the helpline or join a group. No referral needed.',
      phone: '0808 157 0104',
      dropIn: 'Coffee mornings every Thursday at the family hubs.',
      notFor: 'Not for children and young people directly.',
      excludesCurrentRisk: true,
    },
  },
];

export const crisisText: DemoDirectoryText = {
  summary:
    'Talk to a mental health professional straight away, any time of day or night, if you or someone you care for is in a mental health crisis.',
  whoFor: 'Anyone of any age in the area who needs urgent mental health help.',
  ageMin: 0,
  ageMax: 25,
  thriveGroupings: ['getting-risk-support'],
  presentingNeeds: ['self-harm', 'low-mood', 'anxiety', 'unusual-experiences'],
  acceptsSelfReferral: true,
  selfReferralMinAge: null,
  referralRoutes: ['self', 'parent', 'professional'],
  howToGetHelp: 'Call the crisis line at any time. If someone is in danger right now, call 999.',
  phone: '0808 157 0999',
  dropIn: null,
  notFor: 'If a life is at risk right now, call 999 or go to A&E.',
};
