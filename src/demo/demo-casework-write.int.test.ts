import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../access/scope.js';
import { careContacts } from '../db/schema/casework.js';
import { contactNotes, episodes, noteSignOffs } from '../db/schema/episodes.js';
import { measureResponses, questionnaireLinks } from '../db/schema/measures.js';
import { safeguardingConcerns } from '../db/schema/safeguarding.js';
import { withScope } from '../db/scoped.js';
import { type TestDatabase, testDatabases } from '../test-support/databases.js';
import { buildDemoArea } from './demo-area.js';
import { DEMO_QUESTIONNAIRE_SECRET } from './demo-casework.js';
import { writeDemoArea } from './write-demo-area.js';

const SEED = 11;

describe.each(testDatabases)('the demo case records written to $name', (factory) => {
  let testDb: TestDatabase;
  const built = buildDemoArea({ seed: SEED, scale: 1 });
  const asSystem = <T>(work: Parameters<typeof withScope<T>>[2]) =>
    withScope(testDb.database.db, systemScope('demo test'), work);
  const count = (table: Parameters<ReturnType<typeof testDb.database.db.select>['from']>[0]) =>
    asSystem(async (tx) => (await tx.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0);
  beforeAll(async () => {
    testDb = await factory.create();
    await writeDemoArea(testDb.database, { seed: SEED, scale: 1 });
  });
  afterAll(() => testDb?.dispose());

  it('stores every episode, note, sign-off, measure and concern that was built', async () => {
    const records = built.caseRecords;
    expect(await count(episodes)).toBe(records.episodes.length);
    expect(await count(contactNotes)).toBe(records.contactNotes.length);
    expect(await count(noteSignOffs)).toBe(records.noteSignOffs.length);
    expect(await count(measureResponses)).toBe(records.measureResponses.length);
    expect(await count(safeguardingConcerns)).toBe(records.safeguardingConcerns.length);
    expect(records.episodes.length).toBeGreaterThan(300);
    // The contacts keep their number, and say how they happened.
    expect(await count(careContacts)).toBe(built.casework.careContacts.length);
    const media = await asSystem((tx) =>
      tx.selectDistinct({ medium: careContacts.medium }).from(careContacts).orderBy(careContacts.medium),
    );
    expect(media.map((m) => m.medium)).toEqual(['in-person', 'phone', 'video']);
  });

  it('keeps the known questionnaire link open', async () => {
    const hash = createHash('sha256').update(DEMO_QUESTIONNAIRE_SECRET).digest('hex');
    const rows = await asSystem((tx) =>
      tx
        .select({ answeredAt: questionnaireLinks.answeredAt, respondent: questionnaireLinks.respondent })
        .from(questionnaireLinks)
        .where(eq(questionnaireLinks.linkHash, hash)),
    );
    expect(rows).toEqual([{ answeredAt: null, respondent: 'self' }]);
  });
});
