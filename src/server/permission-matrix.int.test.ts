import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionsOfRoles, roleDefinitions, type StaffRole, staffRoles } from '../access/roles.js';
import { accessLog } from '../db/schema/audit.js';
import { buildDemoArea } from '../demo/demo-area.js';
import { DEMO_PASSWORD, demoEmailFor } from '../demo/demo-staff.js';
import { createTestApp, TEST_SEED } from '../test-support/app.js';
import { testDatabases } from '../test-support/databases.js';
import { referralAnswers } from '../test-support/referral-answers.js';
import { caseworkBodies, caseworkRowsWhenAllowed } from './matrix/index.js';
import { routePermissions } from './routes/route-permissions.js';

// Every protected route × every role's named demo account, and anonymous callers. Child records
// arrive with the referrals capability; their routes add the own / same team / other team /
// other organisation columns to this matrix.
const users = buildDemoArea({ seed: TEST_SEED, scale: 1 }).identity.users;
const protectedRoutes = Object.entries(routePermissions).filter(
  ([route, permission]) => permission !== 'public' && route !== 'DELETE /api/sessions',
);

const bodies: Record<string, object> = {
  'POST /api/admin/users/:userId/roles': { role: 'emhp' },
  'POST /api/admin/users': {
    email: 'new.starter@demo.lantern.example',
    displayName: 'New Starter',
    role: 'emhp',
    teamId: '00000000-0000-4000-8000-000000000000',
  },
  'POST /api/referrals/:referralId/break-glass': {
    reason: 'Child at risk, duty clinician needs the history',
  },
  'POST /api/referrals': referralAnswers({ kind: 'professional' }),
  'POST /api/referral-drafts': { kind: 'school', answers: {} },
  'POST /api/my-referrals/:referralId/information': { answer: 'She has been seen by the GP' },
  'PUT /api/referral-drafts/:draftId': { kind: 'school', answers: {} },
  'POST /api/triage/referrals/:referralId/decisions': {
    kind: 'mdt',
    thriveGrouping: 'getting-help',
    priority: 'routine',
  },
  'PUT /api/triage/referrals/:referralId/lead-worker': { name: 'Pat Jones', agency: 'Early help' },
  'POST /api/children/:childId/merges': {
    mergedChildId: randomUUID(),
    reason: 'The same young person, checked',
  },
  'POST /api/child-links/:linkId/undo': { reason: 'Not the same young person after all' },
  'POST /api/mdt/meetings': { heldAt: '2026-12-02T14:00:00Z', agenciesPresent: ['CAMHS'] },
  'POST /api/mdt/meetings/:meetingId/agenda': { referralId: randomUUID() },
  'POST /api/mdt/meetings/:meetingId/agenda/:itemId/outcome': { sharedDecision: 'Early help to lead' },
  'POST /api/schools/:urn/plan-actions': {
    tier: 1,
    action: 'Staff training on low mood',
    owner: 'Deputy head',
  },
  'PUT /api/schools/:urn/plan-actions/:actionId': {
    action: 'Staff training',
    owner: 'Deputy head',
    status: 'done',
  },
  'POST /api/schools/:urn/group-sessions': {
    kind: 'assembly',
    topic: 'Exam stress',
    heldAt: '2026-11-20T09:00:00Z',
    attendeeCount: 180,
    deliveredBy: 'MHST',
  },
  'POST /api/schools/:urn/consultations': {
    givenAt: '2026-11-20T09:00:00Z',
    staffRole: 'Head of Year 8',
    topic: 'Exam season',
    advice: 'Quiet room at lunch',
  },
  'POST /api/schools/:urn/link-meetings': {
    heldAt: '2026-11-20T09:00:00Z',
    attendees: ['CAMHS locality team'],
    discussed: 'Referral routes',
  },
  'POST /api/schools/:urn/surveys': { phase: 'before', closesOn: '2026-12-14' },
  'POST /api/consultation-line/calls': {
    receivedAt: '2026-11-20T09:00:00Z',
    callerRole: 'GP',
    callerOrganisation: 'Vale Road Surgery',
    question: 'Refer or advise?',
  },
  'POST /api/mhst/teams/:teamId/referrals/:referralId/allocations': {
    kind: 'practitioner',
    userId: randomUUID(),
    reason: 'Link practitioner with space',
  },
  'PUT /api/mhst/teams/:teamId/referrals/:referralId/preferences': {
    practitionerGender: 'female',
    language: null,
  },
  'POST /api/mhst/teams/:teamId/bulk-allocations': {
    items: [{ referralId: randomUUID(), version: 1 }],
    reason: 'Weekly allocation meeting',
  },
  'PUT /api/mhst/teams/:teamId/practitioners/:userId': {
    caseloadCapacity: 12,
    gender: null,
    languages: ['English'],
    schoolDays: [],
  },
  'PUT /api/mhst/teams/:teamId/schools/:urn/link-practitioner': { userId: randomUUID() },
  'POST /api/caseload/:referralId/contacts': { startsAt: '2026-12-02T10:00:00Z', schoolUrn: null },
  'PUT /api/caseload/:referralId/contacts/:contactId/attendance': { attendStatus: 'attended' },
  'POST /api/caseload/:referralId/milestones': {
    milestone: 'assessment',
    occurredAt: '2026-11-20T10:00:00Z',
  },
  'POST /api/caseload/:referralId/pauses': {
    startsOn: '2026-11-20T10:00:00Z',
    endsOn: null,
    note: 'Exams until the end of the month',
  },
  ...caseworkBodies,
};

/** A request that reaches the route's service; ids are made up, so an allowed call answers 404. */
function sample(route: string) {
  const [method, path = ''] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE', string];
  // A school is named by its URN (a number); every other id is a UUID.
  const url = path.replace(/:(\w+)/g, (_, name: string) => (name === 'urn' ? '999999' : randomUUID()));
  const payload = bodies[route];
  return { method, url, headers: { 'if-match': '"1"' }, ...(payload ? { payload } : {}) };
}

/**
 * Access-log rows an allowed call writes: reading the access log is itself logged, and a referral
 * that is not there (these ids are made up) is logged as a refusal.
 */
const rowsWhenAllowed: Record<string, number> = {
  'GET /api/admin/access-log': 1,
  'GET /api/admin/privacy-alerts': 1,
  'GET /api/referrals/:referralId': 1,
  'POST /api/referrals/:referralId/break-glass': 1,
  'POST /api/referrals': 1,
  'GET /api/my-referrals': 1,
  'POST /api/my-referrals/:referralId/information': 1,
  'GET /api/triage/queue': 1,
  'GET /api/triage/referrals/:referralId': 1,
  'POST /api/triage/referrals/:referralId/decisions': 1,
  'PUT /api/triage/referrals/:referralId/lead-worker': 1,
  'POST /api/children/:childId/merges': 1,
  'POST /api/child-links/:linkId/undo': 1,
  'GET /api/dev/outbox': 1,
  // A school nobody reaches answers 404 and logs the refusal.
  'GET /api/schools/:urn/dashboard': 1,
  'GET /api/schools/:urn/whole-school': 1,
  'POST /api/schools/:urn/plan-actions': 1,
  'PUT /api/schools/:urn/plan-actions/:actionId': 1,
  'POST /api/schools/:urn/group-sessions': 1,
  'POST /api/schools/:urn/consultations': 1,
  'POST /api/schools/:urn/link-meetings': 1,
  'GET /api/schools/:urn/surveys': 1,
  'POST /api/schools/:urn/surveys': 1,
  'GET /api/mhst/teams/:teamId/referrals/:referralId': 1,
  'POST /api/mhst/teams/:teamId/referrals/:referralId/allocations': 1,
  'PUT /api/mhst/teams/:teamId/referrals/:referralId/preferences': 1,
  'GET /api/caseload': 1,
  'GET /api/consultation-line/calls': 1,
  'GET /api/caseload/:referralId': 1,
  'POST /api/caseload/:referralId/contacts': 1,
  'PUT /api/caseload/:referralId/contacts/:contactId/attendance': 1,
  'POST /api/caseload/:referralId/milestones': 1,
  'POST /api/caseload/:referralId/pauses': 1,
  ...caseworkRowsWhenAllowed,
};

describe.each(testDatabases)('the permission matrix on $name', (factory) => {
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  const sessions = new Map<StaffRole, { cookie: string; csrf: string; userId: string }>();

  const accessRows = async (userId: string | null, outcome?: string) => {
    const where = and(
      userId ? eq(accessLog.userId, userId) : undefined,
      outcome ? eq(accessLog.outcome, outcome) : undefined,
    );
    const [row] = await ctx.database.db.select({ n: count() }).from(accessLog).where(where);
    return Number(row?.n ?? 0);
  };

  beforeAll(async () => {
    ctx = await createTestApp(factory);
    for (const [index, role] of staffRoles.entries()) {
      const email = demoEmailFor(role);
      const remoteAddress = `10.1.0.${index + 1}`;
      const signIn = await ctx.app.inject({
        method: 'POST',
        url: '/api/session',
        remoteAddress,
        payload: { email, password: DEMO_PASSWORD },
      });
      let cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
      if (signIn.json().state === 'second-factor-required') {
        const secret = users.find((u) => u.email === email)?.totpSecret ?? '';
        const session = (await ctx.app.inject({ url: '/api/session', headers: { cookie } })).json();
        const code = await ctx.app.inject({
          method: 'POST',
          url: '/api/session/second-factor',
          remoteAddress,
          headers: { cookie, 'x-csrf-token': session.csrfToken },
          payload: { code: await generate({ secret }) },
        });
        expect(code.statusCode, `${role} second factor`).toBe(200);
        cookie = String(code.headers['set-cookie']).split(';')[0] ?? '';
      }
      const info = (await ctx.app.inject({ url: '/api/session', headers: { cookie } })).json();
      expect(info.state, role).toBe('signed-in');
      sessions.set(role, { cookie, csrf: info.csrfToken, userId: info.user.id });
    }
  }, 120_000);
  afterAll(() => ctx?.dispose());

  it.each(protectedRoutes)('%s refuses anonymous callers with 401 and logs nothing', async (route) => {
    const before = await accessRows(null);
    const response = await ctx.app.inject(sample(route));
    expect(response.statusCode).toBe(401);
    expect(await accessRows(null)).toBe(before);
  });

  it.each(protectedRoutes)('%s allows exactly the roles with its permission', async (route, permission) => {
    const unexpected: string[] = [];
    for (const role of staffRoles) {
      const session = sessions.get(role);
      if (!session) throw new Error(`${role} did not sign in`);
      const isAllowed = permissionsOfRoles([role]).has(permission as never);
      const before = await accessRows(session.userId);
      const deniedBefore = await accessRows(session.userId, 'denied');
      const { headers, ...request } = sample(route);
      const response = await ctx.app.inject({
        ...request,
        headers: { ...headers, cookie: session.cookie, 'x-csrf-token': session.csrf },
      });
      const written = (await accessRows(session.userId)) - before;
      const denied = (await accessRows(session.userId, 'denied')) - deniedBefore;
      if (
        isAllowed &&
        ([401, 403].includes(response.statusCode) || written !== (rowsWhenAllowed[route] ?? 0))
      ) {
        unexpected.push(`${role}: expected allowed, got ${response.statusCode} with ${written} access rows`);
      }
      if (!isAllowed && (response.statusCode !== 403 || written !== 1 || denied !== 1)) {
        unexpected.push(
          `${role}: expected 403 and one denied row, got ${response.statusCode} and ${written}`,
        );
      }
    }
    expect(unexpected).toEqual([]);
  });

  it('lets every signed-in role sign itself out everywhere', async () => {
    for (const role of staffRoles) {
      const session = sessions.get(role);
      const response = await ctx.app.inject({
        method: 'DELETE',
        url: '/api/sessions',
        headers: { cookie: session?.cookie ?? '', 'x-csrf-token': session?.csrf ?? '' },
      });
      expect(response.statusCode, role).toBe(200);
      expect(response.json().endedSessions, role).toBeGreaterThanOrEqual(1);
    }
  });

  it('needs a second factor for exactly the roles marked so', () => {
    const needing = staffRoles.filter((role) => roleDefinitions[role].requiresSecondFactor);
    expect(needing).not.toContain('school-staff-referrer');
    expect(needing).toContain('privacy-officer');
    expect(needing).not.toContain('professional-referrer');
    expect(needing.length).toBe(14);
  });
});
