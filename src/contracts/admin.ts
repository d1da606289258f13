import { z } from 'zod';
import { staffRoles } from '../access/roles.js';
import { StaffEmail } from './identity.js';

export const StaffUser = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  organisation: z.string(),
  isActive: z.boolean(),
  hasSecondFactor: z.boolean(),
  /** Each role held now, with the grant id that removing it needs. */
  roles: z.array(
    z.object({
      grantId: z.string(),
      role: z.string(),
      teamName: z.string().nullable(),
      schoolUrn: z.number().nullable(),
    }),
  ),
  /** Send back as If-Match ("3") when changing this user. */
  version: z.number().int(),
});
export type StaffUser = z.infer<typeof StaffUser>;

export const StaffUserList = z.object({ users: z.array(StaffUser) });

export const UserParams = z.object({ userId: z.string().uuid('must be a user id') });
export const RoleGrantParams = UserParams.extend({ grantId: z.string().uuid('must be a role grant id') });

export const UserChanged = z.object({ id: z.string(), isActive: z.boolean(), version: z.number().int() });

export const AccessLogQuery = z.object({
  userId: z.string().uuid('must be a user id').optional(),
  subjectKind: z.string().max(40).optional(),
  subjectId: z.string().max(80).optional(),
  from: z.iso
    .datetime({ offset: true, error: 'must be a date and time such as 2026-11-23T09:00:00Z' })
    .optional(),
  to: z.iso
    .datetime({ offset: true, error: 'must be a date and time such as 2026-11-23T17:00:00Z' })
    .optional(),
  /** Only these orders are allowed: anything else is a 400, never SQL. */
  sort: z.enum(['occurredAt', '-occurredAt']).default('-occurredAt'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type AccessLogQuery = z.infer<typeof AccessLogQuery>;

export const AccessLogRow = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  userId: z.string().nullable(),
  roles: z.array(z.string()),
  basis: z.string(),
  subjectKind: z.string(),
  subjectId: z.string().nullable(),
  action: z.string(),
  outcome: z.string(),
  reason: z.string().nullable(),
});

export const AccessLogPage = z.object({
  rows: z.array(AccessLogRow),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AccessLogPage = z.infer<typeof AccessLogPage>;

export const RoleId = z.enum(staffRoles);

export const GrantRoleInput = z.object({
  role: z.enum(staffRoles, { error: 'must be one of the Lantern roles' }),
  teamId: z.string().uuid('must be a team id').nullable().default(null),
  schoolUrn: z.number().int().positive('must be a school URN').nullable().default(null),
});
export type GrantRoleInput = z.infer<typeof GrantRoleInput>;

export const RoleGranted = z.object({ grantId: z.string(), role: z.string() });

export const TeamList = z.object({
  teams: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      service: z.string(),
      baseSchool: z.string().nullable(),
      schoolCount: z.number().int(),
      memberCount: z.number().int(),
    }),
  ),
});
export type TeamList = z.infer<typeof TeamList>;

export const AuditChainReport = z.object({
  chains: z.array(
    z.object({
      chain: z.enum(['access_log', 'audit_log']),
      rows: z.number().int(),
      head: z.string().nullable(),
      problems: z.array(
        z.object({ id: z.number().int(), problem: z.enum(['content-changed', 'broken-link']) }),
      ),
    }),
  ),
});

export const CreateStaffInput = z.object({
  email: StaffEmail,
  displayName: z.string().trim().min(1, 'must not be empty').max(120, 'must be 120 characters or fewer'),
  role: z.enum(staffRoles, { error: 'must be one of the Lantern roles' }),
  teamId: z.string().uuid('must be a team id').nullable().default(null),
});
export type CreateStaffInput = z.infer<typeof CreateStaffInput>;

export const StaffCreated = z.object({
  id: z.string(),
  /** Shown once: the person must choose their own password when they first sign in. */
  temporaryPassword: z.string(),
});
