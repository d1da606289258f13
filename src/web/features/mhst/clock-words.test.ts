import { describe, expect, it } from 'vitest';
import {
  appointmentWords,
  clockStopSentence,
  dayWords,
  firstContactSentence,
  listWords,
  missingMilestones,
  pausedSentences,
  secondContactSentence,
  spellSentence,
  weekdayWords,
} from './clock-words.js';

const running = (days: number) => ({ days, isRunning: true, stoppedAt: null });
const stopped = (days: number, at: string) => ({ days, isRunning: false, stoppedAt: at });
const noPauses = { 'more-information': 0, 'young-person-choice': 0 };

describe('days in England', () => {
  const now = new Date('2026-11-23T10:00:00Z');

  it('leaves out the year when it is this year', () => {
    expect(dayWords('2026-11-20T10:00:00Z', now)).toBe('20 November');
    expect(dayWords('2025-11-20T10:00:00Z', now)).toBe('20 November 2025');
  });

  it('uses the London date, not UTC, late on a summer evening', () => {
    expect(dayWords('2026-06-30T23:30:00Z', now)).toBe('1 July');
  });

  it('says a day of the week ahead and an appointment time', () => {
    expect(weekdayWords('2026-12-01')).toBe('Tuesday 1 December');
    expect(appointmentWords('2026-07-15T08:30:00Z')).toBe('09:30 on Wednesday 15 July 2026');
  });
});

describe('the headline wait for a first appointment', () => {
  it('says when four weeks were passed', () => {
    const clocks = { startedAt: '2026-10-23T09:00:00Z', firstContact: running(31) };
    expect(firstContactSentence(clocks, new Date('2026-11-23T10:00:00Z'))).toBe(
      'Waited 31 days. The four-week standard was passed on 20 November.',
    );
  });

  it('says the date to be seen by while within four weeks', () => {
    const clocks = { startedAt: '2026-11-10T09:00:00Z', firstContact: running(13) };
    expect(firstContactSentence(clocks, new Date('2026-11-23T10:00:00Z'))).toBe(
      'Waited 13 days so far. To be seen within four weeks, the first appointment must be by 8 December.',
    );
    expect(
      firstContactSentence({ ...clocks, firstContact: running(1) }, new Date('2026-11-11T10:00:00Z')),
    ).toBe('Waited 1 day so far. To be seen within four weeks, the first appointment must be by 8 December.');
  });

  it('says when today is the last day', () => {
    const clocks = { startedAt: '2026-10-26T09:00:00Z', firstContact: running(28) };
    expect(firstContactSentence(clocks, new Date('2026-11-23T10:00:00Z'))).toBe(
      'Waited 28 days. Today, 23 November, is the last day to be seen within four weeks.',
    );
  });

  it('says when they were first seen, and whether that was in time', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(
      firstContactSentence(
        { startedAt: '2026-10-01T09:00:00Z', firstContact: stopped(20, '2026-10-21T10:00:00Z') },
        now,
      ),
    ).toBe('First seen after 20 days, on 21 October: within the four-week standard.');
    expect(
      firstContactSentence(
        { startedAt: '2026-10-01T09:00:00Z', firstContact: stopped(28, '2026-10-29T10:00:00Z') },
        now,
      ),
    ).toBe('First seen after 28 days, on 29 October: within the four-week standard.');
    expect(
      firstContactSentence(
        { startedAt: '2026-10-01T09:00:00Z', firstContact: stopped(35, '2026-11-05T10:00:00Z') },
        now,
      ),
    ).toBe('First seen after 35 days, on 5 November: 7 days over the four-week standard.');
  });
});

describe('the other clock views', () => {
  const now = new Date('2026-11-23T10:00:00Z');

  it('says the second appointment', () => {
    expect(secondContactSentence({ secondContact: running(40) }, now)).toBe(
      'Not seen a second time yet: 40 days since the referral.',
    );
    expect(secondContactSentence({ secondContact: stopped(33, '2026-11-12T10:00:00Z') }, now)).toBe(
      'Seen a second time after 33 days, on 12 November.',
    );
  });

  it('says which milestones are still to record before the clock stops', () => {
    expect(missingMilestones(['care-plan', 'assessment'])).toEqual(['intervention', 'baseline-measure']);
    expect(clockStopSentence({ clockStop: running(40) }, ['assessment', 'care-plan'], now)).toBe(
      'Still running after 40 days. Still to record: intervention started and baseline measure (outcome questionnaire).',
    );
    expect(clockStopSentence({ clockStop: running(40) }, null, now)).toBe(
      'Still running after 40 days. It stops when the assessment, care plan, intervention and baseline measure are all recorded.',
    );
    expect(clockStopSentence({ clockStop: stopped(50, '2026-11-20T10:00:00Z') }, null, now)).toBe(
      'The clock stopped after 50 days, on 20 November, when all four milestones had been recorded.',
    );
  });

  it('puts names in a list', () => {
    expect(listWords(['a'])).toBe('a');
    expect(listWords(['a', 'b'])).toBe('a and b');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('paused days, beside the wait and never taken off it', () => {
  it('says when nothing was paused', () => {
    expect(
      pausedSentences({ pausedDays: noPauses, firstContact: running(10), firstContactLessChosenPauses: 10 }),
    ).toEqual(['No time paused.']);
  });

  it('says the days the young person chose, and the wait without them as a second view', () => {
    const lines = pausedSentences({
      pausedDays: { 'more-information': 3, 'young-person-choice': 5 },
      firstContact: running(31),
      firstContactLessChosenPauses: 26,
    });
    expect(lines).toEqual([
      'The young person asked to wait for 5 days. These days are shown beside the wait, not taken off it. Without them the wait would be 26 days.',
      '3 days waiting for more information from the referrer, also counted in the wait.',
    ]);
  });

  it('explains a referral spell only when there is more than one referral', () => {
    expect(spellSentence(1)).toBeNull();
    expect(spellSentence(2)).toMatch(/^This is one of 2 referrals/);
  });
});
