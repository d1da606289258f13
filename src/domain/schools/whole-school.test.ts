import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consultationOutcomeLabels,
  consultationOutcomes,
  groupSessionKindLabels,
  groupSessionKinds,
  planActionStatuses,
  responseMinutes,
  supportTiers,
} from './whole-school.js';

describe('supportTiers', () => {
  it('lists the four waves in order, each with who leads it', () => {
    expect(supportTiers.map((tier) => tier.tier)).toEqual([1, 2, 3, 4]);
    expect(supportTiers[0]?.name).toBe('Whole-school approach');
    for (const tier of supportTiers) {
      expect(tier.name.length).toBeGreaterThan(0);
      expect(tier.description.length).toBeGreaterThan(0);
      expect(tier.ledBy.length).toBeGreaterThan(0);
    }
  });
});

describe('labels', () => {
  it('has a label for every kind of group session and consultation outcome', () => {
    expect(Object.keys(groupSessionKindLabels).sort()).toEqual([...groupSessionKinds].sort());
    expect(Object.keys(consultationOutcomeLabels).sort()).toEqual([...consultationOutcomes].sort());
    expect(planActionStatuses).toEqual(['planned', 'in-progress', 'done']);
  });
});

describe('responseMinutes', () => {
  it('counts whole minutes from the call to the advice', () => {
    expect(responseMinutes(new Date('2026-11-10T09:00:00Z'), new Date('2026-11-10T10:15:30Z'))).toBe(75);
    expect(responseMinutes(new Date('2026-11-10T09:00:00Z'), null)).toBeNull();
  });

  it('is never negative, even when the advice is dated before the call', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        (receivedAt, advisedAt) => {
          const minutes = responseMinutes(receivedAt, advisedAt);
          expect(minutes).not.toBeNull();
          expect(minutes).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
