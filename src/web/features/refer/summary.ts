import { presentingNeeds } from '../../../domain/organisations/needs.js';
import { ethnicCategories, genders } from '../../../domain/people/child-details.js';
import {
  type Answers,
  type Audience,
  dateOfBirth,
  needsGillick,
  youngPersonAgreesLabels,
} from './answers.js';
import type { StepId } from './steps.js';
import {
  consentByLabels,
  contactRouteLabels,
  durations,
  impacts,
  parentsMayBeToldLabels,
  staffKinds,
} from './wording.js';

/** The rows of "Check your answers": each answer in words, and the page that asks it. */
export interface SummaryRow {
  key: string;
  lines: string[];
  step: StepId;
}
export interface SummarySection {
  title: string;
  rows: SummaryRow[];
}

const notGiven = 'Not given';
const word = (labels: Record<string, string>, value: string) => (value ? (labels[value] ?? value) : notGiven);
const yesNo = (value: string) => (value === 'yes' ? 'Yes' : value === 'no' ? 'No' : notGiven);
const text = (value: string) => (value.trim() ? value.trim().split(/\n+/) : [notGiven]);

export function formatDate(iso: string | null): string {
  if (!iso) return notGiven;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T12:00:00Z`));
}

export function summarySections(
  audience: Audience,
  a: Answers,
  lookups: {
    schoolName: (urn: string) => string | undefined;
    serviceName: (slug: string) => string | undefined;
    today: string;
  },
): SummarySection[] {
  const isSelf = audience === 'self';
  const isStaff = audience === 'staff';
  const row = (key: string, step: StepId, value: string | string[]): SummaryRow => ({
    key,
    step,
    lines: Array.isArray(value) ? value : [value],
  });
  const sections: SummarySection[] = [];

  if (audience === 'parent') {
    sections.push({
      title: 'About you',
      rows: [
        row('Your name', 'about-you', a.referrerName || notGiven),
        row('Relationship', 'about-you', a.referrerRelationship || notGiven),
      ],
    });
  }
  if (isStaff) {
    sections.push({
      title: 'About you',
      rows: [
        row('Referring as', 'about-you', word(staffKinds, a.staffKind)),
        row('Your name', 'about-you', a.referrerName || notGiven),
        row('Role', 'about-you', a.referrerRole || notGiven),
        row('Organisation', 'about-you', a.referrerOrganisation || notGiven),
        row('Phone', 'about-you', a.referrerPhone || notGiven),
        row('Email', 'about-you', a.referrerEmail || notGiven),
      ],
    });
  }

  sections.push({
    title: isSelf ? 'About you' : 'The child or young person',
    rows: [
      row('Name', 'child-name', `${a.givenName} ${a.familyName}`.trim() || notGiven),
      row('Date of birth', 'date-of-birth', formatDate(dateOfBirth(a))),
      ...(isStaff ? [row('NHS number', 'nhs-number', a.nhsNumber || notGiven)] : []),
      row(
        'Gender',
        'gender',
        a.gender === 'self-described' && a.genderSelfDescription.trim()
          ? a.genderSelfDescription
          : word(genders, a.gender),
      ),
      ...(isStaff ? [row('Ethnic group', 'ethnicity', word(ethnicCategories, a.ethnicity))] : []),
      row(
        'School or college',
        'school',
        (a.schoolUrn && lookups.schoolName(a.schoolUrn)) || 'Not at school, or not known',
      ),
      ...(isStaff ? [row('GP practice', 'gp-practice', a.gpPractice || notGiven)] : []),
    ],
  });

  if (isStaff) {
    sections.push({
      title: 'Parents and carers',
      rows:
        a.carers.length === 0
          ? [row('Parents and carers', 'carers', 'None added')]
          : a.carers.map((carer, index) =>
              row(`Parent or carer ${index + 1}`, 'carers', [
                `${carer.name || notGiven} (${carer.relationship || 'relationship not given'})`,
                `Parental responsibility: ${yesNo(carer.hasParentalResponsibility)}`,
                ...[carer.phone, carer.email].filter(Boolean),
                ...(carer.doNotShare
                  ? [`Do not share information: ${carer.doNotShareReason || 'no reason given'}`]
                  : []),
              ]),
            ),
    });
  }

  sections.push({
    title: 'What is happening',
    rows: [
      row(
        'Worries',
        'worries',
        a.needs.length ? a.needs.map((need) => word(presentingNeeds, need)) : [notGiven],
      ),
      row(
        isSelf ? 'Who you think could help' : 'Service you think fits',
        'worries',
        (a.preferredService && lookups.serviceName(a.preferredService)) || 'Let the team decide',
      ),
      row('What is happening', 'what-is-happening', text(a.description)),
      row('How long', 'how-long', word(durations, a.duration)),
      row(
        isSelf ? 'How much it gets in the way' : 'How much it affects daily life',
        'how-long',
        word(impacts, a.impact),
      ),
      row(isSelf ? 'What you have tried' : 'What has been tried', 'tried-so-far', text(a.triedSoFar)),
    ],
  });

  sections.push({
    title: 'Keeping safe',
    rows: [
      row(
        isSelf ? 'In danger now' : 'Life at risk now',
        'danger-now',
        a.riskToLifeNow === 'yes' ? 'Yes: send as urgent' : yesNo(a.riskToLifeNow),
      ),
      row(
        isSelf ? 'Hurt yourself recently' : 'Hurt themselves recently',
        'other-risks',
        yesNo(a.recentSelfHarm),
      ),
      row('Might hurt someone else', 'other-risks', yesNo(a.riskToOthers)),
      row('More about keeping safe', 'other-risks', text(a.riskDetails)),
    ],
  });

  const consent: SummaryRow[] = isSelf
    ? [
        row('Happy for us to contact you', 'consent', yesNo(a.consentGiven)),
        row(
          'Can we tell your parents or carers',
          'consent',
          word(parentsMayBeToldLabels(audience), a.parentsMayBeTold),
        ),
      ]
    : audience === 'parent'
      ? [
          row('Parental responsibility and agree', 'consent', yesNo(a.consentGiven)),
          row(
            'The young person knows and agrees',
            'consent',
            word(youngPersonAgreesLabels, a.youngPersonAgrees),
          ),
        ]
      : [
          row('Who agreed', 'consent', word(consentByLabels, a.consentBy)),
          row('Consent given', 'consent', yesNo(a.consentGiven)),
          ...(needsGillick(audience, a, lookups.today)
            ? [
                row('Gillick competent', 'consent', [
                  yesNo(a.gillickCompetent),
                  `Assessed by ${a.gillickAssessedBy || notGiven}`,
                  ...(a.gillickNotes.trim() ? [a.gillickNotes] : []),
                ]),
              ]
            : []),
          row(
            'Parents or carers may be told',
            'consent',
            word(parentsMayBeToldLabels(audience), a.parentsMayBeTold),
          ),
        ];
  sections.push({ title: isStaff ? 'Consent' : 'Agreement', rows: consent });

  const usesPhone = a.contactRoutes.includes('phone') || a.contactRoutes.includes('text');
  sections.push({
    title: isStaff ? 'Contacting the family' : 'Contacting you',
    rows: [
      row(
        'Ways to contact',
        'contact',
        a.contactRoutes.length ? a.contactRoutes.map((r) => word(contactRouteLabels, r)) : [notGiven],
      ),
      ...(usesPhone ? [row('Phone number', 'contact', a.contactPhone || notGiven)] : []),
      ...(a.contactRoutes.includes('email')
        ? [row('Email address', 'contact', a.contactEmail || notGiven)]
        : []),
      ...(usesPhone ? [row('Can leave a message', 'contact', yesNo(a.canLeaveMessage))] : []),
    ],
  });
  return sections;
}
