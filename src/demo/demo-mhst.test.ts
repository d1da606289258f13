import { describe, expect, it } from 'vitest';
import { ageOn, londonDate } from '../domain/people/child-details.js';
import { isAttended } from '../domain/waiting/clocks.js';
import { buildDemoArea, DEFAULT_DEMO_NOW } from './demo-area.js';

const DAY = 86_400_000;
const now = DEFAULT_DEMO_NOW.getTime();
const area = buildDemoArea({ seed: 42, scale: 1 });
const { organisations: org, referrals: rows, casework, mhstStaff } = area;
const mhstService = org.services.find((s) => s.kind === 'mhst');
const teams = org.teams.filter((t) => t.serviceId === mhstService?.id);
const schoolsOf = (teamId: string) =>
  new Set(org.teamSchools.filter((ts) => ts.teamId === teamId).map((ts) => ts.schoolUrn));
const holders = (teamId: string, roles: string[]) =>
  new Set(
    area.identity.userRoles.filter((r) => r.teamId === teamId && roles.includes(r.role)).map((r) => r.userId),
  );
const current = new Map(casework.allocations.filter((a) => !a.endedAt).map((a) => [a.referralId, a]));
const contactsOf = new Map<string, typeof casework.careContacts>();
for (const c of casework.careContacts)
  contactsOf.set(c.referralId, [...(contactsOf.get(c.referralId) ?? []), c]);
const attendedOf = (id: string) =>
  (contactsOf.get(id) ?? [])
    .filter((c) => isAttended(c.attendStatus as never))
    .map((c) => c.startsAt.getTime());
const daysAgo = (at: Date) => (now - at.getTime()) / DAY;

describe('the demo MHSTs set-up', () => {
  it('gives every school of a team exactly one link practitioner of that team, who has days there', () => {
    for (const team of teams) {
      const allocatable = holders(team.id ?? '', ['emhp', 'senior-practitioner']);
      for (const urn of schoolsOf(team.id ?? '')) {
        const links = mhstStaff.schoolLinkPractitioners.filter((l) => l.schoolUrn === urn);
        expect(links, `school ${urn}`).toHaveLength(1);
        const link = links[0];
        expect(link?.teamId).toBe(team.id);
        expect(allocatable.has(link?.userId ?? '')).toBe(true);
        expect(
          mhstStaff.practitionerSchoolDays.some((d) => d.userId === link?.userId && d.schoolUrn === urn),
        ).toBe(true);
      }
    }
  });

  it('places EMHPs in 4 to 6 schools and senior practitioners in 2 or 3, on weekdays, with capacities', () => {
    for (const team of teams) {
      const served = schoolsOf(team.id ?? '');
      for (const [role, [fewest, most], [low, high]] of [
        ['emhp', [4, 6], [12, 16]],
        ['senior-practitioner', [2, 3], [8, 10]],
        ['supervisor', [0, 0], [4, 4]],
        ['mhst-clinical-lead', [0, 0], [4, 4]],
      ] as const) {
        for (const userId of holders(team.id ?? '', [role])) {
          const days = mhstStaff.practitionerSchoolDays.filter((d) => d.userId === userId);
          const schools = new Set(days.map((d) => d.schoolUrn));
          expect(schools.size, role).toBeGreaterThanOrEqual(fewest);
          expect(schools.size, role).toBeLessThanOrEqual(most);
          expect(days.every((d) => served.has(d.schoolUrn) && d.weekday >= 1 && d.weekday <= 5)).toBe(true);
          const profile = mhstStaff.practitionerProfiles.find((p) => p.userId === userId);
          expect(profile?.caseloadCapacity).toBeGreaterThanOrEqual(low);
          expect(profile?.caseloadCapacity).toBeLessThanOrEqual(high);
          expect(profile?.languages).toContain('English');
        }
      }
    }
    const genders = new Set(mhstStaff.practitionerProfiles.map((p) => p.gender));
    expect([...genders].sort()).toEqual(['female', 'male']);
    expect(mhstStaff.practitionerProfiles.some((p) => (p.languages ?? []).length > 1)).toBe(true);
  });
});

describe('the demo MHSTs waiting lists', () => {
  it('gives each team trays of the size the source documents suggest, some waiting past four weeks', () => {
    for (const team of teams) {
      const mine = rows.referrals.filter((r) => r.teamId === team.id);
      const tray = (status: string) => mine.filter((r) => r.status === status);
      const awaiting = tray('accepted');
      expect(awaiting.length, team.name).toBeGreaterThanOrEqual(25);
      expect(awaiting.length, team.name).toBeLessThanOrEqual(45);
      expect(awaiting.every((r) => daysAgo(r.receivedAt) < 70)).toBe(true);
      expect(awaiting.filter((r) => daysAgo(r.receivedAt) >= 28).length).toBeGreaterThanOrEqual(3);
      expect(
        awaiting.filter((r) => daysAgo(r.receivedAt) >= 21 && daysAgo(r.receivedAt) < 28).length,
      ).toBeGreaterThan(0);
      expect(awaiting.filter((r) => daysAgo(r.receivedAt) < 21).length).toBeGreaterThan(5);
      expect(tray('allocated').length).toBeGreaterThanOrEqual(15);
      expect(tray('allocated').length).toBeLessThanOrEqual(30);
      expect(tray('group-waiting-list').length).toBeGreaterThanOrEqual(5);
      expect(tray('group-waiting-list').length).toBeLessThanOrEqual(15);
      expect(tray('in-intervention').length).toBeGreaterThan(10);
      // Older help has finished: those young people have left their practitioner's caseload.
      expect(tray('discharged').length).toBeGreaterThan(20);
      // About half of those allocated have a first appointment booked in the next two weeks.
      const booked = tray('allocated').filter((r) =>
        (contactsOf.get(r.id) ?? []).some(
          (c) => c.attendStatus === null && c.startsAt.getTime() <= now + 14 * DAY,
        ),
      );
      expect(booked.length / tray('allocated').length).toBeGreaterThan(0.35);
      expect(booked.length / tray('allocated').length).toBeLessThan(0.65);
    }
  });

  it('allocates only to practitioners of the referral’s team, one current allocation each', () => {
    for (const allocation of casework.allocations) {
      const referral = rows.referrals.find((r) => r.id === allocation.referralId);
      expect(allocation.teamId).toBe(referral?.teamId);
      if (allocation.kind === 'practitioner') {
        expect(holders(allocation.teamId, ['emhp', 'senior-practitioner']).has(allocation.userId ?? '')).toBe(
          true,
        );
      } else {
        expect(allocation.groupName).toMatch(/group/);
      }
      if (allocation.endedAt) {
        expect(
          allocation.endedAt >= allocation.recordedAt && allocation.endReason && allocation.endedBy,
        ).toBeTruthy();
      }
      expect(allocation.recordedAt.getTime()).toBeLessThan(now);
      expect(allocation.recordedAt > (referral?.receivedAt ?? now)).toBe(true);
    }
    const currentCount = casework.allocations.filter((a) => !a.endedAt).length;
    expect(current.size).toBe(currentCount);
    const reallocated = new Set(
      casework.allocations
        .filter((a) => a.endedAt && !a.endReason?.startsWith('Discharged'))
        .map((a) => a.referralId),
    ).size;
    const everAllocated = new Set(casework.allocations.map((a) => a.referralId)).size;
    expect(reallocated / everAllocated).toBeGreaterThan(0.05);
    expect(reallocated / everAllocated).toBeLessThan(0.2);
    expect(casework.allocations.some((a) => a.isBulk)).toBe(true);
    expect(casework.allocations.some((a) => a.suggestionReasons?.[0]?.kind === 'link-practitioner')).toBe(
      true,
    );
  });

  it('keeps each status in step with the allocations and contacts', () => {
    for (const referral of rows.referrals.filter((r) => teams.some((t) => t.id === r.teamId))) {
      const allocation = current.get(referral.id);
      const attended = attendedOf(referral.id);
      const label = `${referral.reference} ${referral.status}`;
      if (referral.status === 'accepted') {
        expect(allocation, label).toBeUndefined();
        expect(contactsOf.get(referral.id), label).toBeUndefined();
      } else if (referral.status === 'group-waiting-list') {
        expect(allocation?.kind, label).toBe('group-waiting-list');
        expect(attended, label).toHaveLength(0);
      } else if (referral.status === 'allocated' || referral.status === 'in-intervention') {
        expect(allocation?.kind, label).toBe('practitioner');
        expect(referral.allocatedUserId, label).toBe(allocation?.userId);
        expect(attended.length > 0, label).toBe(referral.status === 'in-intervention');
      }
    }
  });

  it('books contacts on school days with the allocated team, attended only when in the past', () => {
    const childSchool = new Map(rows.childSchools.map((cs) => [cs.childId, cs.schoolUrn]));
    const referralOf = new Map(rows.referrals.map((r) => [r.id, r]));
    for (const contact of casework.careContacts) {
      const referral = referralOf.get(contact.referralId);
      const day = contact.startsAt.getUTCDay();
      expect(day >= 1 && day <= 5).toBe(true);
      expect(contact.attendStatus === null).toBe(contact.startsAt.getTime() > now);
      expect(contact.recordedAt.getTime()).toBeLessThan(now);
      if (contact.schoolUrn !== null)
        expect(contact.schoolUrn).toBe(childSchool.get(referral?.childId ?? ''));
      expect(
        holders(referral?.teamId ?? '', ['emhp', 'senior-practitioner']).has(contact.practitionerUserId),
      ).toBe(true);
    }
    const remote = casework.careContacts.filter((c) => c.schoolUrn === null).length;
    expect(remote / casework.careContacts.length).toBeGreaterThan(0.05);
    expect(remote / casework.careContacts.length).toBeLessThan(0.3);
  });

  it('records the assessment and a baseline measure at the first attended contact', () => {
    const inIntervention = rows.referrals.filter((r) => r.status === 'in-intervention');
    const waits: number[] = [];
    for (const referral of inIntervention) {
      const first = Math.min(...attendedOf(referral.id));
      waits.push((first - referral.receivedAt.getTime()) / DAY);
      const milestones = casework.episodeMilestones.filter((m) => m.referralId === referral.id);
      for (const kind of ['assessment', 'baseline-measure']) {
        expect(milestones.find((m) => m.milestone === kind)?.occurredAt.getTime(), referral.reference).toBe(
          first,
        );
      }
    }
    // A four-week standard; about six weeks in practice.
    const mean = waits.reduce((sum, w) => sum + w, 0) / waits.length;
    expect(mean).toBeGreaterThan(35);
    expect(mean).toBeLessThan(50);
    expect(waits.some((w) => w <= 28)).toBe(true);
  });

  it('makes extra referrals consistent with the front door: a school of the team, the age it teaches, accepted', () => {
    const schools = new Map(org.schools.map((s) => [s.urn, s]));
    const children = new Map(rows.children.map((c) => [c.id, c]));
    const added = rows.referrals.filter(
      (r) => r.teamId && r.schoolUrn && r.receivedAt.getTime() > now - 120 * DAY,
    );
    for (const referral of added.filter((r) => teams.some((t) => t.id === r.teamId))) {
      expect(schoolsOf(referral.teamId ?? '').has(referral.schoolUrn ?? 0)).toBe(true);
      const school = schools.get(referral.schoolUrn ?? 0);
      const age = ageOn(children.get(referral.childId)?.dateOfBirth ?? '', londonDate(referral.receivedAt));
      expect(age >= (school?.lowestAge ?? 0) && age < (school?.highestAge ?? 0)).toBe(true);
      const accept = rows.triageDecisions.find((d) => d.referralId === referral.id && d.kind === 'accept');
      expect(accept?.teamId).toBe(referral.teamId);
      expect(accept && accept.recordedAt > referral.receivedAt).toBe(true);
    }
    expect(new Set(rows.referrals.map((r) => r.reference)).size).toBe(rows.referrals.length);
  });

  it('records preferences for some of those waiting, and is the same for the same seed', () => {
    const waiting = new Set(rows.referrals.filter((r) => r.status === 'accepted').map((r) => r.id));
    expect(casework.allocationPreferences.length).toBeGreaterThan(0);
    expect(casework.allocationPreferences.every((p) => waiting.has(p.referralId))).toBe(true);
    const again = buildDemoArea({ seed: 42, scale: 1 });
    expect(again.casework).toEqual(casework);
    expect(again.mhstStaff).toEqual(mhstStaff);
    expect(again.referrals.referrals.map((r) => [r.id, r.status])).toEqual(
      rows.referrals.map((r) => [r.id, r.status]),
    );
  });

  it('has staff set-up but no activity when asked for no referrals', () => {
    const quiet = buildDemoArea({ seed: 42, scale: 1, referralMonths: 0 });
    expect(quiet.mhstStaff).toEqual(mhstStaff);
    expect(quiet.casework.allocations).toHaveLength(0);
    expect(quiet.schoolWork.confidenceSurveys).toHaveLength(0);
  });
});
