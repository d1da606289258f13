import { webPaths } from '../../../contracts/web-paths.js';
import type { Audience, StaffKind } from './answers.js';
import type { StepId } from './steps.js';

/**
 * The words of the referral form. A young person's own pages say "request" and "ask for help",
 * never "referral" or "mental health", so a page title seen by someone else gives nothing away.
 */
type Words = string | { self: string; other: string; staff?: string };

const titles: Record<StepId, Words> = {
  'about-you': 'About you',
  'child-name': { self: 'What is your name?', other: 'What is the name of the child or young person?' },
  'date-of-birth': { self: 'What is your date of birth?', other: 'What is their date of birth?' },
  'too-young': 'You cannot ask by yourself here yet',
  'nhs-number': 'What is their NHS number?',
  gender: { self: 'How do you describe your gender?', other: 'How do they describe their gender?' },
  ethnicity: 'What is their ethnic group?',
  school: { self: 'Which school or college do you go to?', other: 'Which school or college do they go to?' },
  'gp-practice': 'Which GP practice are they registered with?',
  carers: 'Their parents and carers',
  worries: { self: 'What are you worried about?', other: 'What are the worries about?' },
  'what-is-happening': 'Tell us what is happening',
  'how-long': 'How long has this been going on?',
  'tried-so-far': { self: 'What have you tried so far?', other: 'What has been tried so far?' },
  'danger-now': { self: 'Are you in danger right now?', other: 'Is their life at risk right now?' },
  stop: 'Get help now',
  'other-risks': { self: 'Keeping you safe', other: 'Keeping them safe' },
  consent: { self: 'Can we contact you?', other: 'Your agreement', staff: 'Consent' },
  contact: {
    self: 'How should we contact you?',
    other: 'How should we contact you?',
    staff: 'How should we contact the family?',
  },
  'check-answers': {
    self: 'Check your answers before you send them',
    other: 'Check your answers before sending',
  },
};

export function say(words: Words, audience: Audience): string {
  if (typeof words === 'string') return words;
  if (audience === 'self') return words.self;
  return audience === 'staff' ? (words.staff ?? words.other) : words.other;
}

export function stepTitle(step: StepId, audience: Audience): string {
  return say(titles[step], audience);
}

/** The name of the whole form, shown above each question. */
export function formName(audience: Audience): string {
  return say(
    {
      self: 'Ask for help',
      other: 'Ask for help for a child or young person',
      staff: 'Refer a child or young person',
    },
    audience,
  );
}

export const staffKinds: Record<StaffKind, string> = {
  school: 'School or college staff',
  gp: 'GP or GP practice staff',
  professional: 'Another professional, such as social care, health or youth work',
};

export const durations: Record<string, string> = {
  weeks: 'A few weeks',
  months: 'A few months',
  'over-a-year': 'More than a year',
};

export const impacts: Record<string, string> = {
  'a-little': 'A little',
  'quite-a-lot': 'Quite a lot',
  'a-lot': 'A lot: it is hard to get through the day',
};

export const contactRouteLabels: Record<string, string> = {
  phone: 'Phone call',
  text: 'Text message',
  email: 'Email',
  letter: 'Letter',
};

export const consentByLabels: Record<string, string> = {
  'young-person': 'The young person',
  'parent-or-carer': 'A parent or carer with parental responsibility',
};

export function parentsMayBeToldLabels(audience: Audience): Record<string, string> {
  return audience === 'self'
    ? { yes: 'Yes', no: 'No', 'young-person-will-decide': 'I will decide later' }
    : { yes: 'Yes', no: 'No', 'young-person-will-decide': 'The young person will decide later' };
}

export const yesNoOptions = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

export function options(labels: Record<string, string>) {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

export function referPath(kind: string, step: string, isChange = false): string {
  const path = webPaths.referStep.replace(':kind', kind).replace(':step', step);
  return isChange ? `${path}?change=yes` : path;
}

export function staffReferPath(draftId: string, step: string, isChange = false): string {
  const path = webPaths.staffReferStep.replace(':draftId', draftId).replace(':step', step);
  return isChange ? `${path}?change=yes` : path;
}
