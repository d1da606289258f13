import { z } from 'zod';
import { presentingNeedCodes } from '../domain/organisations/needs.js';
import { postcodeDistrict } from '../domain/organisations/postcode.js';
import { referralRouteCodes } from '../domain/organisations/referral-routes.js';
import { thriveGroupings } from '../domain/organisations/thrive.js';

export const PresentingNeedCode = z.enum(presentingNeedCodes);

export const DirectorySearchQuery = z.object({
  age: z.coerce
    .number({ error: 'must be a whole number of years' })
    .int('must be a whole number of years')
    .min(0, 'must be 0 or more')
    .max(25, 'must be 25 or less: these services are for children and young people')
    .optional(),
  school: z.coerce
    .number({ error: 'must be a school URN (a number)' })
    .int('must be a school URN (a number)')
    .positive('must be a school URN (a number)')
    .optional(),
  postcode: z
    .string()
    .max(10)
    .refine(
      (value) => postcodeDistrict(value) !== null,
      'must be a postcode such as NV3 2AB, or its first part',
    )
    .optional(),
  need: PresentingNeedCode.optional(),
  /** `yes` when someone is at risk of serious harm now: services with that exclusion do not fit. */
  risk: z.enum(['yes', 'no'], { error: 'must be yes or no' }).optional(),
});
export type DirectorySearchQuery = z.infer<typeof DirectorySearchQuery>;

export const Reason = z.object({ isMet: z.boolean().nullable(), text: z.string() });

export const ServiceKind = z.enum([
  'mhst',
  'camhs',
  'early-help',
  'online-support',
  'school-nursing',
  'voluntary-sector',
  'crisis',
]);

/** One service as the public directory shows it. */
export const DirectoryService = z.object({
  slug: z.string(),
  name: z.string(),
  kind: ServiceKind,
  provider: z.string(),
  summary: z.string(),
  whoFor: z.string(),
  ageMin: z.number().int(),
  ageMax: z.number().int(),
  thriveGroupings: z.array(z.enum(thriveGroupings)),
  presentingNeeds: z.array(PresentingNeedCode),
  acceptsSelfReferral: z.boolean(),
  selfReferralMinAge: z.number().int().nullable(),
  referralRoutes: z.array(z.enum(referralRouteCodes)),
  howToGetHelp: z.string(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  dropIn: z.string().nullable(),
  notFor: z.string(),
  excludesCurrentRisk: z.boolean(),
  openingHours: z.array(z.string()),
  isOpenNow: z.boolean(),
});
export type DirectoryService = z.infer<typeof DirectoryService>;

export const DirectoryMatch = DirectoryService.extend({
  fit: z.enum(['yes', 'check', 'no']),
  reasons: z.array(Reason),
  canSelfRefer: z.boolean(),
});
export type DirectoryMatch = z.infer<typeof DirectoryMatch>;

export const DirectorySearchResult = z.object({
  areaName: z.string(),
  /** What we understood from the query, in words, so the page can say "Showing services for…". */
  understood: z.object({
    age: z.number().int().nullable(),
    schoolName: z.string().nullable(),
    homeAreaName: z.string().nullable(),
    /** True when a postcode was given that is outside the area Lantern knows. */
    isPostcodeOutsideArea: z.boolean(),
    need: PresentingNeedCode.nullable(),
  }),
  matches: z.array(DirectoryMatch),
  /** Services to contact in a crisis, always shown. */
  crisis: z.array(DirectoryService),
});
export type DirectorySearchResult = z.infer<typeof DirectorySearchResult>;

export const SchoolSummary = z.object({
  urn: z.number().int(),
  name: z.string(),
  phase: z.string(),
  localAuthority: z.string(),
});
export type SchoolSummary = z.infer<typeof SchoolSummary>;

export const SchoolList = z.object({ schools: z.array(SchoolSummary) });

export const ServiceSlugParams = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a service name in lower case with hyphens')
    .max(80),
});

/** The area Lantern serves; a fictional one is the demo area, and pages say so. */
export const DirectoryArea = z.object({ name: z.string(), isFictional: z.boolean() });
export type DirectoryArea = z.infer<typeof DirectoryArea>;
