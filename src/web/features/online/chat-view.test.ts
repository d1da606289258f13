import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../contracts/online-chat.js';
import { describePlace, highestSeq, mergeMessages, riskSegments, shownMessages } from './chat-view.js';

const chatId = '6f1c2f7e-8a37-4c1e-9a55-0d6a2b0f6a11';

function message(seq: number, overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    chatId,
    seq,
    senderKind: 'young-person',
    senderLabel: 'You',
    clientMessageId: `client-${seq}`,
    body: `message ${seq}`,
    sentAt: '2026-12-01T19:00:00.000Z',
    ...overrides,
  };
}

describe('mergeMessages', () => {
  it('keeps each seq once, in order, however often and in whatever order messages arrive', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 30 }))), (batches) => {
        let held: ChatMessage[] = [];
        for (const batch of batches)
          held = mergeMessages(
            held,
            batch.map((seq) => message(seq)),
          );
        const expected = [...new Set(batches.flat())].sort((a, b) => a - b);
        expect(held.map((m) => m.seq)).toEqual(expected);
        expect(highestSeq(held)).toBe(expected.at(-1) ?? 0);
      }),
    );
  });

  it('keeps the first copy of a message it already holds', () => {
    const merged = mergeMessages([message(1, { body: 'first' })], [message(1, { body: 'again' })]);
    expect(merged.map((m) => m.body)).toEqual(['first']);
  });
});

describe('shownMessages', () => {
  const mine = (m: ChatMessage) => m.senderKind === 'young-person';

  it('shows a message still sending after the stored ones, and only until it is stored', () => {
    const stored = [message(1, { senderKind: 'counsellor', senderLabel: 'Counsellor Sam' })];
    const pending = [{ clientMessageId: 'abc12345', body: 'hello' }];
    expect(shownMessages(stored, pending, mine).map((m) => m.kind)).toEqual(['stored', 'sending']);
    const nowStored = [...stored, message(2, { clientMessageId: 'abc12345', body: 'hello' })];
    const shown = shownMessages(nowStored, pending, mine);
    expect(shown.map((m) => m.kind)).toEqual(['stored', 'stored']);
    expect(shown.map((m) => (m.kind === 'stored' ? m.isMine : null))).toEqual([false, true]);
  });

  it('does not mistake the other side’s message with the same client id for ours', () => {
    const stored = [message(1, { senderKind: 'counsellor', clientMessageId: 'same-id-1' })];
    const shown = shownMessages(stored, [{ clientMessageId: 'same-id-1', body: 'hi' }], mine);
    expect(shown.map((m) => m.kind)).toEqual(['stored', 'sending']);
  });
});

describe('waiting words', () => {
  it('says plainly how many people are before you', () => {
    expect(describePlace(1)).toBe('You are next.');
    expect(describePlace(2)).toBe('There is 1 person before you.');
    expect(describePlace(4)).toBe('There are 3 people before you.');
  });
});

describe('riskSegments', () => {
  const match = { phraseId: 'p1', phrase: 'kill myself', category: 'suicide' };

  it('marks a whole-word match in any case, keeping the rest of the text', () => {
    const segments = riskSegments('Sometimes I want to Kill  myself tonight', [match]);
    expect(segments.map((s) => s.text).join('')).toBe('Sometimes I want to Kill  myself tonight');
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['Kill  myself']);
  });

  it('marks a phrase with punctuation between its words, as the server matches it', () => {
    const segments = riskSegments('I could kill... myself', [match]);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['kill... myself']);
  });

  it('does not mark a phrase inside a longer word', () => {
    const segments = riskSegments('overdosed', [
      { phraseId: 'p2', phrase: 'overdose', category: 'self-harm' },
    ]);
    expect(segments).toEqual([{ text: 'overdosed', match: null }]);
  });

  it('always gives back the whole text', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string({ minLength: 1 })), (body, phrases) => {
        const matches = phrases.map((phrase, i) => ({ phraseId: `p${i}`, phrase, category: 'other' }));
        expect(
          riskSegments(body, matches)
            .map((s) => s.text)
            .join(''),
        ).toBe(body);
      }),
    );
  });
});
