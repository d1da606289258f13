import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ArticleStatus, articleStatuses } from '../../contracts/self-help.js';
import {
  type ArticleMove,
  articleActions,
  dailyMoods,
  freeSlug,
  goalSentence,
  mayChangeGoal,
  mayReview,
  moodLabel,
  moodSentence,
  nextArticleStatus,
  paragraphsOf,
  slugOf,
} from './self-help.js';

const moves: ArticleMove[] = ['submit', 'publish', 'send-back', 'withdraw'];
const now = new Date('2026-11-23T10:00:00Z');
const daysAgo = (n: number, hour = 10) => new Date(Date.UTC(2026, 10, 23 - n, hour));

describe('the article state machine', () => {
  it('goes draft → in-review → published → withdrawn, and back to draft when sent back', () => {
    expect(nextArticleStatus('draft', 'submit')).toBe('in-review');
    expect(nextArticleStatus('in-review', 'publish')).toBe('published');
    expect(nextArticleStatus('in-review', 'send-back')).toBe('draft');
    expect(nextArticleStatus('published', 'withdraw')).toBe('withdrawn');
  });

  it('refuses every other move', () => {
    expect(nextArticleStatus('draft', 'publish')).toBeNull();
    expect(nextArticleStatus('draft', 'withdraw')).toBeNull();
    expect(nextArticleStatus('published', 'submit')).toBeNull();
    expect(nextArticleStatus('in-review', 'withdraw')).toBeNull();
    for (const move of moves) expect(nextArticleStatus('withdrawn', move)).toBeNull();
  });

  it('never publishes an article that did not pass through review, whatever the moves', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...moves), { maxLength: 20 }), (sequence) => {
        let status: ArticleStatus = 'draft';
        let previous: ArticleStatus = 'draft';
        for (const move of sequence) {
          const next = nextArticleStatus(status, move);
          if (next === null) continue;
          previous = status;
          status = next;
          if (status === 'published') expect(previous).toBe('in-review');
        }
        expect(articleStatuses).toContain(status);
      }),
    );
  });

  it('never lets the writer review their own article', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), fc.constantFrom(...articleStatuses), (writer, other, status) => {
        expect(mayReview({ writtenBy: writer }, writer)).toBe(false);
        const own = articleActions({ status, writtenBy: writer }, writer, {
          canWrite: true,
          canReview: true,
        });
        expect(own.review).toBe(false);
        if (other !== writer) expect(mayReview({ writtenBy: writer }, other)).toBe(true);
      }),
    );
  });

  it('lets only the writer edit or submit a draft, and a reviewer withdraw a published one', () => {
    const writer = 'w';
    const draft = articleActions({ status: 'draft', writtenBy: writer }, writer, {
      canWrite: true,
      canReview: false,
    });
    expect(draft).toEqual({ edit: true, submit: true, review: false, withdraw: false });
    const byOther = articleActions({ status: 'draft', writtenBy: writer }, 'x', {
      canWrite: true,
      canReview: true,
    });
    expect(byOther.edit).toBe(false);
    const inReview = articleActions({ status: 'in-review', writtenBy: writer }, 'x', {
      canWrite: true,
      canReview: true,
    });
    expect(inReview).toEqual({ edit: false, submit: false, review: true, withdraw: false });
    const published = articleActions({ status: 'published', writtenBy: writer }, writer, {
      canWrite: true,
      canReview: true,
    });
    expect(published.withdraw).toBe(true);
  });
});

describe('slugs and paragraphs', () => {
  it('makes a URL name of lower-case words joined by hyphens', () => {
    expect(slugOf('Feeling low? Things that can help')).toBe('feeling-low-things-that-can-help');
    expect(slugOf('Café & crème')).toBe('cafe-creme');
    expect(slugOf('!!!')).toBe('article');
    expect(slugOf('Drafts')).toBe('drafts-article');
  });

  it('always gives a safe slug', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (title) => {
        const slug = slugOf(title);
        expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(slug.length).toBeLessThanOrEqual(68);
        expect(slug).not.toBe('drafts');
      }),
    );
  });

  it('finds the first free slug', () => {
    expect(freeSlug('sleep', new Set())).toBe('sleep');
    expect(freeSlug('sleep', new Set(['sleep', 'sleep-2']))).toBe('sleep-3');
  });

  it('splits a body at blank lines and never gives an empty paragraph', () => {
    expect(paragraphsOf('One.\n\n\nTwo,\nstill two.\r\n\r\nThree.')).toEqual([
      'One.',
      'Two,\nstill two.',
      'Three.',
    ]);
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (body) => {
        for (const paragraph of paragraphsOf(body)) {
          expect(paragraph.trim()).toBe(paragraph);
          expect(paragraph.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('mood', () => {
  it('names each mood in words', () => {
    expect([1, 2, 3, 4, 5].map(moodLabel)).toEqual(['Awful', 'Not good', 'OK', 'Good', 'Great']);
  });

  it('keeps the last mood of each day in England, for 30 days, oldest first', () => {
    const days = dailyMoods(
      [
        { mood: 2, recordedAt: daysAgo(0, 8) },
        { mood: 5, recordedAt: daysAgo(0, 9) },
        { mood: 1, recordedAt: daysAgo(3) },
        { mood: 4, recordedAt: daysAgo(40) },
      ],
      now,
    );
    expect(days).toHaveLength(30);
    expect(days[29]).toEqual({ day: '2026-11-23', mood: 5, label: 'Great' });
    expect(days[26]).toEqual({ day: '2026-11-20', mood: 1, label: 'Awful' });
    expect(days[0]?.day).toBe('2026-10-25');
    expect(days.filter((d) => d.mood !== null)).toHaveLength(2);
  });

  it('says how many of the last 14 days were good or great', () => {
    const every = Array.from({ length: 14 }, (_, n) => ({ mood: n < 9 ? 4 : 2, recordedAt: daysAgo(n) }));
    expect(moodSentence(every, now)).toBe('You felt good or great on 9 of the last 14 days.');
    expect(moodSentence(every.slice(0, 3), now)).toBe(
      'You said how you felt on 3 of the last 14 days. You felt good or great on 3 of those days.',
    );
    expect(moodSentence([], now)).toBe('You have not said how you feel in the last 14 days.');
  });

  it('never counts more good days than days', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ mood: fc.integer({ min: 1, max: 5 }), back: fc.integer({ min: 0, max: 60 }) })),
        (picks) => {
          const entries = picks.map((p) => ({ mood: p.mood, recordedAt: daysAgo(p.back) }));
          const numbers = (moodSentence(entries, now).match(/\d+/g) ?? []).map(Number);
          for (const n of numbers) expect(n).toBeLessThanOrEqual(14);
          const recorded = new Set(picks.filter((p) => p.back < 14).map((p) => p.back)).size;
          if (recorded > 0 && recorded < 14) expect(numbers[0]).toBe(recorded);
        },
      ),
    );
  });
});

describe('goals', () => {
  it('can change only while open', () => {
    expect(mayChangeGoal({ closedAs: null })).toBe(true);
    expect(mayChangeGoal({ closedAs: 'achieved' })).toBe(false);
    expect(mayChangeGoal({ closedAs: 'stopped' })).toBe(false);
  });

  it('sums up the ratings in a sentence', () => {
    const open = { closedAs: null };
    expect(goalSentence(open, [])).toBe('You have not rated this goal yet.');
    expect(goalSentence(open, [{ rating: 4 }])).toBe('You rated this goal 4 out of 10.');
    expect(goalSentence(open, [{ rating: 3 }, { rating: 7 }])).toBe(
      'Your latest rating is 7 out of 10, up from 3.',
    );
    expect(goalSentence(open, [{ rating: 6 }, { rating: 2 }])).toBe(
      'Your latest rating is 2 out of 10, down from 6.',
    );
    expect(goalSentence({ closedAs: 'achieved' }, [{ rating: 5 }, { rating: 5 }])).toBe(
      'Your latest rating is 5 out of 10, the same as at the start. You did it!',
    );
  });
});
