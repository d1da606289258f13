import type { Actor } from './authorise.js';
import { type RecordScopeKind, roleDefinitions } from './roles.js';

/**
 * Whose children's records a request may reach, worked out once per request from the actor's
 * role grants. Repositories take it for every read of a child's data and hand it to PostgreSQL,
 * whose row-level security policies (migration 0006) apply the same rule again.
 */
export interface RecordScope {
  kinds: (RecordScopeKind | 'all' | 'privacy' | 'young-person')[];
  userId: string | null;
  /** A young person signed in to online support: their own account, and nothing else. */
  onlineAccountId: string | null;
  organisationId: string | null;
  teamIds: string[];
  serviceIds: string[];
  schoolUrns: number[];
  /** Records opened by break-glass in this request. */
  breakGlass: string[];
  /** Why a system scope was used, for the log; never set for a person's request. */
  systemReason?: string;
}

const unique = <T>(values: T[]) => [...new Set(values)];

/** Reaches nothing: the starting point of every scope. */
const noScope: RecordScope = {
  kinds: [],
  userId: null,
  onlineAccountId: null,
  organisationId: null,
  teamIds: [],
  serviceIds: [],
  schoolUrns: [],
  breakGlass: [],
};

export function recordScope(actor: Actor): RecordScope {
  if (actor.kind === 'anonymous' || !actor.isSignedIn) return noScope;
  if (actor.kind === 'young-person') {
    return { ...noScope, kinds: ['young-person'], onlineAccountId: actor.accountId };
  }
  const kinds = actor.grants
    .map((grant) => roleDefinitions[grant.role].recordScope)
    .filter((kind) => kind !== 'none');
  const holding = (kind: RecordScopeKind) =>
    actor.grants.filter((g) => roleDefinitions[g.role].recordScope === kind);
  return {
    kinds: unique([...kinds, ...(actor.roles.includes('privacy-officer') ? (['privacy'] as const) : [])]),
    userId: actor.userId,
    onlineAccountId: null,
    organisationId: actor.organisationId,
    teamIds: unique(holding('team').flatMap((g) => (g.teamId ? [g.teamId] : []))),
    serviceIds: unique(holding('service').flatMap((g) => (g.serviceId ? [g.serviceId] : []))),
    schoolUrns: unique(holding('school').flatMap((g) => (g.schoolUrn ? [g.schoolUrn] : []))),
    breakGlass: [],
  };
}

/**
 * Reaches every record, for work no person's scope covers (intake of a public self-referral, the
 * demo area, checking that a break-glass target exists). The reason is required so the code says
 * why; the caller's own access-log row records what was done.
 */
export function systemScope(reason: string): RecordScope {
  return { ...noScope, kinds: ['all'], systemReason: reason };
}

export interface ReferralRelations {
  id: string;
  referrerUserId: string | null;
  schoolUrn: number | null;
  allocatedUserId: string | null;
  leadWorkerUserId: string | null;
  teamId: string | null;
  serviceId: string | null;
  organisationId: string;
}

/**
 * The relationship that lets this scope see this referral, or null: the same rule as the
 * referrals_in_scope policy, in the order it is best explained to a privacy officer.
 */
export function accessBasis(scope: RecordScope, referral: ReferralRelations): string | null {
  const has = (kind: RecordScope['kinds'][number]) => scope.kinds.includes(kind);
  if (
    has('caseload') &&
    scope.userId &&
    [referral.allocatedUserId, referral.leadWorkerUserId].includes(scope.userId)
  ) {
    return 'caseload';
  }
  // Anyone who referred sees what they referred (the referrals_in_scope policy, migration 0015).
  if (scope.userId && referral.referrerUserId === scope.userId) return 'own-referral';
  if (has('school') && referral.schoolUrn !== null && scope.schoolUrns.includes(referral.schoolUrn))
    return 'school';
  if (has('team') && referral.teamId && scope.teamIds.includes(referral.teamId)) return 'team';
  if (has('service') && referral.serviceId && scope.serviceIds.includes(referral.serviceId)) return 'service';
  if (has('organisation') && referral.organisationId === scope.organisationId) return 'organisation';
  if (scope.breakGlass.includes(referral.id)) return 'break-glass';
  if (has('all')) return 'system';
  return null;
}

/**
 * The teams whose exact (unsuppressed) report figures the actor may see: null for every team, when
 * a role with exact figures reaches beyond one team (a service manager); otherwise the teams of the
 * team-scoped roles that grant them (an MHST team manager sees their own team's small numbers, not
 * another team's, where a small count can point to a child).
 */
export function exactReportTeams(actor: Actor): string[] | null {
  if (actor.kind !== 'staff') return [];
  const granting = actor.grants.filter((g) =>
    roleDefinitions[g.role].permissions.includes('report:read-exact'),
  );
  if (granting.some((g) => roleDefinitions[g.role].recordScope !== 'team')) return null;
  return unique(granting.flatMap((g) => (g.teamId ? [g.teamId] : [])));
}
