import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { londonDayNumber } from './london-days.js';
import {
  type ReferralSpell,
  referralSpells,
  SPELL_JOIN_DAYS,
  type SpellReferral,
  spellClocks,
} from './spells.js';

const at = (iso: string) => new Date(iso);
const referral = (id: string, receivedAt: string, closedAt: string | null): SpellReferral => ({
  id,
  receivedAt: at(receivedAt),
  closedAt: closedAt === null ? null : at(closedAt),
});
const ids = (spells: ReferralSpell<SpellReferral>[]) => spells.map((spell) => spell.members.map((m) => m.id));

describe('referralSpells examples', () => {
  it('joins a referral received 5 days after the last one closed, but not 6', () => {
    const first = referral('a', '2026-03-01T10:00:00Z', '2026-03-03T16:00:00Z');
    expect(ids(referralSpells([first, referral('b', '2026-03-08T09:00:00Z', null)]))).toEqual([['a', 'b']]);
    expect(ids(referralSpells([first, referral('b', '2026-03-09T09:00:00Z', null)]))).toEqual([['a'], ['b']]);
  });

  it('joins referrals open at the same time, and joins them transitively', () => {
    const spells = referralSpells([
      referral('c', '2026-03-24T09:00:00Z', null),
      referral('a', '2026-03-01T09:00:00Z', '2026-03-10T09:00:00Z'),
      referral('b', '2026-03-09T09:00:00Z', '2026-03-20T09:00:00Z'),
      referral('d', '2026-06-01T09:00:00Z', null),
    ]);
    expect(ids(spells)).toEqual([['a', 'b', 'c', 'd']]);
    expect(spells[0]?.startedAt).toEqual(at('2026-03-01T09:00:00Z'));
  });

  it('starts a new spell after a gap, and gives none for no referrals', () => {
    const spells = referralSpells([
      referral('late', '2026-09-01T09:00:00Z', null),
      referral('early', '2026-03-01T09:00:00Z', '2026-03-10T09:00:00Z'),
    ]);
    expect(ids(spells)).toEqual([['early'], ['late']]);
    expect(referralSpells([])).toEqual([]);
  });
});

describe('spellClocks', () => {
  const now = at('2026-06-01T12:00:00Z');
  const empty = { contacts: [], milestones: [], pauses: [] };

  it('runs from the first referral of the spell, over every member', () => {
    const clocks = spellClocks(
      [
        {
          ...referral('b', '2026-03-08T09:00:00Z', null),
          contacts: [{ at: at('2026-03-20T09:00:00Z'), attendStatus: 'attended' }],
          milestones: [
            { milestone: 'care-plan', at: at('2026-03-25T09:00:00Z') },
            { milestone: 'intervention', at: at('2026-04-02T09:00:00Z') },
          ],
          pauses: [],
        },
        {
          ...referral('a', '2026-03-01T09:00:00Z', '2026-03-05T09:00:00Z'),
          contacts: [{ at: at('2026-03-04T09:00:00Z'), attendStatus: 'did-not-attend' }],
          milestones: [
            { milestone: 'assessment', at: at('2026-03-04T09:00:00Z') },
            { milestone: 'baseline-measure', at: at('2026-03-04T09:00:00Z') },
          ],
          pauses: [],
        },
      ],
      now,
    );
    expect(clocks.startedAt).toEqual(at('2026-03-01T09:00:00Z'));
    expect(clocks.firstContact.days).toBe(19);
    expect(clocks.clockStop).toEqual({ stoppedAt: at('2026-04-02T09:00:00Z'), days: 32, isRunning: false });
  });

  it('needs at least one referral', () => {
    expect(() => spellClocks([], now)).toThrow(RangeError);
    expect(
      spellClocks([{ ...referral('a', '2026-05-01T09:00:00Z', null), ...empty }], now).firstContact.days,
    ).toBe(31);
  });
});

// Referrals over a few months, with short gaps, so that spells both join and split.
const base = new Date('2026-01-01T00:00:00Z').getTime();
const referralsArb = fc
  .array(
    fc.record({
      receivedMinutes: fc.integer({ min: 0, max: 120 * 1440 }),
      openMinutes: fc.option(fc.integer({ min: -2 * 1440, max: 20 * 1440 }), { freq: 4 }),
    }),
    { maxLength: 10 },
  )
  .map((rows) =>
    rows.map(
      ({ receivedMinutes, openMinutes }, index): SpellReferral => ({
        id: `r${index}`,
        receivedAt: new Date(base + receivedMinutes * 60_000),
        closedAt: openMinutes === null ? null : new Date(base + (receivedMinutes + openMinutes) * 60_000),
      }),
    ),
  );

/** The London day a referral closed; Infinity while open; a close before receipt counts as receipt. */
const closedDay = (r: SpellReferral) =>
  r.closedAt === null
    ? Number.POSITIVE_INFINITY
    : londonDayNumber(r.closedAt < r.receivedAt ? r.receivedAt : r.closedAt);
const receivedDay = (r: SpellReferral) => londonDayNumber(r.receivedAt);

describe('referralSpells properties', () => {
  it('puts every referral in exactly one spell', () => {
    fc.assert(
      fc.property(referralsArb, (referrals) => {
        const placed = referralSpells(referrals).flatMap((spell) => spell.members.map((m) => m.id));
        expect([...placed].sort()).toEqual(referrals.map((r) => r.id).sort());
      }),
    );
  });

  it('gives the same spells whatever order the referrals come in', () => {
    fc.assert(
      fc.property(
        referralsArb.chain((referrals) =>
          fc.tuple(
            fc.constant(referrals),
            fc.shuffledSubarray(referrals, { minLength: referrals.length, maxLength: referrals.length }),
          ),
        ),
        ([referrals, shuffled]) => {
          expect(referralSpells(shuffled)).toEqual(referralSpells(referrals));
        },
      ),
    );
  });

  it('chains members within a spell with gaps of 5 days or less, starting at the earliest receipt', () => {
    fc.assert(
      fc.property(referralsArb, (referrals) => {
        for (const spell of referralSpells(referrals)) {
          const [first, ...rest] = spell.members;
          expect(first?.receivedAt).toEqual(spell.startedAt);
          for (const member of spell.members) {
            expect(member.receivedAt.getTime()).toBeGreaterThanOrEqual(spell.startedAt.getTime());
          }
          rest.forEach((member, index) => {
            const earlier = spell.members.slice(0, index + 1);
            expect(earlier.at(-1)?.receivedAt.getTime()).toBeLessThanOrEqual(member.receivedAt.getTime());
            expect(earlier.some((e) => receivedDay(member) - closedDay(e) <= SPELL_JOIN_DAYS)).toBe(true);
          });
        }
      }),
    );
  });

  it('keeps different spells more than 5 days apart, in order of start', () => {
    fc.assert(
      fc.property(referralsArb, (referrals) => {
        const spells = referralSpells(referrals);
        spells.forEach((spell, index) => {
          for (const later of spells.slice(index + 1)) {
            expect(later.startedAt.getTime()).toBeGreaterThan(spell.startedAt.getTime());
            for (const a of spell.members) {
              for (const b of later.members) {
                expect(receivedDay(b) - closedDay(a)).toBeGreaterThan(SPELL_JOIN_DAYS);
              }
            }
          }
        });
      }),
    );
  });
});
