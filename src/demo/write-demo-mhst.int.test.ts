import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../access/scope.js';
import { allocations } from '../db/schema/mhst.js';
import { teams } from '../db/schema/organisations.js';
import { referrals } from '../db/schema/referrals.js';
import { confidenceSurveys } from '../db/schema/schools.js';
import { withScope } from '../db/scoped.js';
import { type TestDatabase, testDatabases } from '../test-support/databases.js';
import { DEMO_SURVEY_SECRET } from './demo-schools-work-surveys.js';
import { type DemoSummary, writeDemoArea } from './write-demo-area.js';

describe.each(testDatabases)('the demo MHSTs written to $name', (factory) => {
  let testDb: TestDatabase;
  let summary: DemoSummary;
  const asSystem = <T>(work: Parameters<typeof withScope<T>>[2]) =>
    withScope(testDb.database.db, systemScope('demo test'), work);
  beforeAll(async () => {
    testDb = await factory.create();
    summary = await writeDemoArea(testDb.database, { seed: 11, scale: 1 });
  });
  afterAll(() => testDb?.dispose());

  it('stores each team’s waiting list in the statuses the allocation services read', async () => {
    expect(summary.referrals).toBeGreaterThan(1_100);
    const rows = await asSystem((tx) =>
      tx
        .select({ team: teams.name, status: referrals.status, count: sql<number>`count(*)::int` })
        .from(referrals)
        .innerJoin(teams, eq(teams.id, referrals.teamId))
        .where(inArray(referrals.status, ['accepted', 'allocated', 'group-waiting-list', 'in-intervention']))
        .groupBy(teams.name, referrals.status),
    );
    const mhst = rows.filter((r) => r.team.endsWith('MHST'));
    expect(new Set(mhst.map((r) => r.team)).size).toBe(3);
    const count = (team: string, status: string) =>
      mhst.find((r) => r.team === team && r.status === status)?.count ?? 0;
    for (const team of new Set(mhst.map((r) => r.team))) {
      expect(count(team, 'accepted')).toBeGreaterThanOrEqual(25);
      expect(count(team, 'allocated')).toBeGreaterThanOrEqual(15);
      expect(count(team, 'group-waiting-list')).toBeGreaterThanOrEqual(5);
      expect(count(team, 'in-intervention')).toBeGreaterThan(0);
    }
    const unallocated = await asSystem((tx) =>
      tx
        .select({ id: referrals.id })
        .from(referrals)
        .leftJoin(allocations, and(eq(allocations.referralId, referrals.id), isNull(allocations.endedAt)))
        .where(and(inArray(referrals.status, ['allocated', 'in-intervention']), isNull(allocations.id))),
    );
    expect(unallocated).toHaveLength(0);
  });

  it('keeps the known survey link for browser tests', async () => {
    const hash = await asSystem((tx) =>
      tx
        .select({ phase: confidenceSurveys.phase })
        .from(confidenceSurveys)
        .where(eq(confidenceSurveys.linkHash, createHash('sha256').update(DEMO_SURVEY_SECRET).digest('hex'))),
    );
    expect(hash).toEqual([{ phase: 'after' }]);
  });
});
