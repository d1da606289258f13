import { describe, expect, it } from 'vitest';
import { answerProblems, checkAnswers, definitionProblems, parseDefinitionText } from './measures-view.js';

describe('questionnaire answers on the page', () => {
  const items = [
    { id: 'a', text: 'First' },
    { id: 'b', text: 'Second' },
  ];
  it('names every unanswered question, linking to its radios', () => {
    expect(checkAnswers(items, { a: '2' })).toEqual({
      errors: [{ field: 'item-b', message: 'Answer question 2' }],
    });
    expect(checkAnswers(items, { a: '2', b: '0' })).toEqual({ answers: { a: 2, b: 0 } });
  });
  it('maps the API’s problems to the item they name', () => {
    expect(answerProblems([{ name: 'answers.b', reason: 'is not answered' }], 'item-a')).toEqual([
      { field: 'item-b', message: 'answers.b: is not answered' },
    ]);
  });
});

describe('loading a definition file', () => {
  it('says plainly when the text is not a JSON object', () => {
    expect(parseDefinitionText('')).toEqual({ error: 'Choose a definition file, or paste its contents' });
    expect('error' in parseDefinitionText('{ "kind": ')).toBe(true);
    expect('error' in parseDefinitionText('[1]')).toBe(true);
    expect(parseDefinitionText('{"kind":"questionnaire"}')).toEqual({ json: { kind: 'questionnaire' } });
  });
  it('lists each problem with the place in the file it is', () => {
    expect(
      definitionProblems([{ name: 'items.2.options', reason: 'must have at least 2 answer options' }]),
    ).toEqual(['items.2.options: must have at least 2 answer options']);
  });
});
