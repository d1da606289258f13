import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presentingNeedCodes } from '../organisations/needs.js';
import {
  canChangeGoal,
  canMove,
  closureKindCodes,
  closureOutcome,
  dischargeChoiceCodes,
  dischargeReasonCodes,
  type EpisodeStatus,
  episodeStatuses,
  interventions,
  letterDate,
  needsSafetyPlan,
  presentingProblemCodes,
  reasonForReferrer,
} from './episode.js';

const statuses = Object.keys(episodeStatuses) as EpisodeStatus[];

describe('episode rules', () => {
  it('names each intervention in plain words', () => {
    expect(interventions['guided-self-help-low-mood']).toBe(
      'Guided self-help for low mood (behavioural activation)',
    );
    expect(Object.keys(interventions)).toHaveLength(6);
  });

  it('reuses the referral presenting-need codes for presenting problems', () => {
    expect(presentingProblemCodes).toEqual(presentingNeedCodes);
  });

  it('asks for a safety plan at medium and high risk only', () => {
    expect([needsSafetyPlan('low'), needsSafetyPlan('medium'), needsSafetyPlan('high')]).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('closes only an open episode, and nothing moves after closing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), fc.constantFrom(...statuses), (from, to) => {
        expect(canMove(from, to)).toBe(from === 'open' && to !== 'open');
      }),
    );
  });

  it('maps each kind of closing to a status it may move to from open', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...closureKindCodes),
        fc.constantFrom(...dischargeChoiceCodes),
        (kind, r) => {
          const { status, reason } = closureOutcome(kind, r);
          expect(canMove('open', status)).toBe(true);
          expect(dischargeReasonCodes).toContain(reason);
          if (kind === 'discharge') expect(reason).toBe(r);
        },
      ),
    );
    expect(closureOutcome('step-up')).toEqual({ status: 'stepped-up', reason: 'stepped-up' });
    expect(closureOutcome('onward')).toEqual({ status: 'discharged', reason: 'referred-on' });
  });

  it('keeps step up, step down and onward out of the discharge reasons a practitioner picks', () => {
    expect(dischargeChoiceCodes).not.toContain('stepped-up');
    expect(dischargeChoiceCodes).not.toContain('referred-on');
    expect(dischargeChoiceCodes).toContain('goals-met');
  });

  it('tells a referrer why in words with no clinical detail', () => {
    for (const reason of dischargeReasonCodes) {
      expect(reasonForReferrer(reason)).not.toMatch(/mental|CAMHS|anxiety|mood/i);
    }
  });

  it('lets a goal be achieved or stopped once', () => {
    expect(canChangeGoal('active', 'achieved')).toBe(true);
    expect(canChangeGoal('active', 'stopped')).toBe(true);
    expect(canChangeGoal('achieved', 'stopped')).toBe(false);
    expect(canChangeGoal('stopped', 'achieved')).toBe(false);
    expect(canChangeGoal('active', 'active')).toBe(false);
  });

  it('dates letters in London time', () => {
    expect(letterDate(new Date('2026-06-30T23:30:00Z'))).toBe('1 July 2026');
    expect(letterDate(new Date('2026-12-07T10:00:00Z'))).toBe('7 December 2026');
  });
});
