import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actionProblem,
  boardOrder,
  type ConcernStatus,
  canMove,
  concernStatusCodes,
  concernTransitions,
} from './concerns.js';

const rank: Record<ConcernStatus, number> = {
  raised: 0,
  acknowledged: 1,
  'referred-to-social-care': 2,
  closed: 3,
};

describe('safeguarding concern transitions', () => {
  it('moves raised → acknowledged → referred to social care → closed', () => {
    expect(actionProblem('raised', { statusAfter: 'acknowledged' })).toBeNull();
    expect(actionProblem('acknowledged', { statusAfter: 'referred-to-social-care' })).toBeNull();
    expect(
      actionProblem('referred-to-social-care', { statusAfter: 'closed', outcome: 'Section 47 enquiry' }),
    ).toBeNull();
  });

  it('needs an outcome to close, and the lead to acknowledge first', () => {
    expect(actionProblem('acknowledged', { statusAfter: 'closed' })).toMatchObject({ field: 'outcome' });
    expect(actionProblem('acknowledged', { statusAfter: 'closed', outcome: '  ' })).toMatchObject({
      field: 'outcome',
    });
    expect(actionProblem('raised', { statusAfter: 'closed', outcome: 'No further action' })).toMatchObject({
      field: 'statusAfter',
    });
  });

  it('never leaves closed and never goes back', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...concernStatusCodes),
        fc.constantFrom(...concernStatusCodes),
        (from, to) => {
          if (canMove(from, to)) expect(rank[to]).toBeGreaterThanOrEqual(rank[from]);
          if (from === 'closed') {
            expect(actionProblem(from, { statusAfter: to, outcome: 'Done' })).toEqual({ kind: 'closed' });
          }
        },
      ),
    );
    expect(concernTransitions.closed).toEqual([]);
  });

  it('reaches closed from every status but closed itself, by allowed moves', () => {
    for (const start of concernStatusCodes.filter((s) => s !== 'closed')) {
      const seen = new Set<ConcernStatus>([start]);
      const queue: ConcernStatus[] = [start];
      while (queue.length > 0) {
        const next = queue.shift() as ConcernStatus;
        for (const to of concernTransitions[next]) {
          if (!seen.has(to)) {
            seen.add(to);
            queue.push(to);
          }
        }
      }
      expect(seen.has('closed'), start).toBe(true);
    }
  });

  it('puts open concerns first, newest first', () => {
    const day = (d: number) => new Date(Date.UTC(2026, 10, d));
    const ordered = boardOrder([
      { id: 'a', status: 'closed' as const, raisedAt: day(20) },
      { id: 'b', status: 'raised' as const, raisedAt: day(10) },
      { id: 'c', status: 'acknowledged' as const, raisedAt: day(15) },
    ]);
    expect(ordered.map((c) => c.id)).toEqual(['c', 'b', 'a']);
  });
});
