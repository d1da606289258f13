import { describe, expect, it } from 'vitest';
import { shippedInstruments } from '../measures/shipped.js';
import { confidenceFacts } from './confidence-facts.js';
import { showMean } from './figures.js';
import { outcomeFacts } from './outcome-facts.js';

const dims = { school: '100001' };
const at = (day: string) => new Date(`${day}T09:00:00Z`);

describe('outcome facts', () => {
  const episode = (episodeId: string, contactsAttended: number) => ({
    episodeId,
    organisationId: null,
    day: '2026-10-20',
    contactsAttended,
    dims,
  });
  const use = (episodeId: string, instrumentId: string, respondent: string, day: string, total: number) => ({
    episodeId,
    instrumentId,
    respondent,
    at: at(day),
    total,
  });
  const measuresOf = (facts: ReturnType<typeof outcomeFacts>) => {
    expect(facts.every((f) => f.value === 1 && f.bucket === 0 && f.day === '2026-10-20')).toBe(true);
    return facts.map((f) => f.measure);
  };

  it('pairs by the domain rule: 2 contacts and the same measure twice by the same rater', () => {
    const facts = outcomeFacts(
      [episode('a', 2), episode('b', 1), episode('c', 2)],
      [
        use('a', 'phq-9', 'self', '2026-09-01', 15),
        use('a', 'phq-9', 'self', '2026-10-01', 8),
        use('b', 'phq-9', 'self', '2026-09-01', 15),
        use('b', 'phq-9', 'self', '2026-10-01', 8),
        use('c', 'phq-9', 'self', '2026-09-01', 15),
        use('c', 'phq-9', 'parent', '2026-10-01', 8),
      ],
      () => shippedInstruments,
    );
    expect(measuresOf(facts)).toEqual([
      'outcomes-closed',
      'outcomes-paired',
      'outcomes-improved',
      'outcomes-closed',
      'outcomes-closed',
    ]);
  });

  it('counts any reliable deterioration as deteriorated, even beside an improvement', () => {
    const facts = outcomeFacts(
      [episode('a', 3)],
      [
        use('a', 'phq-9', 'self', '2026-09-01', 10),
        use('a', 'phq-9', 'self', '2026-10-01', 3),
        use('a', 'gad-7', 'self', '2026-09-01', 5),
        use('a', 'gad-7', 'self', '2026-10-01', 9),
      ],
      () => shippedInstruments,
    );
    expect(measuresOf(facts)).toEqual(['outcomes-closed', 'outcomes-paired', 'outcomes-deteriorated']);
  });
});

describe('school confidence facts', () => {
  const survey = (id: string, schoolUrn: number, closesAt: string) => ({
    id,
    schoolUrn,
    opensAt: new Date(new Date(closesAt).getTime() - 14 * 86_400_000),
    closesAt: new Date(closesAt),
    dims,
  });
  const answers = (surveyId: string, ratings: number[]) =>
    ratings.map((r) => ({ surveyId, answers: { 'spot-signs': r, 'talk-to-pupil': r } }));
  const eight = (r: number) => Array.from({ length: 8 }, () => r);

  it('compares the first and latest surveys with results, on the latest one’s last day', () => {
    const facts = confidenceFacts(
      [
        survey('s1', 1, '2026-06-01T23:00:00Z'),
        survey('s2', 1, '2026-10-14T23:00:00Z'),
        survey('s3', 1, '2026-10-30T00:00:00Z'),
        survey('t1', 2, '2026-10-14T23:00:00Z'),
      ],
      [
        ...answers('s1', eight(2)),
        ...answers('s2', eight(4)),
        ...answers('s3', [5, 5]),
        ...answers('t1', eight(3)),
      ],
      { from: '2026-10-01', to: '2026-10-31' },
    );
    // s3 has fewer than 8 answers, so s2 is the latest with results; school 2 has one survey only.
    expect(facts).toEqual([
      { day: '2026-10-14', measure: 'school-confidence-change', dims, bucket: 200, value: 1 },
    ]);
    expect(
      confidenceFacts(
        [survey('s1', 1, '2026-06-01T23:00:00Z'), survey('s2', 1, '2026-10-14T23:00:00Z')],
        [...answers('s1', eight(2)), ...answers('s2', eight(4))],
        { from: '2026-11-01', to: '2026-11-30' },
      ),
    ).toEqual([]);
  });
});

describe('a mean as shown', () => {
  it('is exact for staff and withheld under 8 when published', () => {
    const seven = new Map([[50, 7]]);
    expect(showMean(seven, 100, 'operational')).toEqual({
      kind: 'mean',
      value: 0.5,
      display: '0.5 points higher',
    });
    expect(showMean(seven, 100, 'published').kind).toBe('suppressed');
    const eight = new Map([
      [-100, 4],
      [-60, 4],
    ]);
    expect(showMean(eight, 100, 'published')).toEqual({
      kind: 'mean',
      value: -0.8,
      display: '0.8 points lower',
    });
    expect(showMean(new Map([[-4, 2]]), 100, 'operational').display).toBe('no different');
    expect(showMean(new Map(), 100, 'operational').kind).toBe('none');
  });
});
