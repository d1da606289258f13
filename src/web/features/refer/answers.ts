import type { z } from 'zod';
import type { SubmitReferralInput } from '../../../contracts/referral-form.js';
import { ageOn, londonDate, parseCalendarDate } from '../../../domain/people/child-details.js';

/**
 * The referral form's answers as typed, page by page: plain strings and lists, so they can be kept
 * in sessionStorage (public form) or a server draft (staff form) and turned into the API's input
 * only when checked or sent.
 */
export type Audience = 'parent' | 'self' | 'staff';
export type StaffKind = 'school' | 'gp' | 'professional';
export type YesNo = '' | 'yes' | 'no';

export interface CarerAnswers {
  name: string;
  relationship: string;
  hasParentalResponsibility: YesNo;
  phone: string;
  email: string;
  doNotShare: boolean;
  doNotShareReason: string;
}

export interface Answers {
  staffKind: '' | StaffKind;
  referrerName: string;
  referrerRelationship: string;
  referrerRole: string;
  referrerOrganisation: string;
  referrerPhone: string;
  referrerEmail: string;
  givenName: string;
  familyName: string;
  dobDay: string;
  dobMonth: string;
  dobYear: string;
  nhsNumber: string;
  gender: string;
  genderSelfDescription: string;
  ethnicity: string;
  /** A school URN as text, or '' for not at school or not known. */
  schoolUrn: string;
  gpPractice: string;
  carers: CarerAnswers[];
  needs: string[];
  preferredService: string;
  description: string;
  duration: string;
  impact: string;
  triedSoFar: string;
  riskToLifeNow: YesNo;
  recentSelfHarm: YesNo;
  riskToOthers: YesNo;
  riskDetails: string;
  /** Set when the referrer chose "send as urgent anyway" on the stop page. */
  isUrgent: boolean;
  consentBy: '' | 'young-person' | 'parent-or-carer';
  consentGiven: YesNo;
  /** Parent form: does the young person know about the request and agree. */
  youngPersonAgrees: '' | 'yes' | 'knows-not-agreed' | 'does-not-know';
  gillickCompetent: YesNo;
  gillickAssessedBy: string;
  gillickNotes: string;
  parentsMayBeTold: '' | 'yes' | 'no' | 'young-person-will-decide';
  contactRoutes: string[];
  contactPhone: string;
  contactEmail: string;
  canLeaveMessage: YesNo;
}

export const emptyCarer: CarerAnswers = {
  name: '',
  relationship: '',
  hasParentalResponsibility: '',
  phone: '',
  email: '',
  doNotShare: false,
  doNotShareReason: '',
};

export const emptyAnswers: Answers = {
  staffKind: '',
  referrerName: '',
  referrerRelationship: '',
  referrerRole: '',
  referrerOrganisation: '',
  referrerPhone: '',
  referrerEmail: '',
  givenName: '',
  familyName: '',
  dobDay: '',
  dobMonth: '',
  dobYear: '',
  nhsNumber: '',
  gender: '',
  genderSelfDescription: '',
  ethnicity: '',
  schoolUrn: '',
  gpPractice: '',
  carers: [],
  needs: [],
  preferredService: '',
  description: '',
  duration: '',
  impact: '',
  triedSoFar: '',
  riskToLifeNow: '',
  recentSelfHarm: '',
  riskToOthers: '',
  riskDetails: '',
  isUrgent: false,
  consentBy: '',
  consentGiven: '',
  youngPersonAgrees: '',
  gillickCompetent: '',
  gillickAssessedBy: '',
  gillickNotes: '',
  parentsMayBeTold: '',
  contactRoutes: [],
  contactPhone: '',
  contactEmail: '',
  canLeaveMessage: '',
};

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Answers read back from storage or a draft: anything of the wrong type is dropped, not trusted. */
export function answersFrom(stored: unknown): Answers {
  const answers: Answers = { ...emptyAnswers, carers: [], needs: [], contactRoutes: [] };
  if (typeof stored !== 'object' || stored === null) return answers;
  const record = stored as Record<string, unknown>;
  const target = answers as unknown as Record<string, unknown>;
  for (const [key, empty] of Object.entries(emptyAnswers)) {
    const value = record[key];
    if (key === 'carers') {
      if (Array.isArray(value)) target[key] = value.slice(0, 6).map((carer) => carerFrom(carer));
    } else if (Array.isArray(empty)) {
      if (isStrings(value)) target[key] = value;
    } else if (typeof value === typeof empty) {
      target[key] = value;
    }
  }
  return answers;
}

function carerFrom(stored: unknown): CarerAnswers {
  const carer = { ...emptyCarer };
  if (typeof stored !== 'object' || stored === null) return carer;
  const record = stored as Record<string, unknown>;
  const target = carer as unknown as Record<string, unknown>;
  for (const [key, empty] of Object.entries(emptyCarer)) {
    if (typeof record[key] === typeof empty) target[key] = record[key];
  }
  return carer;
}

/** Day, month and year as typed, as an ISO date (YYYY-MM-DD), or null if they do not make a real date. */
export function composeDate(day: string, month: string, year: string): string | null {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return parseCalendarDate(iso) ? iso : null;
}

export function dateOfBirth(answers: Answers): string | null {
  return composeDate(answers.dobDay, answers.dobMonth, answers.dobYear);
}

/** Age in whole years on `today` (ISO), or null while the date of birth is not a real past date. */
export function ageFrom(answers: Answers, today: string): number | null {
  const born = dateOfBirth(answers);
  if (!born || born > today) return null;
  return ageOn(born, today);
}

export const youngPersonAgreesLabels: Record<Exclude<Answers['youngPersonAgrees'], ''>, string> = {
  yes: 'Yes, they know and agree',
  'knows-not-agreed': 'They know, but do not agree',
  'does-not-know': 'No, they do not know yet',
};

const blankToUndefined = (value: string) => (value.trim() === '' ? undefined : value);
const yesNo = (value: YesNo) => (value === '' ? undefined : value === 'yes');

/**
 * The API's input from the answers. Unanswered questions stay empty so that checking with the
 * API's own schema names them; nothing here decides what is valid.
 */
export function toSubmitInput(
  audience: Audience,
  answers: Answers,
): z.input<typeof SubmitReferralInput> & { kind: string } {
  const a = answers;
  const kind = audience === 'staff' ? a.staffKind : audience;
  // Only the phone number and email address for the ways chosen: others may be left from before.
  const byPhone = a.contactRoutes.includes('phone') || a.contactRoutes.includes('text');
  const phone = byPhone ? blankToUndefined(a.contactPhone) : undefined;
  const email = a.contactRoutes.includes('email') ? blankToUndefined(a.contactEmail) : undefined;
  const input = {
    kind,
    child: {
      givenName: a.givenName,
      familyName: a.familyName,
      dateOfBirth: dateOfBirth(a) ?? '',
      nhsNumber: audience === 'staff' ? blankToUndefined(a.nhsNumber) : undefined,
      gender: a.gender,
      genderSelfDescription:
        a.gender === 'self-described' ? blankToUndefined(a.genderSelfDescription) : undefined,
      ethnicity: audience === 'staff' ? blankToUndefined(a.ethnicity) : undefined,
      schoolUrn: /^\d+$/.test(a.schoolUrn) ? Number(a.schoolUrn) : undefined,
      gpPractice: audience === 'staff' ? blankToUndefined(a.gpPractice) : undefined,
    },
    contact: { routes: a.contactRoutes, phone, email, canLeaveMessage: a.canLeaveMessage === 'yes' },
    carers:
      audience === 'parent'
        ? [
            {
              name: a.referrerName,
              relationship: a.referrerRelationship,
              hasParentalResponsibility: a.consentGiven === 'yes',
              phone,
              email,
            },
          ]
        : audience === 'staff'
          ? a.carers.map((carer) => ({
              name: carer.name,
              relationship: carer.relationship,
              hasParentalResponsibility: yesNo(carer.hasParentalResponsibility),
              phone: blankToUndefined(carer.phone),
              email: blankToUndefined(carer.email),
              doNotShare: carer.doNotShare,
              doNotShareReason: carer.doNotShare ? blankToUndefined(carer.doNotShareReason) : undefined,
            }))
          : [],
    needs: a.needs,
    description: a.description,
    duration: a.duration,
    impact: a.impact,
    triedSoFar: a.triedSoFar,
    risk: {
      riskToLifeNow: yesNo(a.riskToLifeNow),
      recentSelfHarm: yesNo(a.recentSelfHarm),
      riskToOthers: yesNo(a.riskToOthers),
      details: a.riskDetails,
    },
    isUrgent: a.isUrgent || a.riskToLifeNow === 'yes',
    consent: {
      consentBy:
        audience === 'self' ? 'young-person' : audience === 'parent' ? 'parent-or-carer' : a.consentBy,
      isGiven: a.consentGiven === 'yes',
      gillick: needsGillick(audience, a) ? gillickInput(a) : undefined,
      parentsMayBeTold: audience === 'parent' ? 'yes' : a.parentsMayBeTold,
      youngPersonAgrees:
        audience === 'parent' && a.youngPersonAgrees !== '' ? a.youngPersonAgrees : undefined,
    },
    referrer:
      audience === 'self'
        ? undefined
        : audience === 'parent'
          ? { name: a.referrerName, relationship: blankToUndefined(a.referrerRelationship), phone, email }
          : {
              name: a.referrerName,
              role: blankToUndefined(a.referrerRole),
              organisation: blankToUndefined(a.referrerOrganisation),
              phone: blankToUndefined(a.referrerPhone),
              email: blankToUndefined(a.referrerEmail),
            },
    preferredService: blankToUndefined(a.preferredService),
  };
  // Enum answers are typed as plain strings until checked: the schema says which are missing.
  return input as z.input<typeof SubmitReferralInput> & { kind: string };
}

function gillickInput(a: Answers) {
  return {
    isCompetent: yesNo(a.gillickCompetent),
    assessedBy: a.gillickAssessedBy,
    notes: a.gillickNotes,
  };
}

/** Staff record a Gillick competence assessment when a young person under 16 consents for themselves. */
export function needsGillick(audience: Audience, answers: Answers, today?: string): boolean {
  if (audience !== 'staff' || answers.consentBy !== 'young-person') return false;
  const age = ageFrom(answers, today ?? londonDate(new Date()));
  return age === null || age < 16;
}
