import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { systemScope } from '../src/access/scope.js';
import { WAITING_PAGE_SIZE } from '../src/contracts/mhst.js';
import { insertInChunks } from '../src/db/bulk-insert.js';
import type { Database } from '../src/db/client.js';
import * as waiting from '../src/db/repositories/waiting.repository.js';
import { teamSchools } from '../src/db/schema/organisations.js';
import { children } from '../src/db/schema/people.js';
import { referrals } from '../src/db/schema/referrals.js';
import { withScope } from '../src/db/scoped.js';
import type { DemoArea } from '../src/demo/demo-area.js';
import { DEMO_PASSWORD, demoEmailFor } from '../src/demo/demo-staff.js';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { suggestionsFor } from '../src/services/allocation/allocation-view.js';
import { paceOf } from '../src/services/allocation/waiting-list.js';

// Issue 5: with 2,000 referrals waiting across the demo area's 60 MHST schools, the waiting list and
// the suggestion views must answer within 200 ms at the 95th percentile on PGlite.

export interface Latency {
  label: string;
  requests: number;
  p50ms: number;
  p95ms: number;
  p99ms: number;
}

const DAY = 86_400_000;

function quantiles(label: string, samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { label, requests: sorted.length, p50ms: at(0.5), p95ms: at(0.95), p99ms: at(0.99) };
}

/** Runs `call` `count` times from `concurrency` loops; each sample is one call's wall time. */
async function measure(
  label: string,
  count: number,
  concurrency: number,
  call: (n: number) => Promise<void>,
) {
  const samples: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const n = next++;
        const start = performance.now();
        await call(n);
        samples.push(performance.now() - start);
      }
    }),
  );
  return quantiles(label, samples);
}

/** Tops the demo area up to `wanted` referrals awaiting allocation, spread over every MHST school. */
export async function addWaitingReferrals(database: Database, area: DemoArea, wanted: number, now: Date) {
  const served = await withScope(database.db, systemScope('benchmark'), (tx) =>
    tx.select().from(teamSchools),
  );
  const service = area.organisations.services.find((s) => s.kind === 'mhst');
  if (!service?.id) throw new Error('the demo area has no MHST service');
  const total = wanted - (await awaitingAllocation(database, service.id));
  const mhstTeams = new Set(
    area.organisations.teams.filter((t) => t.serviceId === service.id).map((t) => t.id),
  );
  const places = served.filter((s) => mhstTeams.has(s.teamId));
  const kids: (typeof children.$inferInsert)[] = [];
  const rows: (typeof referrals.$inferInsert)[] = [];
  for (let n = 0; n < total; n += 1) {
    const place = places[n % places.length];
    if (!place) throw new Error('the demo area has no MHST schools');
    const childId = randomUUID();
    kids.push({
      id: childId,
      givenName: `Bench${n}`,
      familyName: `Waiting${n % 97}`,
      dateOfBirth: `20${String(10 + (n % 6)).padStart(2, '0')}-0${1 + (n % 9)}-1${n % 9}`,
      isFictional: true,
    });
    rows.push({
      id: randomUUID(),
      reference: `LV-B${n.toString(36).toUpperCase().padStart(5, '0')}`,
      childId,
      receivedAt: new Date(now.getTime() - ((n * 7919) % (56 * DAY))),
      source: 'school',
      schoolUrn: place.schoolUrn,
      organisationId: service.providerId,
      serviceId: service.id,
      teamId: place.teamId,
      status: 'accepted',
      presentingNeeds: ['anxiety'],
      priority: 'routine',
    });
  }
  await withScope(database.db, systemScope('benchmark'), async (tx) => {
    await insertInChunks(tx, children, kids);
    await insertInChunks(tx, referrals, rows);
  });
}

/** Referrals accepted to the MHST service and not yet allocated, across the area. */
async function awaitingAllocation(database: Database, serviceId: string): Promise<number> {
  const rows = await withScope(database.db, systemScope('benchmark'), (tx) =>
    tx
      .select({ id: referrals.id })
      .from(referrals)
      .where(and(eq(referrals.status, 'accepted'), eq(referrals.serviceId, serviceId))),
  );
  return rows.length;
}

/** Signs the named team manager in (password and TOTP) and returns the cookie and their team. */
async function signInManager(app: Awaited<ReturnType<typeof buildApp>>, area: DemoArea) {
  const email = demoEmailFor('mhst-team-manager');
  const user = area.identity.users.find((u) => u.email === email);
  const teamId = area.identity.userRoles.find((g) => g.userId === user?.id)?.teamId;
  if (!user?.totpSecret || !teamId) throw new Error('no enrolled team manager in the demo area');
  const first = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { email, password: DEMO_PASSWORD },
  });
  let cookie = String(first.headers['set-cookie']).split(';')[0] ?? '';
  const session = (await app.inject({ url: '/api/session', headers: { cookie } })).json();
  const code = await app.inject({
    method: 'POST',
    url: '/api/session/second-factor',
    headers: { cookie, 'x-csrf-token': session.csrfToken },
    payload: { code: await generate({ secret: user.totpSecret }) },
  });
  if (code.statusCode !== 200) throw new Error(`second factor refused: ${code.body}`);
  cookie = String(code.headers['set-cookie']).split(';')[0] ?? '';
  return { cookie, teamId };
}

export async function benchWaitingList(
  database: Database,
  area: DemoArea,
  options: { waiting: number; requests: number; concurrency: number },
) {
  const now = new Date();
  await addWaitingReferrals(database, area, options.waiting, now);
  const app = await buildApp(testConfig(), { database });
  try {
    const { cookie, teamId } = await signInManager(app, area);
    const scope = systemScope('benchmark baseline');
    const trayRows = await withScope(database.db, scope, (tx) =>
      waiting.waitingRows(tx, { teamId, statuses: ['accepted'] }),
    );
    const ids = trayRows.map((r) => r.referralId);
    const waitingInArea = await awaitingAllocation(
      database,
      area.organisations.services.find((s) => s.kind === 'mhst')?.id ?? '',
    );
    const get = async (url: string) => {
      const response = await app.inject({ url, headers: { cookie } });
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    };
    const { requests, concurrency } = options;
    const label = (what: string) => `${what} (${concurrency} at once)`;
    const figures = {
      waitingInTeam: trayRows.length,
      waitingInArea,
      listBaseline: await measure(label('waiting list: repository reads only'), requests, concurrency, () =>
        withScope(database.db, scope, async (tx) => {
          await waiting.waitingRows(tx, { teamId, statuses: ['accepted'], limit: WAITING_PAGE_SIZE });
          await waiting.statusCounts(tx, teamId, [
            'accepted',
            'allocated',
            'in-intervention',
            'group-waiting-list',
          ]);
          await paceOf(tx, teamId, now);
        }),
      ),
      list: await measure(label('GET waiting list (endpoint)'), requests, concurrency, () =>
        get(`/api/mhst/teams/${teamId}/waiting-list?tray=awaiting-allocation`),
      ),
      suggestionsBaseline: await measure(
        label('suggestions: repository reads + ranking'),
        requests,
        concurrency,
        (n) =>
          withScope(database.db, scope, async (tx) => {
            const row = trayRows[n % trayRows.length];
            if (row) await suggestionsFor(tx, teamId, row, { practitionerGender: null, language: null });
          }),
      ),
      suggestions: await measure(
        label('GET allocation view with suggestions (endpoint)'),
        requests,
        concurrency,
        (n) => get(`/api/mhst/teams/${teamId}/referrals/${ids[n % ids.length]}`),
      ),
    };
    return figures;
  } finally {
    await app.close();
  }
}
