import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkStatus } from './links.js';
import { formatScore, progressWords, shortName, staffHeadline } from './progress.js';
import { GAD7, GBO, PHQ9 } from './shipped.js';

describe('progress words for the young person', () => {
  it('says it is the first one, and that the practitioner will talk it through', () => {
    expect(progressWords('higher-is-worse', [14])).toBe(
      'This is your first one. Your practitioner will talk it through with you.',
    );
  });

  it('says which way the score went since the first and what lower means', () => {
    expect(progressWords('higher-is-worse', [14, 11, 8])).toBe(
      'Your score has gone down from 14 to 8 since your first one. For this questionnaire, lower means you have been feeling better.',
    );
    expect(progressWords('higher-is-worse', [8, 14])).toBe(
      'Your score has gone up from 8 to 14 since your first one. For this questionnaire, lower means you have been feeling better. Your practitioner will talk it through with you.',
    );
    expect(progressWords('higher-is-better', [3, 7])).toBe(
      'Your score has gone up from 3 to 7 since your first one. For this questionnaire, higher means things have been going better.',
    );
    expect(progressWords('higher-is-worse', [9, 9])).toBe(
      'Your score is 9, the same as your first one. Your practitioner will talk it through with you.',
    );
  });

  it('never uses clinical band labels or the word "reliable"', () => {
    const labels = [...PHQ9.scoring.bands, ...GAD7.scoring.bands].map((b) => b.label.toLowerCase());
    fc.assert(
      fc.property(
        fc.constantFrom('higher-is-worse' as const, 'higher-is-better' as const),
        fc.array(fc.integer({ min: 0, max: 27 }), { minLength: 1, maxLength: 6 }),
        (direction, totals) => {
          const words = progressWords(direction, totals).toLowerCase();
          expect(words).not.toMatch(/reliable|clinical|severe|moderate/);
          for (const label of labels) expect(words).not.toContain(label);
        },
      ),
    );
  });
});

describe('staff headlines', () => {
  it('uses the short name, respondent, first and last totals and the reliable change', () => {
    expect(shortName(PHQ9)).toBe('PHQ-9');
    expect(staffHeadline(PHQ9, 'self', [14, 10, 8], 'reliable-improvement')).toBe(
      'PHQ-9 (self): 14 → 8, a reliable improvement',
    );
    expect(staffHeadline(GAD7, 'parent', [12], null)).toBe('GAD-7 (parent or carer): 12, the first score');
    expect(staffHeadline(GBO, 'self', [3, 13 / 3], 'no-reliable-change')).toBe(
      'GBO (self): 3 → 4.3, no reliable change',
    );
    expect(formatScore(4.25)).toBe('4.3');
  });
});

describe('link status', () => {
  const base = { expiresAt: new Date('2026-12-08T10:00:00Z'), answeredAt: null, withdrawnAt: null };
  it('is waiting until it expires, and answered or withdrawn stay so', () => {
    expect(linkStatus(base, new Date('2026-12-08T09:59:59Z'))).toBe('waiting');
    expect(linkStatus(base, new Date('2026-12-08T10:00:00Z'))).toBe('expired');
    expect(
      linkStatus({ ...base, withdrawnAt: new Date('2026-12-02T00:00:00Z') }, new Date('2026-12-01')),
    ).toBe('withdrawn');
    const answered = { ...base, answeredAt: new Date('2026-12-03T00:00:00Z') };
    expect(linkStatus(answered, new Date('2026-12-20'))).toBe('answered');
  });
});
