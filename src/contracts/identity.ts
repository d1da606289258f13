import { z } from 'zod';
import { permissions } from '../access/permissions.js';
import { staffRoles } from '../access/roles.js';

/** A staff email address, compared without regard to case. */
export const StaffEmail = z
  .string()
  .trim()
  .toLowerCase()
  .email('must be an email address such as name@example.nhs.uk')
  .max(254);

export const SignInInput = z.object({
  email: StaffEmail,
  password: z.string().min(1, 'must not be empty').max(200, 'must be 200 characters or fewer'),
});
export type SignInInput = z.infer<typeof SignInInput>;

/** Where signing in has got to. */
export const SignInState = z.enum([
  'password-change-required',
  'signed-in',
  'second-factor-required',
  'second-factor-enrolment-required',
]);
export type SignInState = z.infer<typeof SignInState>;

export const SignInResult = z.object({ state: SignInState });

export const SecondFactorInput = z.object({
  code: z
    .string()
    .trim()
    .regex(
      /^(\d{6}|[A-Za-z0-9]{4}-?[A-Za-z0-9]{4})$/,
      'must be the 6-digit code from your authenticator app, or a recovery code like 7KQ2-M9XD',
    ),
});
export type SecondFactorInput = z.infer<typeof SecondFactorInput>;

export const EnrolmentStart = z.object({
  /** For typing into an authenticator app that cannot scan. */
  secret: z.string(),
  otpauthUri: z.string(),
  qrSvg: z.string(),
});
export type EnrolmentStart = z.infer<typeof EnrolmentStart>;

export const EnrolmentDone = z.object({
  state: z.literal('signed-in'),
  /** Shown once, never again. */
  recoveryCodes: z.array(z.string()),
});
export type EnrolmentDone = z.infer<typeof EnrolmentDone>;

export const SessionInfo = z.object({
  user: z.object({ id: z.string(), displayName: z.string(), email: z.string() }),
  roles: z.array(
    z.object({
      role: z.enum(staffRoles),
      label: z.string(),
      teamName: z.string().nullable(),
      schoolUrn: z.number().nullable(),
    }),
  ),
  permissions: z.array(z.enum(permissions)),
  state: SignInState,
  /** Send in the X-CSRF-Token header with every POST, PUT, PATCH or DELETE. */
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SignedOut = z.object({ endedSessions: z.number().int() });

/** Whether staff can sign in with their organisation's OpenID Connect account (such as NHS CIS2). */
export const OidcStatus = z.object({
  isEnabled: z.boolean(),
  /** What to call the provider, such as "NHS CIS2", when the operator named it. */
  providerName: z.string().optional(),
});
export type OidcStatus = z.infer<typeof OidcStatus>;

export const NewPasswordInput = z.object({
  newPassword: z
    .string()
    .min(12, 'must be at least 12 characters: three random words work well')
    .max(200, 'must be 200 characters or fewer'),
});
export type NewPasswordInput = z.infer<typeof NewPasswordInput>;
