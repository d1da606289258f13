import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  declineReasonCodes,
  declineReasons,
  isInappropriate,
  openStatuses,
  priorities,
  priorityCodes,
  type ReferralStatus,
  referralStatuses,
  statusAfterDecision,
  type TriageDecisionKind,
  triageDecisionCodes,
  triageDecisionKinds,
} from './triage-decisions.js';

const allStatuses = Object.keys(referralStatuses) as ReferralStatus[];
const closedStatuses: ReferralStatus[] = ['accepted', 'signposted', 'declined'];

const expectedMove: Record<TriageDecisionKind, ReferralStatus> = {
  accept: 'accepted',
  signpost: 'signposted',
  'more-information': 'more-information-requested',
  decline: 'declined',
  mdt: 'awaiting-mdt',
};

describe('code lists', () => {
  it('lists every decision kind and priority once', () => {
    expect(triageDecisionCodes).toEqual(['accept', 'signpost', 'more-information', 'decline', 'mdt']);
    expect(new Set(triageDecisionCodes).size).toBe(Object.keys(triageDecisionKinds).length);
    expect(priorityCodes).toEqual(['routine', 'urgent', 'emergency']);
    expect(new Set(priorityCodes).size).toBe(Object.keys(priorities).length);
  });

  it('treats received, waiting for information and awaiting MDT as the only open statuses', () => {
    expect([...openStatuses].sort()).toEqual(['awaiting-mdt', 'more-information-requested', 'received']);
    for (const status of openStatuses) expect(allStatuses).toContain(status);
  });

  it('gives every status, decision kind and priority a label', () => {
    for (const label of [
      ...Object.values(referralStatuses),
      ...Object.values(triageDecisionKinds),
      ...Object.values(priorities),
    ]) {
      expect(label.trim().length).toBeGreaterThan(0);
    }
  });
});

describe('statusAfterDecision', () => {
  describe('from received', () => {
    it.each(triageDecisionCodes)('%s moves to its own status', (decision) => {
      expect(statusAfterDecision('received', decision)).toBe(expectedMove[decision]);
    });
  });

  describe('from more-information-requested', () => {
    it.each(triageDecisionCodes)('%s moves to its own status', (decision) => {
      expect(statusAfterDecision('more-information-requested', decision)).toBe(expectedMove[decision]);
    });

    it('allows asking for more information again', () => {
      expect(statusAfterDecision('more-information-requested', 'more-information')).toBe(
        'more-information-requested',
      );
    });
  });

  describe('from awaiting-mdt', () => {
    it.each(triageDecisionCodes.filter((d) => d !== 'mdt'))('%s moves to its own status', (decision) => {
      expect(statusAfterDecision('awaiting-mdt', decision)).toBe(expectedMove[decision]);
    });

    it('refuses taking the referral to MDT a second time', () => {
      expect(statusAfterDecision('awaiting-mdt', 'mdt')).toBeNull();
    });
  });

  describe.each(closedStatuses)('from closed status %s', (status) => {
    it.each(triageDecisionCodes)('refuses %s', (decision) => {
      expect(statusAfterDecision(status, decision)).toBeNull();
    });
  });

  it('covers the full status × decision table', () => {
    const table = Object.fromEntries(
      allStatuses.map((status) => [
        status,
        Object.fromEntries(triageDecisionCodes.map((d) => [d, statusAfterDecision(status, d)])),
      ]),
    );
    const open = {
      accept: 'accepted',
      signpost: 'signposted',
      'more-information': 'more-information-requested',
      decline: 'declined',
      mdt: 'awaiting-mdt',
    };
    const closed = { accept: null, signpost: null, 'more-information': null, decline: null, mdt: null };
    expect(table).toEqual({
      received: open,
      'more-information-requested': open,
      'awaiting-mdt': { ...open, mdt: null },
      accepted: closed,
      signposted: closed,
      declined: closed,
      allocated: closed,
      'group-waiting-list': closed,
      'in-intervention': closed,
      discharged: closed,
    });
  });

  it('only ever moves to a known status, and never out of a closed one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allStatuses),
        fc.constantFrom(...triageDecisionCodes),
        (status, decision) => {
          const next = statusAfterDecision(status, decision);
          if (!openStatuses.includes(status)) {
            expect(next).toBeNull();
          } else if (next !== null) {
            expect(allStatuses).toContain(next);
            expect(next).toBe(expectedMove[decision]);
          }
        },
      ),
    );
  });

  it('never moves a referral back to received', () => {
    for (const status of allStatuses) {
      for (const decision of triageDecisionCodes) {
        expect(statusAfterDecision(status, decision)).not.toBe('received');
      }
    }
  });
});

describe('isInappropriate', () => {
  it('counts a decline that has not been invalidated', () => {
    expect(isInappropriate({ kind: 'decline' })).toBe(true);
    expect(isInappropriate({ kind: 'decline', invalidatedAt: null })).toBe(true);
    expect(isInappropriate({ kind: 'decline', invalidatedAt: undefined })).toBe(true);
  });

  it('does not count a decline that was invalidated', () => {
    expect(isInappropriate({ kind: 'decline', invalidatedAt: new Date('2025-06-30T10:00:00Z') })).toBe(false);
    expect(isInappropriate({ kind: 'decline', invalidatedAt: new Date(0) })).toBe(false);
  });

  it.each(triageDecisionCodes.filter((d) => d !== 'decline'))('never counts %s', (kind) => {
    expect(isInappropriate({ kind })).toBe(false);
    expect(isInappropriate({ kind, invalidatedAt: null })).toBe(false);
    expect(isInappropriate({ kind, invalidatedAt: new Date('2025-06-30T10:00:00Z') })).toBe(false);
  });

  it('is true exactly for non-invalidated declines', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...triageDecisionCodes),
        fc.option(fc.date({ noInvalidDate: true }), { nil: undefined }),
        fc.boolean(),
        (kind, date, useNull) => {
          const invalidatedAt = date ?? (useNull ? null : undefined);
          expect(isInappropriate({ kind, invalidatedAt })).toBe(kind === 'decline' && invalidatedAt == null);
        },
      ),
    );
  });
});

describe('decline reasons', () => {
  it('lists every reason code once', () => {
    expect(declineReasonCodes).toEqual(Object.keys(declineReasons));
    expect(new Set(declineReasonCodes).size).toBe(declineReasonCodes.length);
    expect(declineReasonCodes.length).toBeGreaterThan(0);
  });

  it.each(declineReasonCodes)('%s has text and an alternative to offer', (code) => {
    const reason = declineReasons[code];
    expect(reason.text.trim().length).toBeGreaterThan(0);
    expect(reason.alternative.trim().length).toBeGreaterThan(0);
    expect(reason.alternative).not.toBe(reason.text);
  });

  it('gives each reason its own wording', () => {
    const texts = declineReasonCodes.map((c) => declineReasons[c].text);
    expect(new Set(texts).size).toBe(texts.length);
  });
});
