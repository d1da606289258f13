import { presentingNeeds } from '../../../domain/organisations/needs.js';
import { type ThriveGrouping, thriveLabels } from '../../../domain/organisations/thrive.js';
import { ethnicCategories, genders } from '../../../domain/people/child-details.js';
import { priorities, triageDecisionKinds } from '../../../domain/referrals/triage-decisions.js';

// The codes a referral is stored with, in the words shown to staff. An unknown code is shown as
// it is rather than hidden, so nothing recorded disappears from the page.

function wordsFrom(map: Readonly<Record<string, string>>) {
  return (code: string | null | undefined, missing = 'Not given'): string =>
    code === null || code === undefined || code === '' ? missing : (map[code] ?? code);
}

export const needWords = wordsFrom(presentingNeeds);
export const genderWords = wordsFrom(genders);
export const ethnicityWords = wordsFrom(ethnicCategories);
export const priorityWords = wordsFrom(priorities);
export const decisionKindWords = wordsFrom(triageDecisionKinds);
export const thriveWords = (code: ThriveGrouping | string | null | undefined) =>
  wordsFrom(thriveLabels)(code, 'Not chosen yet');

export const durationWords = wordsFrom({
  weeks: 'A few weeks',
  months: 'A few months',
  'over-a-year': 'More than a year',
});

export const impactWords = wordsFrom({
  'a-little': 'A little',
  'quite-a-lot': 'Quite a lot',
  'a-lot': 'A lot',
});

export const consentedByWords = wordsFrom({
  'young-person': 'The young person',
  'parent-or-carer': 'A parent or carer',
});

export const consentStatusWords = wordsFrom({ given: 'Given', withdrawn: 'Withdrawn' });

export const parentsMayBeToldWords = wordsFrom({
  yes: 'Yes',
  no: 'No: do not tell parents or carers',
  'young-person-will-decide': 'The young person will decide',
});

export const contactRouteWords = wordsFrom({
  phone: 'Phone call',
  text: 'Text message',
  email: 'Email',
  letter: 'Letter',
});

export const yesNo = (value: boolean | null | undefined, missing = 'Not recorded') =>
  value === null || value === undefined ? missing : value ? 'Yes' : 'No';
