import type { RiskMatch } from '../../contracts/online-chat.js';

export const riskCategories = [
  'suicide',
  'self-harm',
  'abuse',
  'exploitation',
  'harm-to-others',
  'other',
] as const;
export type RiskCategory = (typeof riskCategories)[number];

export interface RiskPhrase {
  id: string;
  phrase: string;
  category: string;
}

/** Lower case, curly quotes straightened, anything but letters, digits and apostrophes as one space. */
export function normaliseForMatching(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^a-z0-9']+/g, ' ')
    .trim();
}

/** Each list's phrases with their normalised form, worked out once per list (the chat keeps a list for a minute). */
const preparedLists = new WeakMap<readonly RiskPhrase[], { phrase: RiskPhrase; needle: string }[]>();

function prepared(phrases: readonly RiskPhrase[]): { phrase: RiskPhrase; needle: string }[] {
  let found = preparedLists.get(phrases);
  // A list changed in place (never done today) is prepared again rather than matched half-stale.
  if (!found || found.length !== phrases.length) {
    found = phrases.map((phrase) => ({ phrase, needle: normaliseForMatching(phrase.phrase) }));
    preparedLists.set(phrases, found);
  }
  return found;
}

/**
 * The risk phrases a message contains, matched on whole words after normalising both, so "I want
 * to die" matches "want to die" but "studied" does not match "die". Each phrase is reported once.
 */
export function matchRiskPhrases(text: string, phrases: readonly RiskPhrase[]): RiskMatch[] {
  const haystack = ` ${normaliseForMatching(text)} `;
  const matches: RiskMatch[] = [];
  for (const { phrase: p, needle } of prepared(phrases)) {
    if (needle.length > 0 && haystack.includes(` ${needle} `)) {
      matches.push({ phraseId: p.id, phrase: p.phrase, category: p.category });
    }
  }
  return matches;
}

/** The list a new service starts with; the duty seniors maintain it from there. */
export const defaultRiskPhrases: { phrase: string; category: RiskCategory }[] = [
  { phrase: 'kill myself', category: 'suicide' },
  { phrase: 'want to die', category: 'suicide' },
  { phrase: 'end my life', category: 'suicide' },
  { phrase: 'better off dead', category: 'suicide' },
  { phrase: 'no reason to live', category: 'suicide' },
  { phrase: 'suicide', category: 'suicide' },
  { phrase: 'take an overdose', category: 'suicide' },
  { phrase: 'taken an overdose', category: 'suicide' },
  { phrase: 'cut myself', category: 'self-harm' },
  { phrase: 'cutting myself', category: 'self-harm' },
  { phrase: 'hurt myself', category: 'self-harm' },
  { phrase: 'self harm', category: 'self-harm' },
  { phrase: 'burn myself', category: 'self-harm' },
  { phrase: 'not safe at home', category: 'abuse' },
  { phrase: 'scared to go home', category: 'abuse' },
  { phrase: 'he hits me', category: 'abuse' },
  { phrase: 'she hits me', category: 'abuse' },
  { phrase: 'touched me', category: 'abuse' },
  { phrase: 'send pictures', category: 'exploitation' },
  { phrase: 'older boyfriend', category: 'exploitation' },
  { phrase: 'meet someone i met online', category: 'exploitation' },
  { phrase: 'hurt someone', category: 'harm-to-others' },
  { phrase: 'bring a knife', category: 'harm-to-others' },
];
