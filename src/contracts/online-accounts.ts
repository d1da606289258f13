import { z } from 'zod';
import { PASSWORD_MIN, usernameProblem } from '../domain/online/sign-up.js';

// Young people's anonymous online support accounts, their sessions, whether the service is open,
// and the service's settings.

export const onlineGenders = ['girl', 'boy', 'non-binary', 'self-described', 'prefer-not-to-say'] as const;
export const OnlineGender = z.enum(onlineGenders);
export const onlineGenderLabels: Record<(typeof onlineGenders)[number], string> = {
  girl: 'Girl',
  boy: 'Boy',
  'non-binary': 'Non-binary',
  'self-described': 'I describe it another way',
  'prefer-not-to-say': 'I would rather not say',
};

export const heardFromOptions = [
  'school',
  'friend',
  'family',
  'social-media',
  'gp',
  'search',
  'other',
] as const;
export const HeardFrom = z.enum(heardFromOptions);
export const heardFromLabels: Record<(typeof heardFromOptions)[number], string> = {
  school: 'School or college',
  friend: 'A friend',
  family: 'Family',
  'social-media': 'Social media',
  gp: 'A doctor (GP) or nurse',
  search: 'Searching online',
  other: 'Somewhere else',
};

export const Username = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = usernameProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be ${max} characters or fewer`)
    .nullish()
    .transform((value) => (value ? value : null));

/** A new password's rules, the same at sign-up and when choosing a new one by a recovery link. */
export const NewPassword = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters long`)
  .max(200, 'must be 200 characters or fewer');

export const SignUpInput = z
  .object({
    username: Username,
    password: NewPassword,
    /** In whole years. Ages outside the service's range are answered 422, with where to get help. */
    age: z
      .number({ error: 'must be your age in years, such as 14' })
      .int('must be a whole number of years, such as 14')
      .min(1, 'must be your age in years, such as 14')
      .max(99, 'must be your age in years, such as 14'),
    gender: OnlineGender,
    genderDescription: optionalText(60),
    /** A school in the area, by its URN; or `area` in their own words; or neither. */
    schoolUrn: z
      .number()
      .int()
      .positive('must be a school from the list')
      .nullish()
      .transform((v) => v ?? null),
    area: optionalText(80),
    heardFrom: HeardFrom,
    recoveryEmail: z
      .string()
      .trim()
      .email('must be an email address, such as name@example.com')
      .max(254)
      .nullish()
      .or(z.literal('').transform(() => null))
      .transform((value) => value ?? null),
    recoveryPhone: z
      .string()
      .trim()
      .regex(/^\+?[\d\s]{10,15}$/, 'must be a phone number, such as 07700 900123')
      .nullish()
      .or(z.literal('').transform(() => null))
      .transform((value) => value ?? null),
  })
  .superRefine((input, ctx) => {
    if (input.gender === 'self-described' && !input.genderDescription) {
      ctx.addIssue({ code: 'custom', path: ['genderDescription'], message: 'must say how you describe it' });
    }
    if (input.password.toLowerCase() === input.username.toLowerCase()) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'must not be the same as your username' });
    }
  });
export type SignUpInput = z.infer<typeof SignUpInput>;

export const SignedIn = z.object({ username: z.string(), csrfToken: z.string() });
export type SignedIn = z.infer<typeof SignedIn>;

export const YoungPersonSignInInput = z.object({
  username: z.string().trim().min(1, 'must not be empty').max(50, 'must be 50 characters or fewer'),
  password: z.string().min(1, 'must not be empty').max(200, 'must be 200 characters or fewer'),
});
export type YoungPersonSignInInput = z.infer<typeof YoungPersonSignInInput>;

/** Asking for a recovery link: only the username, which may or may not name an account. */
export const AccountRecoveryInput = z.object({
  username: z.string().trim().min(1, 'must not be empty').max(50, 'must be 50 characters or fewer'),
});
export type AccountRecoveryInput = z.infer<typeof AccountRecoveryInput>;

/** The same answer whatever the username, so nobody can find out whether an account exists. */
export const RecoveryLinkAsked = z.object({ message: z.string() });
export type RecoveryLinkAsked = z.infer<typeof RecoveryLinkAsked>;

/**
 * A new password, with the secret from the recovery link (the part after `#`). Any secret that is
 * not a working link's gets the same 422 naming `secret`, whatever is wrong with it.
 */
export const NewPasswordInput = z.object({
  secret: z.string().max(200, 'has expired or has already been used. Ask for a new one'),
  password: NewPassword,
});
export type NewPasswordInput = z.infer<typeof NewPasswordInput>;

export const PasswordChanged = z.object({ message: z.string() });
export type PasswordChanged = z.infer<typeof PasswordChanged>;

export const YoungPersonSignedOut = z.object({ isSignedOut: z.literal(true) });

export const AgeRange = z.object({ minAge: z.number().int(), maxAge: z.number().int() });

/** The signed-in young person, as they see themselves. */
export const YoungPersonMe = z.object({
  username: z.string(),
  /** Age given at sign-up plus the whole years since. */
  ageNow: z.number().int(),
  isInAgeRange: z.boolean(),
  ages: AgeRange,
  serviceName: z.string(),
  csrfToken: z.string(),
});
export type YoungPersonMe = z.infer<typeof YoungPersonMe>;

export const CrisisContact = z.object({
  name: z.string(),
  /** What to do, in a few words: "Call 0800 1111, free, any time". */
  how: z.string(),
  /** A tel: or sms: link. */
  href: z.string(),
});
export type CrisisContact = z.infer<typeof CrisisContact>;

/** Whether the service is open now, in words and in hours, for anyone. */
export const ServiceStatus = z.object({
  serviceName: z.string(),
  isOpen: z.boolean(),
  /** "We're open now until 10pm." / "We're closed. We open today at 6pm." */
  sentence: z.string(),
  opensAt: z.string().datetime().nullable(),
  closesAt: z.string().datetime().nullable(),
  /** "Monday to Friday: midday to 10pm" */
  hours: z.array(z.string()),
  ages: AgeRange,
  crisisContacts: z.array(CrisisContact),
});
export type ServiceStatus = z.infer<typeof ServiceStatus>;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 18:00');
export const OpeningSessionInput = z
  .object({ dayOfWeek: z.number().int().min(1).max(7), opens: time, closes: time })
  .refine((s) => s.closes === '00:00' || s.closes > s.opens, {
    message: 'must close after it opens (00:00 for midnight)',
    path: ['closes'],
  });

export const OnlineSettingsInput = z
  .object({
    openingHours: z.array(OpeningSessionInput).max(28, 'must be 28 sessions or fewer'),
    minAge: z.number().int().min(5, 'must be 5 or more').max(30),
    maxAge: z.number().int().min(5).max(30, 'must be 30 or less'),
    chatLimit: z.number().int().min(1, 'must be at least 1').max(10, 'must be 10 or fewer'),
    alertAcknowledgeMinutes: z.number().int().min(1, 'must be at least 1').max(60, 'must be 60 or fewer'),
    furtherEscalationEmail: z
      .string()
      .trim()
      .email('must be an email address')
      .max(254)
      .nullable()
      .or(z.literal('').transform(() => null)),
  })
  .refine((s) => s.maxAge >= s.minAge, {
    message: 'must be the same as or more than the youngest age',
    path: ['maxAge'],
  });
export type OnlineSettingsInput = z.infer<typeof OnlineSettingsInput>;

export const OnlineSettings = z.object({
  serviceName: z.string(),
  openingHours: z.array(z.object({ dayOfWeek: z.number().int(), opens: z.string(), closes: z.string() })),
  hours: z.array(z.string()),
  minAge: z.number().int(),
  maxAge: z.number().int(),
  chatLimit: z.number().int(),
  alertAcknowledgeMinutes: z.number().int(),
  furtherEscalationEmail: z.string().nullable(),
  version: z.number().int(),
});
export type OnlineSettings = z.infer<typeof OnlineSettings>;
