import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, schools, teams } from './organisations.js';

// Owned by the `identity` area: staff, their roles, their credentials and their sessions.
// Only src/db/repositories/identity.repository.ts queries these tables.

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  isActive: boolean('is_active').notNull().default(true),
  /** argon2id; null until a password is set (or for accounts that only sign in through OpenID Connect). */
  passwordHash: text('password_hash'),
  /** Set for an account made with a temporary password: the person chooses their own first. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  /** Base32 TOTP secret; null until the person starts enrolling. */
  totpSecret: text('totp_secret'),
  totpConfirmedAt: timestamp('totp_confirmed_at', { withTimezone: true }),
  /** The last TOTP time step accepted, so a code cannot be used twice. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A user can hold several roles, each optionally within one team or for one school. */
export const userRoles = pgTable(
  'user_roles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    teamId: uuid('team_id').references(() => teams.id),
    schoolUrn: integer('school_urn').references(() => schools.urn),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    /** Removing a role or team membership sets this; it takes effect on the person's next request. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('user_roles_user_idx').on(t.userId)],
);

/** One-time recovery codes for a lost authenticator, stored hashed. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** Server-side sessions. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** False between the password and the second factor: such a session can only finish signing in. */
    isSecondFactorDone: boolean('is_second_factor_done').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
  },
  (t) => [index('sessions_user_idx').on(t.userId).where(sql`${t.endedAt} is null`)],
);

/**
 * Failed sign-ins per email (hashed), kept alike for known and unknown emails so the answer never
 * tells whether an account exists.
 */
export const signInThrottle = pgTable('sign_in_throttle', {
  emailHash: text('email_hash').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * OpenID Connect sign-ins under way. The state, nonce and PKCE verifier wait here rather than in the
 * browser; the browser holds only a random id in a short-lived cookie, and only its SHA-256 is kept.
 * A row lasts 10 minutes and is used once.
 */
export const oidcLogins = pgTable(
  'oidc_logins',
  {
    idHash: text('id_hash').primaryKey(),
    state: text('state').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('oidc_logins_expires_idx').on(t.expiresAt)],
);
