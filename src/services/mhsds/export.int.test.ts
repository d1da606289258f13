import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import * as mhsds from '../../db/repositories/mhsds.repository.js';
import { accessLog, auditLog } from '../../db/schema/audit.js';
import { withScope } from '../../db/scoped.js';
import { demoEmailFor } from '../../demo/demo-staff.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import {
  asSession,
  enrolledDemoUser,
  type Session,
  signIn,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';
import { londonDayStart } from '../schools/school-work.js';
import { FIXTURE, type FixtureIds, writeMhsdsFixture } from './export-fixture.js';

// The MHSDS-shaped export on a small hand-made data set: exact rows and codes in every CSV, who may
// download it, and what the access log and audit trail keep (counts, never a child's details).
describe.each(testDatabases)('the MHSDS-shaped export on $name', (factory) => {
  const clock = testClock('2026-11-23T10:00:00Z');
  const period = `?from=${FIXTURE.from}&to=${FIXTURE.to}`;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let manager: Session;
  let commissioner: Session;
  let ids: FixtureIds;
  const managerUser = enrolledDemoUser('service-manager');

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now });
    ids = await writeMhsdsFixture(ctx.database.db, managerUser.organisationId, managerUser.id);
    manager = await signInWithTotp(ctx.app, managerUser, { remoteAddress: '10.8.0.1', now: clock.now });
    commissioner = await signIn(ctx.app, demoEmailFor('commissioner'), { remoteAddress: '10.8.0.2' });
  }, 300_000);
  afterAll(() => ctx?.dispose());

  const get = (session: Session, url: string) =>
    ctx.app.inject({ method: 'GET', url, ...asSession(session) });
  const lines = (body: string) => body.split('\r\n').filter((line) => line !== '');

  /** The header, then the records in any order (ids are random, and rows come in id order). */
  async function expectCsv(table: string, header: string, records: string[]) {
    const response = await get(manager, `/api/exports/mhsds/${table}.csv${period}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="lantern-mhsds-${table}-${FIXTURE.from}-to-${FIXTURE.to}.csv"`,
    );
    const [first, ...rest] = lines(response.body);
    expect(first).toBe(header);
    expect(rest.sort()).toEqual([...records].sort());
    return response.body;
  }

  it('lists every table with its row count and a download link, and logs the read once', async () => {
    const before = await ctx.database.db
      .select()
      .from(accessLog)
      .where(eq(accessLog.userId, managerUser.id))
      .orderBy(asc(accessLog.id));
    const response = await get(manager, `/api/exports/mhsds${period}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const list = response.json();
    expect(list.notice).toMatch(/^This is not an accredited MHSDS submission\./);
    const counts = Object.fromEntries(
      list.tables.map((t: { name: string; rows: number }) => [t.name, t.rows]),
    );
    expect(counts).toEqual({
      MHS001MPI: 2,
      MHS101Referral: 2,
      MHS102OtherServiceType: 1,
      MHS105OnwardReferral: 1,
      MHS201CareContact: 2,
      MHS202CareActivity: 1,
      MHS301GroupSession: 1,
      MHS302MHDropInContact: 1,
      MHS606CodedScoreAssessmentRefer: 1,
      MHS607CodedScoreAssessmentAct: 1,
    });
    expect(list.tables[0].href).toBe(`/api/exports/mhsds/MHS001MPI.csv${period}`);
    const after = await ctx.database.db
      .select()
      .from(accessLog)
      .where(eq(accessLog.userId, managerUser.id))
      .orderBy(asc(accessLog.id));
    const written = after.slice(before.length);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      subjectKind: 'mhsds-export',
      action: 'mhsds:export',
      outcome: 'allowed',
    });
    expect(written[0]?.reason).toContain('2026-10-01 to 2026-10-31');
    expect(written[0]?.reason).toContain('MHS201CareContact 2');
  });

  it('writes the person and referral tables with exact codes', async () => {
    const org = ids.organisationCode;
    await expectCsv(
      'MHS001MPI',
      'LocalPatientId,OrgIDLocalPatientId,NHSNumber,PersonBirthDate,GenderIDCode,EthnicCategory,OrgIDEduEstab',
      [
        `${ids.childId},${org},${FIXTURE.nhsNumber},2012-03-27,2,A,${ids.schoolUrn}`,
        `${ids.secondChildId},${org},,2011-06-01,X,99,`,
      ],
    );
    await expectCsv(
      'MHS101Referral',
      'ServiceRequestId,LocalPatientId,OrgIDProv,ReferralRequestReceivedDate,ReferralRequestReceivedTime,SourceOfReferralMH,PrimReasonReferralMH,ClinRespPriorityType,ServDischDate,ReferRejectionDate,LanternClosureReason',
      [
        `${FIXTURE.reference},${ids.childId},${org},2026-10-02,09:30:00,LANTERN:school,LANTERN:anxiety,3,2026-10-28,,LANTERN:goals-met`,
        `${FIXTURE.openReference},${ids.secondChildId},${org},2026-09-10,11:00:00,LANTERN:self,,2,,,`,
      ],
    );
    await expectCsv('MHS102OtherServiceType', 'ServiceRequestId,ServTeamTypeRefToMH,ReferClosureDate', [
      `${FIXTURE.reference},LANTERN:mhst,2026-10-28`,
    ]);
    await expectCsv(
      'MHS105OnwardReferral',
      'ServiceRequestId,OnwardReferDate,OrgIDReceiving,LanternOnwardDirection',
      [`${FIXTURE.reference},2026-10-28,,LANTERN:step-up`],
    );
  });

  it('writes contacts, care activities, group sessions, drop-ins and scores with exact codes', async () => {
    const [attended, missed] = ids.contactIds;
    const org = ids.organisationCode;
    await expectCsv(
      'MHS201CareContact',
      'CareContactId,ServiceRequestId,LocalPatientId,CareContDate,CareContTime,ConsMechanismMH,AttendStatus,GroupTherapyInd',
      [
        `${attended},${FIXTURE.reference},${ids.childId},2026-10-09,10:00:00,01,5,N`,
        `${missed},${FIXTURE.reference},${ids.childId},2026-10-16,10:00:00,11,3,N`,
      ],
    );
    await expectCsv('MHS202CareActivity', 'CareActId,CareContactId,ServiceRequestId,LanternIntervention', [
      `${attended},${attended},${FIXTURE.reference},LANTERN:guided-self-help-anxiety`,
    ]);
    await expectCsv(
      'MHS301GroupSession',
      'GroupSessId,OrgIDProv,GroupSessDate,NumberOfGroupSessParticip,LanternGroupSessionType,LanternSchoolUrn',
      [`${ids.groupSessionId},${org},2026-10-14,28,LANTERN:classroom-workshop,${ids.schoolUrn}`],
    );
    await expectCsv(
      'MHS302MHDropInContact',
      'MHDropInContId,OrgIDProv,MHDropInContDate,ConsMechanismMH,GenderIDCode,LanternAgeAtSignUp',
      [`${ids.chatId},${org},2026-10-10,10,2,14`],
    );
    await expectCsv(
      'MHS606CodedScoreAssessmentRefer',
      'ServiceRequestId,CodedAssToolType,PersScore,AssToolCompTimestamp,LanternRespondent',
      [`${FIXTURE.reference},LANTERN:phq-9,8,2026-10-20T13:00:00,self`],
    );
    const body = await expectCsv(
      'MHS607CodedScoreAssessmentAct',
      'CareActId,ServiceRequestId,CodedAssToolType,PersScore,AssToolCompTimestamp,LanternRespondent',
      [`${attended},${FIXTURE.reference},LANTERN:gad-7,12,2026-10-09T10:30:00,self`],
    );
    expect(body).not.toContain('HYPERLINK');
  });

  it('logs one access row and one audit row per download, with counts and no personal data', async () => {
    const before = await ctx.database.db
      .select()
      .from(accessLog)
      .where(eq(accessLog.userId, managerUser.id))
      .orderBy(asc(accessLog.id));
    const response = await get(manager, `/api/exports/mhsds/MHS201CareContact.csv${period}`);
    expect(response.statusCode).toBe(200);
    const after = await ctx.database.db
      .select()
      .from(accessLog)
      .where(eq(accessLog.userId, managerUser.id))
      .orderBy(asc(accessLog.id));
    const written = after.slice(before.length);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      subjectKind: 'mhsds-export',
      subjectId: 'MHS201CareContact',
      basis: 'record-level-export',
      reason: 'MHS201CareContact 2026-10-01 to 2026-10-31: 2 rows',
    });
    const audits = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'mhsds-export'), eq(auditLog.userId, managerUser.id)))
      .orderBy(asc(auditLog.id));
    expect(audits.at(-1)?.after).toEqual({
      table: 'MHS201CareContact',
      from: '2026-10-01',
      to: '2026-10-31',
      rows: 2,
    });
    const logged = JSON.stringify([written, audits]);
    for (const secret of [FIXTURE.nhsNumber, FIXTURE.reference, ids.childId])
      expect(logged).not.toContain(secret);
  });

  it('refuses commissioners, and answers problems that name the field', async () => {
    expect((await get(commissioner, `/api/exports/mhsds${period}`)).statusCode).toBe(403);
    expect((await get(commissioner, `/api/exports/mhsds/MHS001MPI.csv${period}`)).statusCode).toBe(403);
    expect((await get(commissioner, '/api/exports/mhsds/dictionary.csv')).statusCode).toBe(403);
    const unknown = await get(manager, `/api/exports/mhsds/MHS999Nothing.csv${period}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const cases = [
      ['?from=2026-10-31&to=2026-10-01', 'from'],
      ['?from=2025-10-01&to=2026-10-01', 'to'],
      ['?from=2026-10-01', 'to'],
      ['?from=2026-02-30&to=2026-10-01', 'from'],
    ] as const;
    for (const [query, field] of cases) {
      const response = await get(manager, `/api/exports/mhsds${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(JSON.stringify(response.json()), query).toContain(`"${field}"`);
    }
  });

  it('defaults to the last whole month', async () => {
    const response = await get(manager, '/api/exports/mhsds');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ from: '2026-10-01', to: '2026-10-31' });
  });

  it('serves the data dictionary with a row for every column of every table', async () => {
    const response = await get(manager, '/api/exports/mhsds/dictionary.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const [header] = lines(response.body);
    expect(header).toBe('Table,Column,Standing,Meaning,Source in Lantern,Code list,Codes,Notes');
    expect(response.body).toContain('MHS201CareContact,AttendStatus,MHSDS data item');
    expect(response.body).toContain('3 = Did not attend: no advance warning given [Lantern: did-not-attend]');
  });

  it('reads a page at a time in id order, and every page together is the whole table', async () => {
    const where = {
      organisationId: managerUser.organisationId,
      since: londonDayStart(FIXTURE.from),
      until: londonDayStart('2026-11-01'),
      lastDay: FIXTURE.to,
    };
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: { rows: { contactId: string }[]; next: string | null } = await withScope(
        ctx.database.db,
        systemScope('test'),
        (tx) => mhsds.pageRows(tx, 'MHS201CareContact', where, after, 1),
      );
      seen.push(...page.rows.map((r) => r.contactId));
      after = page.next;
      pages += 1;
    } while (after !== null && pages < 10);
    expect(seen).toEqual([...ids.contactIds].sort());
    expect(pages).toBe(3);
  });
});
