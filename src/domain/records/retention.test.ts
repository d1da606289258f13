import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addYears, ageOn, retentionReviewDate, retentionStatus, treatmentEndedOn } from './retention.js';

describe('retention review dates (NHS Records Management Code 2021)', () => {
  it('keeps a record 20 years after treatment ended when that is after the 25th birthday', () => {
    expect(retentionReviewDate({ dateOfBirth: '2010-05-01', treatmentEndedOn: '2026-11-20' })).toBe(
      '2046-11-20',
    );
  });

  it('keeps a young child’s record until the 25th birthday when that is later', () => {
    expect(retentionReviewDate({ dateOfBirth: '2024-06-01', treatmentEndedOn: '2026-01-10' })).toBe(
      '2049-06-01',
    );
  });

  it('keeps at least until the 26th birthday for someone who was 17 when treatment ended', () => {
    // The Code's children's rule; with 20 years after treatment (or 10 after a death that came
    // later still) it never decides the date on its own, but it is a floor all the same.
    expect(ageOn('2000-03-01', '2017-06-01')).toBe(17);
    expect(retentionReviewDate({ dateOfBirth: '2000-03-01', treatmentEndedOn: '2017-06-01' })).toBe(
      '2037-06-01',
    );
    expect(
      retentionReviewDate({
        dateOfBirth: '2000-03-01',
        treatmentEndedOn: '2017-06-01',
        diedOn: '2017-06-02',
      }),
    ).toBe('2027-06-02');
  });

  it('keeps a young child’s record to the 25th birthday even after an early death', () => {
    expect(
      retentionReviewDate({
        dateOfBirth: '2016-03-01',
        treatmentEndedOn: '2022-06-01',
        diedOn: '2022-07-01',
      }),
    ).toBe('2041-03-01');
  });

  it('uses 10 years after death when that is sooner than 20 years after treatment', () => {
    expect(
      retentionReviewDate({
        dateOfBirth: '1990-01-01',
        treatmentEndedOn: '2020-01-01',
        diedOn: '2021-01-01',
      }),
    ).toBe('2031-01-01');
  });

  it('has no date while treatment has not ended', () => {
    expect(retentionReviewDate({ dateOfBirth: '2010-05-01', treatmentEndedOn: null })).toBeNull();
    expect(retentionStatus({ dateOfBirth: '2010-05-01', treatmentEndedOn: null }, '2030-01-01')).toEqual({
      status: 'in-treatment',
      reviewOn: null,
    });
  });

  it('flags a record for review on its date, never before', () => {
    const input = { dateOfBirth: '1990-01-01', treatmentEndedOn: '2000-02-01' };
    expect(retentionStatus(input, '2020-01-31').status).toBe('keep');
    expect(retentionStatus(input, '2020-02-01').status).toBe('due-for-review');
  });

  it('moves 29 February to 1 March in years without one', () => {
    expect(addYears('2008-02-29', 20)).toBe('2028-02-29');
    expect(addYears('2008-02-29', 25)).toBe('2033-03-01');
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(16);
    expect(ageOn('2008-02-29', '2025-03-01')).toBe(17);
  });

  it('ends treatment at the latest referral end, and not while any referral is open', () => {
    expect(
      treatmentEndedOn([
        { isOpen: false, endedOn: '2025-01-01' },
        { isOpen: false, endedOn: '2026-03-04' },
      ]),
    ).toBe('2026-03-04');
    expect(treatmentEndedOn([{ isOpen: false, endedOn: '2025-01-01' }, { isOpen: true }])).toBeNull();
    expect(treatmentEndedOn([])).toBeNull();
  });
});

const dayMs = 86_400_000;
const dateArb = (from: string, to: string) =>
  fc
    .integer({ min: Date.parse(from) / dayMs, max: Date.parse(to) / dayMs })
    .map((day) => new Date(day * dayMs).toISOString().slice(0, 10));
const caseArb = fc.record({
  dateOfBirth: dateArb('1990-01-01', '2024-12-31'),
  treatmentEndedOn: dateArb('2000-01-01', '2040-12-31'),
});

describe('retention review date properties', () => {
  it('is never before the 25th birthday', () => {
    fc.assert(
      fc.property(caseArb, fc.option(dateArb('2000-01-01', '2060-12-31')), (input, diedOn) => {
        const review = retentionReviewDate({ ...input, diedOn });
        expect(review).not.toBeNull();
        expect((review ?? '') >= addYears(input.dateOfBirth, 25)).toBe(true);
      }),
    );
  });

  it('is never before 20 years after treatment ended (with no death recorded)', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        expect((retentionReviewDate(input) ?? '') >= addYears(input.treatmentEndedOn, 20)).toBe(true);
      }),
    );
  });

  it('is monotonic in the end date: ending later never brings review forward', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 4000 }), (input, days) => {
        const laterEnd = new Date(Date.parse(input.treatmentEndedOn) + days * dayMs)
          .toISOString()
          .slice(0, 10);
        const first = retentionReviewDate(input);
        const second = retentionReviewDate({ ...input, treatmentEndedOn: laterEnd });
        expect(first).not.toBeNull();
        expect((second ?? '') >= (first ?? '')).toBe(true);
      }),
    );
  });

  it('is one of the candidate dates the Code names, never something in between', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const review = retentionReviewDate(input);
        expect([
          addYears(input.treatmentEndedOn, 20),
          addYears(input.dateOfBirth, 25),
          addYears(input.dateOfBirth, 26),
        ]).toContain(review);
      }),
    );
  });
});
