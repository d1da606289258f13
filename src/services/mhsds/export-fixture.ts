import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { systemScope } from '../../access/scope.js';
import type { LanternDb } from '../../db/client.js';
import {
  careContacts,
  children,
  childSchools,
  episodes,
  groupSessions,
  measureResponses,
  onlineAccounts,
  onlineChats,
  onlineServices,
  onwardReferrals,
  referrals,
  services,
  teams,
} from '../../db/schema/index.js';
import { withScope } from '../../db/scoped.js';

// A small hand-made data set for the MHSDS-shaped export's tests: one young person with a referral
// in October 2026 (two contacts, one not attended; a discharge; two questionnaires; a step up), a
// second young person whose referral from September is still open, one that falls after the
// period, a classroom workshop and an online drop-in chat. Free text holds formula-looking words,
// which must never reach a CSV.

export const FIXTURE = {
  from: '2026-10-01',
  to: '2026-10-31',
  nhsNumber: '9990000018',
  reference: 'LV-MHSDS-01',
  openReference: 'LV-MHSDS-02',
  laterReference: 'LV-MHSDS-03',
};

export interface FixtureIds {
  childId: string;
  secondChildId: string;
  schoolUrn: number;
  contactIds: [string, string];
  groupSessionId: string;
  chatId: string;
  organisationCode: string;
}

export async function writeMhsdsFixture(
  db: LanternDb,
  organisationId: string,
  staffUserId: string,
): Promise<FixtureIds> {
  return withScope(db, systemScope('test fixture'), async (tx) => {
    const [service] = await tx
      .select({ id: services.id, teamId: teams.id })
      .from(services)
      .innerJoin(teams, eq(teams.serviceId, services.id))
      .where(and(eq(services.providerId, organisationId), eq(services.kind, 'mhst')))
      .limit(1);
    if (!service) throw new Error('the demo trust has no MHST');
    const school = await tx.execute(sql`select min(urn) as urn from schools`);
    const schoolUrn = Number((school as unknown as { rows: { urn: number }[] }).rows[0]?.urn);
    const code = await tx.execute(sql`select code from organisations where id = ${organisationId}::uuid`);
    const organisationCode = String((code as unknown as { rows: { code: string }[] }).rows[0]?.code);

    const childId = randomUUID();
    const secondChildId = randomUUID();
    await tx.insert(children).values([
      {
        id: childId,
        givenName: 'Ada',
        familyName: '=HYPERLINK("http://example.invalid")',
        dateOfBirth: '2012-03-27',
        nhsNumber: FIXTURE.nhsNumber,
        gender: 'female',
        ethnicity: 'A',
        isFictional: true,
      },
      {
        id: secondChildId,
        givenName: 'Ben',
        familyName: 'Stone',
        dateOfBirth: '2011-06-01',
        isFictional: true,
      },
    ]);
    await tx.insert(childSchools).values({ childId, schoolUrn, fromDate: '2020-09-01' });

    const base = { organisationId, serviceId: service.id, teamId: service.teamId, isUrgent: false };
    const referralId = randomUUID();
    const openId = randomUUID();
    await tx.insert(referrals).values([
      {
        ...base,
        id: referralId,
        reference: FIXTURE.reference,
        childId,
        receivedAt: new Date('2026-10-02T08:30:00Z'),
        source: 'school',
        schoolUrn,
        status: 'discharged',
        presentingNeeds: ['anxiety', 'sleep'],
        priority: 'routine',
        needDescription: '@SUM(1+1) worried all the time',
      },
      {
        ...base,
        id: openId,
        reference: FIXTURE.openReference,
        childId: secondChildId,
        receivedAt: new Date('2026-09-10T10:00:00Z'),
        source: 'self',
        serviceId: null,
        teamId: null,
        isUrgent: true,
      },
      {
        ...base,
        reference: FIXTURE.laterReference,
        childId: secondChildId,
        receivedAt: new Date('2026-11-05T10:00:00Z'),
        source: 'gp',
      },
    ]);
    await tx.insert(episodes).values({
      referralId,
      openedAt: new Date('2026-10-05T09:00:00Z'),
      openedBy: staffUserId,
      intervention: 'guided-self-help-anxiety',
      status: 'discharged',
      closedAt: new Date('2026-10-28T15:00:00Z'),
      closedBy: staffUserId,
      closeReason: 'goals-met',
      closeOutcome: 'improved',
      closeSummary: '-1+1 summary text',
    });
    const contactIds: [string, string] = [randomUUID(), randomUUID()];
    const contact = { referralId, practitionerUserId: staffUserId, recordedBy: staffUserId };
    await tx.insert(careContacts).values([
      {
        ...contact,
        id: contactIds[0],
        startsAt: new Date('2026-10-09T09:00:00Z'),
        schoolUrn,
        attendStatus: 'attended',
        medium: 'in-person',
        recordedAt: new Date('2026-10-09T10:00:00Z'),
      },
      {
        ...contact,
        id: contactIds[1],
        startsAt: new Date('2026-10-16T09:00:00Z'),
        attendStatus: 'did-not-attend',
        medium: 'video',
        recordedAt: new Date('2026-10-16T10:00:00Z'),
      },
    ]);
    const measure = {
      referralId,
      instrumentVersion: '1',
      respondent: 'self',
      answers: {},
      recordedBy: staffUserId,
    };
    await tx.insert(measureResponses).values([
      {
        ...measure,
        instrumentId: 'gad-7',
        total: 12,
        completedAt: new Date('2026-10-09T09:30:00Z'),
        via: 'in-session',
        contactId: contactIds[0],
      },
      {
        ...measure,
        instrumentId: 'phq-9',
        total: 8,
        completedAt: new Date('2026-10-20T12:00:00Z'),
        via: 'link',
      },
    ]);
    await tx.insert(onwardReferrals).values({
      referralId,
      direction: 'step-up',
      serviceName: '=Community CAMHS',
      reason: 'Needs more specialist help',
      referredAt: new Date('2026-10-28T14:00:00Z'),
      recordedAt: new Date('2026-10-28T14:00:00Z'),
      recordedBy: staffUserId,
    });
    const groupSessionId = randomUUID();
    await tx.insert(groupSessions).values({
      id: groupSessionId,
      schoolUrn,
      teamId: service.teamId,
      kind: 'classroom-workshop',
      topic: '+Exam stress',
      heldAt: new Date('2026-10-14T10:00:00Z'),
      attendeeCount: 28,
      deliveredBy: 'MHST',
      recordedAt: new Date('2026-10-14T12:00:00Z'),
      recordedBy: staffUserId,
    });
    const onlineServiceId = randomUUID();
    await tx.insert(onlineServices).values({
      id: onlineServiceId,
      organisationId,
      name: 'Trust online support',
      openingHours: [],
    });
    const accountId = randomUUID();
    await tx.insert(onlineAccounts).values({
      id: accountId,
      serviceId: onlineServiceId,
      organisationId,
      username: 'mhsds-fixture',
      usernameKey: 'mhsds-fixture',
      passwordHash: 'not-a-real-hash',
      ageAtSignUp: 14,
      gender: 'girl',
      heardFrom: 'school',
      signedUpAt: new Date('2026-10-01T17:00:00Z'),
    });
    const chatId = randomUUID();
    await tx.insert(onlineChats).values({
      id: chatId,
      serviceId: onlineServiceId,
      accountId,
      kind: 'drop-in',
      status: 'ended',
      queuedAt: new Date('2026-10-10T18:00:00Z'),
      takenAt: new Date('2026-10-10T18:20:00Z'),
      endedAt: new Date('2026-10-10T19:00:00Z'),
      counsellorUserId: staffUserId,
    });
    return { childId, secondChildId, schoolUrn, contactIds, groupSessionId, chatId, organisationCode };
  });
}
