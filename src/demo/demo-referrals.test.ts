import { en, en_GB, Faker } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { ageOn, londonDate } from '../domain/people/child-details.js';
import { normaliseNhsNumber } from '../domain/people/nhs-number.js';
import { openStatuses, type ReferralStatus } from '../domain/referrals/triage-decisions.js';
import { buildDemoArea, DEFAULT_DEMO_NOW } from './demo-area.js';
import { buildDemoReferrals } from './demo-referrals.js';

const DAY = 86_400_000;
const now = DEFAULT_DEMO_NOW;
const { organisations, identity, frontDoor } = buildDemoArea({ seed: 42, scale: 1, referralMonths: 0 });
const build = (seed: number) => {
  const faker = new Faker({ locale: [en_GB, en] });
  faker.seed(seed);
  return buildDemoReferrals(faker, { organisations, identity, frontDoor }, { now, months: 18 });
};
const rows = build(1);
const childById = new Map(rows.children.map((c) => [c.id, c]));
const referralById = new Map(rows.referrals.map((r) => [r.id, r]));
const decisionsOf = (referralId: string) =>
  rows.triageDecisions
    .filter((d) => d.referralId === referralId)
    .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
const first = Math.min(...rows.referrals.map((r) => r.receivedAt.getTime()));

/** The share of decided referrals received in [from, to) whose newest decision is a decline. */
const declineShare = (from: number, to: number) => {
  const decided = rows.referrals.filter(
    (r) => r.receivedAt.getTime() >= from && r.receivedAt.getTime() < to && decisionsOf(r.id).length > 0,
  );
  return decided.filter((r) => decisionsOf(r.id).at(-1)?.kind === 'decline').length / decided.length;
};

describe('buildDemoReferrals', () => {
  it('gives the same rows for the same seed, and different ones for another', () => {
    expect(build(1)).toEqual(rows);
    expect(build(2).referrals.map((r) => r.reference)).not.toEqual(rows.referrals.map((r) => r.reference));
  });

  it('makes about 60 referrals a month, mostly from schools, all before now', () => {
    expect(rows.referrals.length).toBeGreaterThan(18 * 50);
    expect(rows.referrals.length).toBeLessThan(18 * 70);
    expect(rows.referrals.every((r) => r.receivedAt < now)).toBe(true);
    const share = (source: string) =>
      rows.referrals.filter((r) => r.source === source).length / rows.referrals.length;
    expect(share('school')).toBeGreaterThan(0.38);
    expect(share('school')).toBeLessThan(0.52);
    const august = rows.referrals.filter((r) => r.receivedAt.toISOString().startsWith('2026-08')).length;
    const october = rows.referrals.filter((r) => r.receivedAt.toISOString().startsWith('2026-10')).length;
    expect(august).toBeLessThan(october / 2);
  });

  it('gives children synthetic NHS numbers that pass the modulus 11 check, to about 70% of them', () => {
    const numbers = rows.children.flatMap((c) => (c.nhsNumber ? [c.nhsNumber] : []));
    expect(numbers.every((n) => n.startsWith('999') && normaliseNhsNumber(n) === n)).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.length / rows.children.length).toBeGreaterThan(0.6);
    expect(numbers.length / rows.children.length).toBeLessThan(0.8);
  });

  it('refers only fictional children aged 4 to 18 who exist, at schools that teach their age', () => {
    const schools = new Map(organisations.schools.map((s) => [s.urn, s]));
    const schoolOfChild = new Map(rows.childSchools.map((cs) => [cs.childId, cs.schoolUrn]));
    expect(rows.children.every((c) => c.isFictional === true)).toBe(true);
    for (const referral of rows.referrals) {
      const child = childById.get(referral.childId);
      expect(child, referral.reference).toBeDefined();
      const age = ageOn(child?.dateOfBirth ?? '', londonDate(referral.receivedAt));
      expect(age).toBeGreaterThanOrEqual(4);
      expect(age).toBeLessThanOrEqual(18);
      // Only a school's own referrals carry its URN; every child has their school in child_schools.
      expect(referral.schoolUrn !== null, referral.reference).toBe(referral.source === 'school');
      const school = schools.get(schoolOfChild.get(referral.childId) ?? 0);
      expect(school && age >= (school.lowestAge ?? 0) && age <= (school.highestAge ?? 0)).toBe(true);
    }
    for (const row of [...rows.childSchools, ...rows.carers]) expect(childById.has(row.childId)).toBe(true);
    const again = rows.referrals.length - new Set(rows.referrals.map((r) => r.childId)).size;
    expect(again).toBeGreaterThan(10);
  });

  it('takes self-referrals only from young people of the published age', () => {
    const own = rows.referrals.filter((r) => r.source === 'self');
    expect(own.length).toBeGreaterThan(0);
    for (const referral of own) {
      const child = childById.get(referral.childId);
      expect(ageOn(child?.dateOfBirth ?? '', londonDate(referral.receivedAt))).toBeGreaterThanOrEqual(
        frontDoor.selfReferralMinAge,
      );
    }
  });

  it('gives every referral a unique reference in the published format', () => {
    const references = rows.referrals.map((r) => r.reference);
    expect(new Set(references).size).toBe(references.length);
    expect(references.every((r) => /^LV-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/.test(r))).toBe(true);
  });

  it('decides only on referrals received before the decision, and keeps each referral in step', () => {
    for (const decision of rows.triageDecisions) {
      const referral = referralById.get(decision.referralId);
      expect(referral).toBeDefined();
      expect(decision.recordedAt.getTime()).toBeGreaterThan(referral?.receivedAt.getTime() ?? Infinity);
      expect(decision.recordedAt < now).toBe(true);
    }
    const statusOf = {
      accept: 'accepted',
      signpost: 'signposted',
      decline: 'declined',
      mdt: 'awaiting-mdt',
      'more-information': 'more-information-requested',
    };
    for (const referral of rows.referrals) {
      const latest = decisionsOf(referral.id).at(-1);
      const answered = latest?.kind === 'more-information' && referral.informationRequestedAt === null;
      const status = latest && !answered ? statusOf[latest.kind as keyof typeof statusOf] : 'received';
      expect(referral.status, referral.reference).toBe(status);
      if (latest?.kind === 'accept') expect(referral.serviceId).toBe(latest.serviceId);
    }
  });

  it('declines fewer referrals as time goes on: the inappropriate referrals measure falls', () => {
    const firstQuarter = declineShare(first, first + 91 * DAY);
    const lastQuarter = declineShare(now.getTime() - 91 * DAY, now.getTime());
    expect(firstQuarter).toBeGreaterThan(lastQuarter);
    expect(firstQuarter).toBeGreaterThan(0.14);
    expect(lastQuarter).toBeLessThan(0.13);
  });

  it('leaves the newest referrals for triage, with no urgent one waiting', () => {
    const recent = rows.referrals.filter((r) => r.receivedAt.getTime() > now.getTime() - 21 * DAY);
    expect(recent.filter((r) => decisionsOf(r.id).length === 0).length).toBeGreaterThanOrEqual(30);
    const queue = rows.referrals.filter((r) => openStatuses.includes(r.status as ReferralStatus));
    expect(queue.length).toBeGreaterThanOrEqual(40);
    expect(queue.length).toBeLessThanOrEqual(80);
    expect(queue.some((r) => r.isUrgent || (r.priority !== null && r.priority !== 'routine'))).toBe(false);
  });

  it('discusses at MDT only referrals triage sent there, 3 to 8 at a meeting, and decides them after', () => {
    for (const item of rows.mdtAgendaItems) {
      const decisions = decisionsOf(item.referralId);
      expect(decisions.some((d) => d.kind === 'mdt')).toBe(true);
      const meeting = rows.mdtMeetings.find((m) => m.id === item.meetingId);
      const after = decisions.find((d) => d.mdtMeetingId === item.meetingId);
      expect(after && meeting && after.recordedAt > meeting.heldAt).toBe(true);
    }
    for (const meeting of rows.mdtMeetings) {
      const items = rows.mdtAgendaItems.filter((i) => i.meetingId === meeting.id).length;
      expect(items).toBeGreaterThanOrEqual(3);
      expect(items).toBeLessThanOrEqual(8);
    }
    const itemIds = new Set(rows.mdtAgendaItems.map((i) => i.id));
    expect(rows.mdtActions.every((a) => itemIds.has(a.agendaItemId) && a.ownerName && a.ownerAgency)).toBe(
      true,
    );
  });

  it('names an external lead worker for about 30% of accepted referrals', () => {
    const accepted = rows.referrals.filter((r) => r.status === 'accepted').length;
    const led = new Set(rows.referralWorkers.map((w) => w.referralId)).size;
    expect(led / accepted).toBeGreaterThan(0.2);
    expect(led / accepted).toBeLessThan(0.4);
    expect(
      rows.referralWorkers.every((w) => w.role === 'lead-worker' && w.externalName && w.externalAgency),
    ).toBe(true);
  });
});
