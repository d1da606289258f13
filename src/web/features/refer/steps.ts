import { type Answers, type Audience, ageFrom } from './answers.js';

/**
 * The referral form's pages, one question each, in order for each kind of referrer, and which
 * page asks each answer. Pure, so the order, the stops and the error mapping are unit tested.
 */
export const stepIds = [
  'about-you',
  'child-name',
  'date-of-birth',
  'too-young',
  'nhs-number',
  'gender',
  'ethnicity',
  'school',
  'gp-practice',
  'carers',
  'worries',
  'what-is-happening',
  'how-long',
  'tried-so-far',
  'danger-now',
  'stop',
  'other-risks',
  'consent',
  'contact',
  'check-answers',
] as const;
export type StepId = (typeof stepIds)[number];

const needAndSafety: StepId[] = [
  'worries',
  'what-is-happening',
  'how-long',
  'tried-so-far',
  'danger-now',
  'stop',
  'other-risks',
  'consent',
  'contact',
  'check-answers',
];

export const stepOrder: Record<Audience, readonly StepId[]> = {
  parent: ['about-you', 'child-name', 'date-of-birth', 'school', 'gender', ...needAndSafety],
  self: ['child-name', 'date-of-birth', 'too-young', 'school', 'gender', ...needAndSafety],
  staff: [
    'about-you',
    'child-name',
    'date-of-birth',
    'nhs-number',
    'gender',
    'ethnicity',
    'school',
    'gp-practice',
    'carers',
    ...needAndSafety,
  ],
};

/** Pages shown only because of an answer: they interrupt the flow, even when changing an answer. */
const branchSteps: readonly StepId[] = ['stop', 'too-young'];

export interface FlowContext {
  /** Today in England, YYYY-MM-DD. */
  today: string;
  /** From the front door rules; null while not known. */
  selfReferralMinAge: number | null;
}

export function isStepId(value: string): value is StepId {
  return (stepIds as readonly string[]).includes(value);
}

export function isTooYoung(audience: Audience, answers: Answers, ctx: FlowContext): boolean {
  if (audience !== 'self' || ctx.selfReferralMinAge === null) return false;
  const age = ageFrom(answers, ctx.today);
  return age !== null && age < ctx.selfReferralMinAge;
}

/** Whether a page is part of this referrer's form, given the answers so far. */
export function applies(step: StepId, audience: Audience, answers: Answers, ctx: FlowContext): boolean {
  if (!stepOrder[audience].includes(step)) return false;
  if (step === 'stop') return answers.riskToLifeNow === 'yes';
  if (step === 'too-young') return isTooYoung(audience, answers, ctx);
  return true;
}

export function firstStep(audience: Audience): StepId {
  return stepOrder[audience][0] as StepId;
}

/**
 * The page after `step`, or null when there is none (a young person too young to ask for
 * themselves cannot go on). When changing one answer from "Check your answers", go straight back
 * there unless the answer opens a stop page.
 */
export function nextStep(
  audience: Audience,
  step: StepId,
  answers: Answers,
  ctx: FlowContext,
  isChange = false,
): StepId | null {
  if (step === 'too-young') return null;
  const order = stepOrder[audience];
  for (const candidate of order.slice(order.indexOf(step) + 1)) {
    if (!applies(candidate, audience, answers, ctx)) continue;
    if (isChange && !branchSteps.includes(candidate)) return 'check-answers';
    return candidate;
  }
  return null;
}

/** The page before `step`, for the Back link; null on the first page. */
export function previousStep(
  audience: Audience,
  step: StepId,
  answers: Answers,
  ctx: FlowContext,
): StepId | null {
  const order = stepOrder[audience];
  const before = order.slice(0, Math.max(order.indexOf(step), 0)).reverse();
  return before.find((candidate) => applies(candidate, audience, answers, ctx)) ?? null;
}

/**
 * The page to show instead of `step`, if the answers so far do not let anyone reach it: past the
 * age check when too young to ask alone, or past the stop page without choosing to go on.
 */
export function blockedAt(
  audience: Audience,
  step: StepId,
  answers: Answers,
  ctx: FlowContext,
): StepId | null {
  const order = stepOrder[audience];
  const at = order.indexOf(step);
  if (step === 'too-young' && !isTooYoung(audience, answers, ctx)) return 'date-of-birth';
  if (isTooYoung(audience, answers, ctx) && at > order.indexOf('too-young')) return 'too-young';
  if (answers.riskToLifeNow === 'yes' && !answers.isUrgent && at > order.indexOf('stop')) return 'stop';
  return null;
}

/** The answers each page asks, as the ids of their fields, in page order. */
export const stepFields: Partial<Record<StepId, readonly string[]>> = {
  'about-you': [
    'staffKind',
    'referrerName',
    'referrerRelationship',
    'referrerRole',
    'referrerOrganisation',
    'referrerPhone',
    'referrerEmail',
  ],
  'child-name': ['givenName', 'familyName'],
  'date-of-birth': ['dobDay'],
  'nhs-number': ['nhsNumber'],
  gender: ['gender', 'genderSelfDescription'],
  ethnicity: ['ethnicity'],
  school: ['schoolUrn'],
  'gp-practice': ['gpPractice'],
  carers: ['carers'],
  worries: ['needs', 'preferredService'],
  'what-is-happening': ['description'],
  'how-long': ['duration', 'impact'],
  'tried-so-far': ['triedSoFar'],
  'danger-now': ['riskToLifeNow'],
  'other-risks': ['recentSelfHarm', 'riskToOthers', 'riskDetails'],
  consent: [
    'consentBy',
    'consentGiven',
    'youngPersonAgrees',
    'gillickCompetent',
    'gillickAssessedBy',
    'gillickNotes',
    'parentsMayBeTold',
  ],
  contact: ['contactRoutes', 'contactPhone', 'contactEmail', 'canLeaveMessage'],
};

/** The page that asks a field, in this referrer's form. */
export function stepForField(audience: Audience, field: string): StepId | null {
  const id = field.startsWith('carers-') ? 'carers' : field;
  return stepOrder[audience].find((step) => stepFields[step]?.includes(id)) ?? null;
}

const paramFields: Record<string, string> = {
  kind: 'staffKind',
  'child.givenName': 'givenName',
  'child.familyName': 'familyName',
  'child.dateOfBirth': 'dobDay',
  'child.nhsNumber': 'nhsNumber',
  'child.gender': 'gender',
  'child.genderSelfDescription': 'genderSelfDescription',
  'child.ethnicity': 'ethnicity',
  'child.schoolUrn': 'schoolUrn',
  'child.gpPractice': 'gpPractice',
  contact: 'contactRoutes',
  'contact.routes': 'contactRoutes',
  'contact.phone': 'contactPhone',
  'contact.email': 'contactEmail',
  'contact.canLeaveMessage': 'canLeaveMessage',
  carers: 'carers',
  needs: 'needs',
  preferredService: 'preferredService',
  description: 'description',
  duration: 'duration',
  impact: 'impact',
  triedSoFar: 'triedSoFar',
  isUrgent: 'riskToLifeNow',
  'risk.riskToLifeNow': 'riskToLifeNow',
  'risk.recentSelfHarm': 'recentSelfHarm',
  'risk.riskToOthers': 'riskToOthers',
  'risk.details': 'riskDetails',
  consent: 'consentGiven',
  'consent.consentBy': 'consentBy',
  'consent.isGiven': 'consentGiven',
  'consent.gillick': 'gillickCompetent',
  'consent.gillick.isCompetent': 'gillickCompetent',
  'consent.gillick.assessedBy': 'gillickAssessedBy',
  'consent.gillick.notes': 'gillickNotes',
  'consent.parentsMayBeTold': 'parentsMayBeTold',
  'referrer.name': 'referrerName',
  'referrer.relationship': 'referrerRelationship',
  'referrer.role': 'referrerRole',
  'referrer.organisation': 'referrerOrganisation',
  'referrer.phone': 'referrerPhone',
  'referrer.email': 'referrerEmail',
};

/** On the parent form the parent is both the referrer and the first carer, asked on other pages. */
const parentParamFields: Record<string, string> = {
  'referrer.phone': 'contactPhone',
  'referrer.email': 'contactEmail',
  'carers.0.name': 'referrerName',
  'carers.0.relationship': 'referrerRelationship',
  'carers.0.phone': 'contactPhone',
  'carers.0.email': 'contactEmail',
  'carers.0.hasParentalResponsibility': 'consentGiven',
  carers: 'referrerName',
};

/**
 * The field that an API error names (a dotted path such as "child.nhsNumber" or
 * "carers.1.phone"), or null when no page asks it.
 */
export function fieldForParam(audience: Audience, name: string): string | null {
  const parts = name.split('.');
  const carer = /^carers\.(\d+)\.([A-Za-z]+)/.exec(name);
  if (audience === 'staff' && carer) return `carers-${carer[1]}-${carer[2]}`;
  for (let length = parts.length; length > 0; length -= 1) {
    const path = parts.slice(0, length).join('.');
    const field = (audience === 'parent' ? parentParamFields[path] : undefined) ?? paramFields[path];
    if (field && stepForField(audience, field)) return field;
    if (field) return null;
  }
  return null;
}
