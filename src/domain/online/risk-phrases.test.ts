import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultRiskPhrases,
  matchRiskPhrases,
  normaliseForMatching,
  type RiskPhrase,
} from './risk-phrases.js';

const phraseList: RiskPhrase[] = defaultRiskPhrases.map((p, i) => ({ id: `p${i}`, ...p }));
const found = (text: string) => matchRiskPhrases(text, phraseList).map((m) => m.phrase);

const word = fc.stringMatching(/^[a-z]{2,8}$/);
const phraseWords = fc.array(word, { minLength: 1, maxLength: 4 });
/** Anything between words that is not a letter, digit or apostrophe: spaces, punctuation, emoji, new lines. */
const separator = fc
  .array(fc.constantFrom(' ', ' ', '.', ',', '!', '?', '-', '…', '\n', '\t', '"', '(', ')', '😢', '*', '/'), {
    minLength: 1,
    maxLength: 4,
  })
  .map((chars) => chars.join(''));
const anyText = fc.string({ maxLength: 40 });
const randomCase = (text: string, flips: boolean[]) =>
  [...text].map((c, i) => (flips[i % Math.max(flips.length, 1)] ? c.toUpperCase() : c)).join('');

describe('matchRiskPhrases', () => {
  it.each([
    ['I want to die', ['want to die']],
    ['i WANT… to   DIE!!', ['want to die']],
    ['I’ve thought about suicide', ['suicide']],
    ['I studied all night and I’m dying to sleep', []],
    ['self-harm', ['self harm']],
    ['cut myself, and I want to kill myself', ['kill myself', 'cut myself']],
  ])('%s', (text, expected) => {
    expect(found(text).sort()).toEqual([...expected].sort());
  });

  it('matches each list by its own phrases when several lists are in use', () => {
    const other: RiskPhrase[] = [{ id: 'o1', phrase: 'Run AWAY', category: 'other' }];
    expect(found('I want to run away')).toEqual([]);
    expect(matchRiskPhrases('I want to run away', other).map((m) => m.phraseId)).toEqual(['o1']);
    expect(matchRiskPhrases('I want to die', other)).toEqual([]);
    expect(found('I want to die')).toEqual(['want to die']);
  });

  it('reports each phrase once however often it appears', () => {
    expect(found('want to die. want to die. WANT TO DIE')).toEqual(['want to die']);
  });

  it('finds a phrase embedded in any text, with any punctuation between its words and any case', () => {
    fc.assert(
      fc.property(
        phraseWords,
        fc.array(separator, { minLength: 5, maxLength: 5 }),
        anyText,
        anyText,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
        (words, seps, before, after, flips) => {
          const [lead = ' ', trail = ' ', ...between] = seps;
          const written = words
            .map((w, i) => (i === 0 ? '' : (between[i % between.length] ?? ' ')) + w)
            .join('');
          const text = `${before}${lead}${randomCase(written, flips)}${trail}${after}`;
          const phrase: RiskPhrase = { id: 'x', phrase: words.join(' '), category: 'other' };
          expect(matchRiskPhrases(text, [phrase])).toEqual([
            { phraseId: 'x', phrase: phrase.phrase, category: 'other' },
          ]);
        },
      ),
    );
  });

  it('does not find a phrase when one of its words is split in two', () => {
    fc.assert(
      fc.property(phraseWords, fc.nat(), fc.nat(), separator, (words, which, at, sep) => {
        const index = which % words.length;
        const target = words[index] ?? '';
        const cut = 1 + (at % (target.length - 1));
        const split = words.map((w, i) => (i === index ? `${w.slice(0, cut)}${sep}${w.slice(cut)}` : w));
        const phrase: RiskPhrase = { id: 'x', phrase: words.join(' '), category: 'other' };
        expect(matchRiskPhrases(split.join(' '), [phrase])).toEqual([]);
      }),
    );
  });

  it('does not find a phrase whose first or last word runs on into another word', () => {
    fc.assert(
      fc.property(phraseWords, word, fc.boolean(), (words, extra, atStart) => {
        const text = atStart ? `${extra}${words.join(' ')}` : `${words.join(' ')}${extra}`;
        const phrase: RiskPhrase = { id: 'x', phrase: words.join(' '), category: 'other' };
        expect(matchRiskPhrases(text, [phrase])).toEqual([]);
      }),
    );
  });

  it('normalises to lower-case words separated by single spaces', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const normal = normaliseForMatching(text);
        expect(normal).toMatch(/^([a-z0-9']+( [a-z0-9']+)*)?$/);
        expect(normaliseForMatching(normal)).toBe(normal);
      }),
    );
  });

  it('never matches an empty phrase', () => {
    expect(matchRiskPhrases('anything at all', [{ id: 'e', phrase: ' ... ', category: 'other' }])).toEqual(
      [],
    );
  });
});
