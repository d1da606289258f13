import { describe, expect, it } from 'vitest';
import { waitingClocks } from './clocks.js';
import { moreInformationPauses } from './more-information.js';

const at = (iso: string) => new Date(iso);
const decision = (kind: string, iso: string, invalidated: string | null = null) => ({
  kind,
  recordedAt: at(iso),
  invalidatedAt: invalidated ? at(invalidated) : null,
});

describe('moreInformationPauses', () => {
  it('runs from the question to the first answer after it', () => {
    const pauses = moreInformationPauses(
      [decision('more-information', '2026-11-02T10:00:00Z'), decision('accept', '2026-11-09T10:00:00Z')],
      [{ givenAt: at('2026-11-05T12:00:00Z') }],
    );
    expect(pauses).toEqual([
      { from: at('2026-11-02T10:00:00Z'), to: at('2026-11-05T12:00:00Z'), reason: 'more-information' },
    ]);
  });

  it('is ended by the next decision when no answer came, and stays open while still waiting', () => {
    const pauses = moreInformationPauses(
      [
        decision('more-information', '2026-11-02T10:00:00Z'),
        decision('mdt', '2026-11-04T10:00:00Z'),
        decision('more-information', '2026-11-10T10:00:00Z'),
      ],
      [{ givenAt: at('2026-11-01T09:00:00Z') }],
    );
    expect(pauses.map((p) => p.to)).toEqual([at('2026-11-04T10:00:00Z'), null]);
  });

  it('ignores invalidated decisions and other kinds', () => {
    expect(
      moreInformationPauses(
        [
          decision('more-information', '2026-11-02T10:00:00Z', '2026-11-02T11:00:00Z'),
          decision('accept', '2026-11-03T10:00:00Z'),
        ],
        [],
      ),
    ).toEqual([]);
  });

  it('is counted beside the headline wait, which does not change', () => {
    const input = { receivedAt: at('2026-11-01T09:00:00Z'), contacts: [], milestones: [] };
    const pauses = moreInformationPauses(
      [decision('more-information', '2026-11-02T10:00:00Z')],
      [{ givenAt: at('2026-11-09T10:00:00Z') }],
    );
    const now = at('2026-11-20T09:00:00Z');
    const withPause = waitingClocks({ ...input, pauses }, now);
    const without = waitingClocks({ ...input, pauses: [] }, now);
    expect(withPause.firstContact.days).toBe(without.firstContact.days);
    expect(withPause.pausedDays['more-information']).toBe(7);
  });
});
