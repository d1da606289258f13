import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type PractitionerForAllocation,
  type ReferralForAllocation,
  suggestionWeights,
  suggestPractitioners,
} from './suggestions.js';

const SCHOOL = 100_001;
const practitioner = (
  userId: string,
  extra: Partial<PractitionerForAllocation> = {},
): PractitionerForAllocation => ({
  userId,
  displayName: userId,
  caseload: 6,
  capacity: 12,
  daysInSchools: [],
  linkSchoolUrns: [],
  gender: null,
  languages: [],
  ...extra,
});
const referral = (extra: Partial<ReferralForAllocation> = {}): ReferralForAllocation => ({
  referralId: 'ref-1',
  schoolUrn: SCHOOL,
  previousPractitionerIds: [],
  siblingPractitionerIds: [],
  preferences: { practitionerGender: null, language: null },
  ...extra,
});
const order = (referralIn: ReferralForAllocation, people: PractitionerForAllocation[]) =>
  suggestPractitioners(referralIn, people).map((s) => s.userId);

describe('suggestPractitioners examples', () => {
  it('puts the link practitioner above someone with more space, unless their caseload is full', () => {
    const link = practitioner('link', { linkSchoolUrns: [SCHOOL], caseload: 10 });
    const roomy = practitioner('roomy', { caseload: 0 });
    expect(order(referral(), [roomy, link])).toEqual(['link', 'roomy']);
    expect(order(referral(), [roomy, { ...link, caseload: 12 }])).toEqual(['roomy', 'link']);
  });

  it('explains each score in plain words, biggest effect first', () => {
    const [suggestion] = suggestPractitioners(referral(), [
      practitioner('sam', {
        displayName: 'Sam Patel',
        caseload: 9,
        linkSchoolUrns: [SCHOOL],
        daysInSchools: [
          { schoolUrn: SCHOOL, weekday: 1 },
          { schoolUrn: SCHOOL, weekday: 3 },
          { schoolUrn: 200_002, weekday: 2 },
        ],
      }),
    ]);
    expect(suggestion).toEqual({
      userId: 'sam',
      displayName: 'Sam Patel',
      score: 66,
      spareCapacity: 3,
      reasons: [
        { kind: 'link-practitioner', points: 40, text: 'Link practitioner for this school' },
        { kind: 'days-in-school', points: 20, text: 'In this school 2 days a week' },
        { kind: 'spare-capacity', points: 6, text: 'Has space for 3 more (9 of 12)' },
      ],
    });
  });

  it('counts at most three days in a school, each weekday once, and caps points for space', () => {
    const days = [1, 2, 3, 4, 4].map((weekday) => ({ schoolUrn: SCHOOL, weekday }));
    const [suggestion] = suggestPractitioners(referral(), [
      practitioner('a', { daysInSchools: days, caseload: 0, capacity: 30 }),
    ]);
    expect(suggestion?.reasons).toEqual([
      { kind: 'days-in-school', points: 30, text: 'In this school 4 days a week' },
      { kind: 'spare-capacity', points: 20, text: 'Has space for 30 more (0 of 30)' },
    ]);
  });

  it('sinks a full caseload, even for someone who knows the young person', () => {
    const full = practitioner('full', { caseload: 12, capacity: 12 });
    const suggestions = suggestPractitioners(referral({ previousPractitionerIds: ['full'] }), [
      full,
      practitioner('other'),
    ]);
    expect(suggestions.map((s) => s.userId)).toEqual(['other', 'full']);
    expect(suggestions[1]?.reasons[0]).toEqual({
      kind: 'caseload-full',
      points: -60,
      text: 'Caseload full (12 of 12)',
    });
  });

  it('favours someone who worked with the young person before, then someone who works with a sibling', () => {
    const people = [practitioner('a'), practitioner('b'), practitioner('c')];
    const continuity = referral({ previousPractitionerIds: ['c'], siblingPractitionerIds: ['b'] });
    expect(order(continuity, people)).toEqual(['c', 'b', 'a']);
    const [best] = suggestPractitioners(continuity, people);
    expect(best?.reasons.map((r) => r.text)).toContain('Worked with this young person before');
    expect(suggestPractitioners(continuity, people)[1]?.reasons.map((r) => r.text)).toContain(
      'Works with a brother or sister',
    );
  });

  it('meets gender and language preferences, matching languages whatever the capitals', () => {
    const asked = referral({ preferences: { practitionerGender: 'female', language: 'polish' } });
    const people = [
      practitioner('ann', { gender: 'female', languages: ['English', 'POLISH'] }),
      practitioner('bob', { gender: 'male', languages: ['English'] }),
      practitioner('cal', { gender: null, languages: [] }),
    ];
    const [ann, second, third] = suggestPractitioners(asked, people);
    expect(ann?.reasons.map((r) => r.text)).toEqual([
      'Is the gender the young person asked for',
      'Speaks Polish',
      'Has space for 6 more (6 of 12)',
    ]);
    expect([second?.userId, third?.userId]).toEqual(['bob', 'cal']);
    expect(second?.reasons.map((r) => r.kind)).toEqual([
      'gender-preference-not-met',
      'language-not-met',
      'spare-capacity',
    ]);
    expect(second?.reasons.find((r) => r.kind === 'language-not-met')?.text).toBe('Does not speak Polish');
    expect(third?.reasons[0]?.kind).toBe('gender-preference-not-met');
  });

  it('gives no reason for a preference for English, or for no preference', () => {
    const people = [practitioner('a', { languages: [] })];
    for (const language of ['English', 'english ', null]) {
      const [s] = suggestPractitioners(
        referral({ preferences: { practitionerGender: null, language } }),
        people,
      );
      expect(s?.reasons.map((r) => r.kind)).toEqual(['spare-capacity']);
    }
  });

  it('breaks ties by spare capacity, then name', () => {
    const people = [
      practitioner('x', { displayName: 'Zoe', caseload: 2, capacity: 20 }),
      practitioner('y', { displayName: 'Amy', caseload: 2, capacity: 20 }),
      practitioner('z', { displayName: 'Bea', caseload: 2, capacity: 30 }),
    ];
    // All three score the capped 20 points for space, so spare capacity and then name decide.
    expect(order(referral(), people)).toEqual(['z', 'y', 'x']);
  });
});

// Properties over small teams, with repeated names and schools so that ties happen.
const schools = [SCHOOL, 200_002, 300_003];
const userIds = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
const practitionersArb = fc
  .array(
    fc.record({
      displayName: fc.constantFrom('Alex', 'Bea', 'Chris', 'Dee'),
      caseload: fc.nat(15),
      capacity: fc.nat(15),
      daysInSchools: fc.array(
        fc.record({ schoolUrn: fc.constantFrom(...schools), weekday: fc.integer({ min: 1, max: 5 }) }),
        {
          maxLength: 5,
        },
      ),
      linkSchoolUrns: fc.subarray(schools),
      gender: fc.constantFrom(null, 'female', 'male', 'non-binary'),
      languages: fc.subarray(['English', 'polish', 'Urdu', 'ARABIC']),
    }),
    { maxLength: userIds.length },
  )
  .map((rows) => rows.map((row, index): PractitionerForAllocation => ({ userId: `u${index}`, ...row })));
const referralArb: fc.Arbitrary<ReferralForAllocation> = fc.record({
  referralId: fc.constant('ref'),
  schoolUrn: fc.option(fc.constantFrom(...schools)),
  previousPractitionerIds: fc.subarray(userIds),
  siblingPractitionerIds: fc.subarray(userIds),
  preferences: fc.record({
    practitionerGender: fc.constantFrom(null, 'female' as const, 'male' as const),
    language: fc.constantFrom(null, 'English', 'Polish', 'urdu', 'Welsh'),
  }),
});

describe('suggestPractitioners properties', () => {
  it('scores each practitioner as the sum of the reasons shown, biggest first, none worth nothing', () => {
    fc.assert(
      fc.property(referralArb, practitionersArb, (referralIn, people) => {
        for (const suggestion of suggestPractitioners(referralIn, people)) {
          expect(suggestion.score).toBe(suggestion.reasons.reduce((sum, r) => sum + r.points, 0));
          const sizes = suggestion.reasons.map((r) => Math.abs(r.points));
          expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
          expect(sizes.includes(0)).toBe(false);
          expect(suggestion.reasons.every((r) => r.text.length > 0)).toBe(true);
        }
      }),
    );
  });

  it('lists every practitioner exactly once', () => {
    fc.assert(
      fc.property(referralArb, practitionersArb, (referralIn, people) => {
        expect(order(referralIn, people).sort()).toEqual(people.map((p) => p.userId).sort());
      }),
    );
  });

  it('never ranks someone lower for having more space', () => {
    fc.assert(
      fc.property(
        referralArb,
        practitionersArb,
        fc.nat(6),
        fc.integer({ min: 1, max: 10 }),
        (referralIn, people, pick, extra) => {
          const chosen = people[pick % Math.max(people.length, 1)];
          if (!chosen) return;
          const roomier = people.map((p) => (p === chosen ? { ...p, capacity: p.capacity + extra } : p));
          const before = order(referralIn, people).indexOf(chosen.userId);
          const after = order(referralIn, roomier).indexOf(chosen.userId);
          expect(after).toBeLessThanOrEqual(before);
        },
      ),
    );
  });

  it('gives the same answer whatever order the practitioners come in', () => {
    fc.assert(
      fc.property(
        referralArb,
        practitionersArb.chain((people) =>
          fc.tuple(
            fc.constant(people),
            fc.shuffledSubarray(people, { minLength: people.length, maxLength: people.length }),
          ),
        ),
        (referralIn, [people, shuffled]) => {
          expect(suggestPractitioners(referralIn, shuffled)).toEqual(
            suggestPractitioners(referralIn, people),
          );
        },
      ),
    );
  });

  it('lets a full caseload outweigh being the link practitioner', () => {
    expect(suggestionWeights).toEqual({
      'link-practitioner': 40,
      'days-in-school': 10,
      'spare-capacity': 2,
      'caseload-full': -60,
      'previous-episode': 30,
      sibling: 15,
      'gender-preference-met': 25,
      'gender-preference-not-met': -25,
      'language-met': 25,
      'language-not-met': -25,
    });
    expect(suggestionWeights['caseload-full'] + suggestionWeights['link-practitioner']).toBeLessThan(0);
  });
});
