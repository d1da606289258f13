import { z } from 'zod';
import { ethnicCategoryCodes, genderCodes, parseCalendarDate } from '../domain/people/child-details.js';
import { normaliseNhsNumber } from '../domain/people/nhs-number.js';
import { PresentingNeedCode } from './directory.js';

// The referral form's answers, shared by the web form (page by page) and the API (in full).
// Free text is stored exactly as given and always shown as text, never as HTML.

const text = (max: number, what = 'This') =>
  z
    .string({ error: 'must be text' })
    .max(max, `${what} must be ${max.toLocaleString('en-GB')} characters or fewer`);
const required = (max: number, message: string) => text(max).trim().min(1, message);
const optionalText = (max: number) =>
  text(max)
    .trim()
    .optional()
    .transform((value) => (value === '' ? undefined : value));

export const referrerKinds = ['school', 'gp', 'professional', 'parent', 'self'] as const;
export const ReferrerKind = z.enum(referrerKinds);
export type ReferrerKind = z.infer<typeof ReferrerKind>;
/** Staff refer on the signed-in form; parents, carers and young people on the public one. */
export const StaffReferrerKind = z.enum(['school', 'gp', 'professional']);
export const PublicReferrerKind = z.enum(['parent', 'self']);

export const CalendarDate = z
  .string({ error: 'must be a date' })
  .refine((value) => parseCalendarDate(value) !== null, 'must be a real date, such as 2012-03-27');

export const NhsNumber = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value))
  .refine(
    (value) => value === undefined || normaliseNhsNumber(value) !== null,
    'must be a valid 10-digit NHS number, such as 943 476 5919. Leave it out if you do not know it',
  )
  .transform((value) => (value === undefined ? undefined : (normaliseNhsNumber(value) ?? undefined)));

export const UkPhone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{10,20}$/, 'must be a phone number, such as 07700 900123');
export const Email = z.string().trim().max(254).email('must be an email address, such as name@example.com');

export const ChildDetails = z
  .object({
    givenName: required(100, 'Enter their first name'),
    familyName: required(100, 'Enter their last name'),
    dateOfBirth: CalendarDate,
    nhsNumber: NhsNumber,
    gender: z.enum(genderCodes, { error: 'Choose one of the options' }),
    genderSelfDescription: optionalText(100),
    ethnicity: z.enum(ethnicCategoryCodes).optional(),
    schoolUrn: z.number().int().positive('must be a school URN').optional(),
    postcode: optionalText(10),
    gpPractice: optionalText(200),
  })
  .refine((child) => child.gender !== 'self-described' || child.genderSelfDescription, {
    message: 'Say how they describe their gender',
    path: ['genderSelfDescription'],
  });

export const contactRoutes = ['phone', 'text', 'email', 'letter'] as const;
export const ContactDetails = z
  .object({
    routes: z.array(z.enum(contactRoutes)).min(1, 'Choose at least one way to contact').max(4),
    phone: UkPhone.optional(),
    email: Email.optional(),
    canLeaveMessage: z.boolean().default(false),
  })
  .superRefine((contact, ctx) => {
    if ((contact.routes.includes('phone') || contact.routes.includes('text')) && !contact.phone) {
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'Enter a phone number to be called or texted on',
      });
    }
    if (contact.routes.includes('email') && !contact.email) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'Enter an email address to be emailed at' });
    }
  });

export const CarerDetails = z.object({
  name: required(200, 'Enter their name'),
  relationship: required(100, 'Say how they are related, such as mother or foster carer'),
  hasParentalResponsibility: z.boolean(),
  phone: UkPhone.optional(),
  email: Email.optional(),
  doNotShare: z.boolean().default(false),
  doNotShareReason: optionalText(500),
});

export const needDurations = ['weeks', 'months', 'over-a-year'] as const;
export const needImpacts = ['a-little', 'quite-a-lot', 'a-lot'] as const;

export const RiskAnswers = z.object({
  /** "Yes" stops the form and shows what to do now; the referral can still be sent as urgent. */
  riskToLifeNow: z.boolean({ error: 'Answer yes or no' }),
  recentSelfHarm: z.boolean({ error: 'Answer yes or no' }),
  riskToOthers: z.boolean({ error: 'Answer yes or no' }),
  details: text(2000).default(''),
});

export const ConsentAnswers = z
  .object({
    consentBy: z.enum(['young-person', 'parent-or-carer'], { error: 'Say who agreed to this referral' }),
    isGiven: z.literal(true, {
      error:
        'The referral needs consent: ask the young person or a parent with parental responsibility first',
    }),
    /** A Gillick competence assessment, when a young person under 16 consents for themselves. */
    gillick: z
      .object({
        isCompetent: z.boolean(),
        assessedBy: required(200, 'Say who assessed their competence'),
        notes: text(2000).default(''),
      })
      .optional(),
    parentsMayBeTold: z.enum(['yes', 'no', 'young-person-will-decide'], {
      error: 'Say whether parents or carers may be told',
    }),
    /** When a parent or carer consents: does the young person know about the request and agree? */
    youngPersonAgrees: z.enum(['yes', 'knows-not-agreed', 'does-not-know']).optional(),
  })
  .refine((consent) => consent.consentBy !== 'young-person' || consent.gillick?.isCompetent !== false, {
    message: 'A young person assessed as not competent cannot consent for themselves: ask a parent or carer',
    path: ['gillick', 'isCompetent'],
  });

export const ReferrerDetails = z.object({
  name: required(200, 'Enter your name'),
  role: optionalText(200),
  organisation: optionalText(200),
  relationship: optionalText(100),
  phone: UkPhone.optional(),
  email: Email.optional(),
});

export const SubmitReferralInput = z.object({
  kind: ReferrerKind,
  child: ChildDetails,
  contact: ContactDetails,
  carers: z.array(CarerDetails).max(6, 'Add up to 6 parents or carers').default([]),
  needs: z.array(PresentingNeedCode).min(1, 'Choose at least one worry').max(8),
  description: required(5000, 'Tell us what is happening, in your own words'),
  duration: z.enum(needDurations, { error: 'Choose how long this has been going on' }),
  impact: z.enum(needImpacts, { error: 'Choose how much this affects daily life' }),
  triedSoFar: text(3000).default(''),
  risk: RiskAnswers,
  /** True when the referrer says it cannot wait, or answered yes to a risk to life. */
  isUrgent: z.boolean().default(false),
  consent: ConsentAnswers,
  /** Absent for a young person asking for themselves. */
  referrer: ReferrerDetails.optional(),
  /** A service from the thresholds helper that the referrer thinks fits, if any. */
  preferredService: z.string().max(100).optional(),
  /** The signed-in referrer's draft this came from: it is closed when the referral is sent. */
  draftId: z.string().uuid('must be a draft id').optional(),
});
export type SubmitReferralInput = z.infer<typeof SubmitReferralInput>;

export const SubmittedReferral = z.object({
  reference: z.string(),
  receivedAt: z.string(),
  isUrgent: z.boolean(),
  headline: z.string(),
  steps: z.array(z.string()),
  lookedAtBy: z.string(),
});
export type SubmittedReferral = z.infer<typeof SubmittedReferral>;

/** The front door's published rules: who may ask for themselves, and how fast triage looks. */
export const FrontDoorRules = z.object({
  selfReferralMinAge: z.number().int(),
  triageWorkingDays: z.number().int(),
  intakeServiceName: z.string(),
});

export const DraftInput = z.object({
  kind: StaffReferrerKind,
  /** Partial answers: checked in full only on submit, so a half-finished form can be kept. */
  answers: z.record(z.string(), z.unknown()).refine((a) => JSON.stringify(a).length <= 50_000, {
    message: 'The draft is too large',
  }),
});
export const Draft = DraftInput.extend({ id: z.string(), version: z.number().int(), updatedAt: z.string() });
export const DraftList = z.object({ drafts: z.array(Draft) });
