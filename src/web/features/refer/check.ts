import { SubmitReferralInput } from '../../../contracts/referral-form.js';
import { dateOfBirthProblem } from '../../../domain/people/child-details.js';
import type { FieldError } from '../../components/form.js';
import { type Answers, type Audience, composeDate, needsGillick, toSubmitInput } from './answers.js';
import {
  applies,
  type FlowContext,
  fieldForParam,
  type StepId,
  stepFields,
  stepForField,
  stepOrder,
} from './steps.js';

/** An error shown on the page that asks the field; null when no page does (shown on check answers). */
export interface StepError extends FieldError {
  step: StepId | null;
}

const labels: Record<string, string> = {
  staffKind: 'Who you are referring as',
  referrerName: 'Your name',
  referrerRelationship: 'How you are related',
  referrerRole: 'Your role',
  referrerOrganisation: 'Your organisation',
  referrerPhone: 'Your phone number',
  referrerEmail: 'Your email address',
  givenName: 'First name',
  familyName: 'Last name',
  dobDay: 'Date of birth',
  nhsNumber: 'NHS number',
  gender: 'Gender',
  genderSelfDescription: 'Gender',
  ethnicity: 'Ethnicity',
  schoolUrn: 'School',
  gpPractice: 'GP practice',
  needs: 'Worries',
  preferredService: 'Service',
  description: 'What is happening',
  duration: 'How long',
  impact: 'How much it affects daily life',
  triedSoFar: 'What has been tried',
  riskDetails: 'More about this',
  gillickAssessedBy: 'Who assessed competence',
  gillickNotes: 'Notes',
  contactRoutes: 'Ways to contact',
  contactPhone: 'Phone number',
  contactEmail: 'Email address',
};

const carerLabels: Record<string, string> = {
  name: 'name',
  relationship: 'relationship',
  phone: 'phone number',
  email: 'email address',
  doNotShareReason: 'reason',
};

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** An error line: the API's reason, with the field's name in front when the reason needs one. */
export function messageFor(field: string, reason: string): string {
  const carer = /^carers-(\d+)-(\w+)$/.exec(field);
  if (carer) {
    const said = /^[a-z]/.test(reason) ? `${carerLabels[carer[2] ?? ''] ?? 'this'} ${reason}` : reason;
    return `Parent or carer ${Number(carer[1]) + 1}: ${lowerFirst(said)}`;
  }
  return /^[a-z]/.test(reason) ? `${labels[field] ?? 'This answer'} ${reason}` : reason;
}

/** Messages for questions not yet answered, in the words of the person filling in the form. */
function unanswered(audience: Audience, a: Answers, ctx: FlowContext): Record<string, string | undefined> {
  const self = audience === 'self';
  const they = self ? 'you' : 'they';
  const their = self ? 'your' : 'their';
  const dob = [a.dobDay, a.dobMonth, a.dobYear].map((part) => part.trim());
  const born = composeDate(a.dobDay, a.dobMonth, a.dobYear);
  const bornProblem = born ? dateOfBirthProblem(born, ctx.today) : null;
  const carers = Object.fromEntries(
    a.carers.flatMap((carer, index) => [
      [
        `carers-${index}-hasParentalResponsibility`,
        carer.hasParentalResponsibility === ''
          ? `Parent or carer ${index + 1}: say if they have parental responsibility`
          : undefined,
      ],
      [
        `carers-${index}-doNotShareReason`,
        carer.doNotShare && !carer.doNotShareReason.trim()
          ? `Parent or carer ${index + 1}: say why information must not be shared with them`
          : undefined,
      ],
    ]),
  );
  return {
    ...carers,
    staffKind: audience === 'staff' && !a.staffKind ? 'Choose who you are referring as' : undefined,
    referrerName: audience !== 'self' && !a.referrerName.trim() ? 'Enter your name' : undefined,
    referrerRelationship:
      audience === 'parent' && !a.referrerRelationship.trim()
        ? 'Say how you are related to the child or young person, such as mother or foster carer'
        : undefined,
    givenName: self && !a.givenName.trim() ? 'Enter your first name' : undefined,
    familyName: self && !a.familyName.trim() ? 'Enter your last name' : undefined,
    dobDay: dob.every((part) => part === '')
      ? `Enter ${their} date of birth`
      : dob.some((part) => part === '')
        ? 'Date of birth must include a day, month and year'
        : !born
          ? 'Date of birth must be a real date, such as 27 3 2012'
          : bornProblem
            ? `Date of birth ${bornProblem}`
            : undefined,
    gender: a.gender === '' ? `Choose how ${they} describe ${their} gender` : undefined,
    genderSelfDescription:
      self && a.gender === 'self-described' && !a.genderSelfDescription.trim()
        ? 'Say how you describe your gender'
        : undefined,
    riskToLifeNow:
      a.riskToLifeNow === ''
        ? self
          ? 'Say if you are in danger now'
          : 'Say if their life is at risk now'
        : undefined,
    recentSelfHarm:
      a.recentSelfHarm === ''
        ? `Say if ${they} have hurt ${self ? 'yourself' : 'themselves'} on purpose recently`
        : undefined,
    riskToOthers: a.riskToOthers === '' ? `Say if ${they} might hurt someone else` : undefined,
    consentGiven: consentMessage(audience, a),
    youngPersonAgrees:
      audience === 'parent' && a.youngPersonAgrees === ''
        ? 'Say if they know about this and agree'
        : undefined,
    gillickCompetent:
      needsGillick(audience, a, ctx.today) && a.gillickCompetent === ''
        ? 'Say if they are competent to agree for themselves'
        : undefined,
    parentsMayBeTold:
      self && a.parentsMayBeTold === '' ? 'Say if we can tell your parents or carers' : undefined,
    canLeaveMessage:
      a.canLeaveMessage === '' && a.contactRoutes.some((route) => route === 'phone' || route === 'text')
        ? 'Say if we can leave a message'
        : undefined,
  };
}

function consentMessage(audience: Audience, a: Answers): string | undefined {
  if (a.consentGiven === 'yes') return undefined;
  if (audience === 'self') {
    return a.consentGiven === ''
      ? 'Say if you are happy for us to contact you'
      : 'We can only help if we can contact you. If you are not ready yet, that is OK: you can come back later';
  }
  if (audience === 'parent') {
    return 'To send this you need parental responsibility and to agree. If you do not, ask someone who does, or talk to their school or GP';
  }
  return a.consentGiven === ''
    ? 'Say if consent has been given'
    : 'The referral needs consent: ask the young person or a parent with parental responsibility first';
}

const carerFields = [
  'name',
  'relationship',
  'hasParentalResponsibility',
  'phone',
  'email',
  'doNotShareReason',
];

/** Errors in the order their fields appear: page by page, then down each page. */
function fieldRank(audience: Audience, error: StepError): number {
  const order = stepOrder[audience];
  const page = error.step === null ? order.length : order.indexOf(error.step);
  const carer = /^carers-(\d+)-(\w+)$/.exec(error.field);
  if (carer) return page * 1000 + Number(carer[1]) * 10 + carerFields.indexOf(carer[2] ?? '');
  const fields = (error.step && stepFields[error.step]) || [];
  return page * 1000 + Math.max(fields.indexOf(error.field), 0);
}

/**
 * Every problem with the answers, checked with the API's own schema so the form and the API agree,
 * each placed on the page that asks it. Pages that do not apply (such as the stop page) have none.
 */
export function checkAnswers(audience: Audience, answers: Answers, ctx: FlowContext): StepError[] {
  const errors = new Map<string, StepError>();
  const add = (field: string, message: string) => {
    if (errors.has(field)) return;
    errors.set(field, { field, message, step: stepForField(audience, field) });
  };
  for (const [field, message] of Object.entries(unanswered(audience, answers, ctx))) {
    if (message && stepForField(audience, field)) add(field, message);
  }
  const parsed = SubmitReferralInput.safeParse(toSubmitInput(audience, answers));
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const name = issue.path.join('.');
    const field = fieldForParam(audience, name);
    add(field ?? name, field ? messageFor(field, issue.message) : `Check ${name}: ${issue.message}`);
  }
  return [...errors.values()]
    .filter((error) => error.step === null || applies(error.step, audience, answers, ctx))
    .sort((x, y) => fieldRank(audience, x) - fieldRank(audience, y));
}

/** The problems to show on one page when the person presses Continue. */
export function checkStep(audience: Audience, step: StepId, answers: Answers, ctx: FlowContext): StepError[] {
  return checkAnswers(audience, answers, ctx).filter((error) => error.step === step);
}

/** Where to carry on a half-finished form: the first page with a problem, or check answers. */
export function firstIncompleteStep(audience: Audience, answers: Answers, ctx: FlowContext): StepId {
  return checkAnswers(audience, answers, ctx)[0]?.step ?? 'check-answers';
}

/** An API 400's invalidParams, each placed on the page that asks it. */
export function errorsFromParams(
  audience: Audience,
  params: readonly { name: string; reason: string }[],
): StepError[] {
  const errors = new Map<string, StepError>();
  for (const param of params) {
    const field = fieldForParam(audience, param.name);
    const key = field ?? param.name;
    if (errors.has(key)) continue;
    errors.set(key, {
      field: key,
      message: field ? messageFor(field, param.reason) : `Check ${param.name}: ${param.reason}`,
      step: field ? stepForField(audience, field) : null,
    });
  }
  return [...errors.values()];
}
