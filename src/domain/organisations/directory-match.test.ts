import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareMatches, type DirectoryCandidate, type Fit, matchService } from './directory-match.js';
import { presentingNeedCodes } from './needs.js';

const mhst: DirectoryCandidate = {
  name: 'Northvale Mental Health Support Team',
  ageMin: 5,
  ageMax: 18,
  coverage: 'schools',
  presentingNeeds: ['anxiety', 'low-mood'],
  acceptsSelfReferral: false,
  selfReferralMinAge: null,
  areaName: 'Lantern Vale',
  coveredAreaNames: [],
  coversSchool: true,
  coversSchoolArea: true,
  coversHomeArea: false,
};

const online: DirectoryCandidate = {
  ...mhst,
  name: 'Lantern Online',
  ageMin: 11,
  ageMax: 19,
  coverage: 'whole-area',
  acceptsSelfReferral: true,
  selfReferralMinAge: 11,
  coversSchool: false,
};

const school = { name: 'Brookfield Academy' };

describe('matchService', () => {
  it('rules out a service with a risk exclusion for someone at risk of serious harm now', () => {
    const guarded = { ...online, excludesCurrentRisk: true };
    const atRisk = matchService(guarded, { age: 14, hasCurrentRisk: true });
    expect(atRisk.fit).toBe('no');
    expect(atRisk.reasons.at(-1)?.text).toMatch(/urgent help first/);
    expect(matchService(guarded, { age: 14, hasCurrentRisk: false }).fit).toBe(
      matchService(online, { age: 14 }).fit,
    );
    expect(matchService(online, { age: 14, hasCurrentRisk: true }).fit).toBe(
      matchService(online, { age: 14 }).fit,
    );
  });

  it('fits an MHST for a child at one of its schools with a need it helps with', () => {
    const match = matchService(mhst, { age: 12, school, need: 'anxiety' });
    expect(match.fit).toBe('yes');
    expect(match.reasons.map((r) => r.text)).toEqual([
      'For ages 5 to 18',
      'Works in Brookfield Academy',
      'Helps with feeling worried, anxious or panicky',
    ]);
  });

  it('says why an MHST does not fit a school it does not serve', () => {
    const match = matchService({ ...mhst, coversSchool: false }, { age: 12, school });
    expect(match.fit).toBe('no');
    expect(match.reasons).toContainEqual({ isMet: false, text: 'Does not work in Brookfield Academy' });
  });

  it('asks to check when no school is given for a school-based service', () => {
    expect(matchService(mhst, { age: 12 }).fit).toBe('check');
  });

  it('rules out a young person outside the age range', () => {
    const match = matchService(online, { age: 9 });
    expect(match.fit).toBe('no');
    expect(match.reasons[0]).toEqual({ isMet: false, text: 'Only for ages 11 to 19' });
    expect(match.canSelfRefer).toBe(false);
  });

  it('never offers self-referral to someone outside the age range', () => {
    const crisisLine = { ...online, ageMin: 0, ageMax: 25, selfReferralMinAge: null };
    expect(matchService(crisisLine, { age: 30 }).canSelfRefer).toBe(false);
    expect(matchService(crisisLine, { age: 8 }).canSelfRefer).toBe(true);
  });

  it('lets a young person old enough refer themselves', () => {
    expect(matchService(online, { age: 15 }).canSelfRefer).toBe(true);
    expect(matchService(online, {}).canSelfRefer).toBe(false);
  });

  it('matches a council-area service by home postcode area', () => {
    const earlyHelp: DirectoryCandidate = {
      ...mhst,
      coverage: 'local-authorities',
      coveredAreaNames: ['Southvale'],
      coversSchoolArea: false,
      coversHomeArea: true,
    };
    expect(matchService(earlyHelp, { homeArea: { name: 'Southvale' } }).reasons[1]).toEqual({
      isMet: true,
      text: 'Covers Southvale',
    });
    expect(matchService({ ...earlyHelp, coversHomeArea: false }, { homeArea: { name: 'X' } }).fit).toBe('no');
  });

  it('never says yes when any reason is unmet, and says no exactly then', () => {
    const candidate = fc.record({
      ageMin: fc.integer({ min: 0, max: 25 }),
      span: fc.integer({ min: 0, max: 25 }),
      coverage: fc.constantFrom('whole-area' as const, 'local-authorities' as const, 'schools' as const),
      needs: fc.subarray(presentingNeedCodes),
      coversSchool: fc.boolean(),
      coversSchoolArea: fc.boolean(),
      coversHomeArea: fc.boolean(),
    });
    const query = fc.record({
      age: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
      need: fc.option(fc.constantFrom(...presentingNeedCodes), { nil: undefined }),
      hasSchool: fc.boolean(),
    });
    fc.assert(
      fc.property(candidate, query, (c, q) => {
        const match = matchService(
          {
            ...mhst,
            ...c,
            ageMax: c.ageMin + c.span,
            presentingNeeds: c.needs,
            coveredAreaNames: ['Northvale'],
          },
          { age: q.age, need: q.need, school: q.hasSchool ? school : undefined },
        );
        const anyUnmet = match.reasons.some((r) => r.isMet === false);
        expect(match.fit === 'no').toBe(anyUnmet);
        if (q.age !== undefined && (q.age < c.ageMin || q.age > c.ageMin + c.span))
          expect(match.fit).toBe('no');
        if (q.need && !c.needs.includes(q.need)) expect(match.fit).toBe('no');
      }),
    );
  });
});

describe('compareMatches', () => {
  it('puts fits first, then checks, then the rest, by name', () => {
    const items: { name: string; fit: Fit }[] = [
      { name: 'B', fit: 'no' },
      { name: 'A', fit: 'check' },
      { name: 'C', fit: 'yes' },
      { name: 'A', fit: 'yes' },
    ];
    expect(items.sort(compareMatches).map((i) => `${i.fit}${i.name}`)).toEqual([
      'yesA',
      'yesC',
      'checkA',
      'noB',
    ]);
  });
});
