import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInstrument } from './load-instrument.js';
import { scoreAnswers } from './score.js';
import { shippedInstruments } from './shipped.js';

// The tests break the file in many places, as a careless editor would, so it stays untyped here.
// biome-ignore lint/suspicious/noExplicitAny: a raw JSON file, deliberately mutated into bad shapes
const fakeLicensed = (): Record<string, any> =>
  JSON.parse(readFileSync(new URL('./fixtures/fake-licensed.json', import.meta.url), 'utf8'));

const errorsFor = (json: unknown): string[] => {
  const result = parseInstrument(json);
  if (result.ok) throw new Error('expected the definition to be refused');
  return result.errors;
};

describe('parseInstrument: a licensed definition file', () => {
  it('loads the fictional licensed instrument and scores it, subscales and all', () => {
    const result = parseInstrument(fakeLicensed());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const scored = scoreAnswers(result.instrument, { w1: 2, w2: 0, w3: 1, w4: 2 });
    expect(scored).toEqual({
      ok: true,
      score: {
        kind: 'questionnaire',
        total: 5,
        subscales: { kettle: 3, sky: 2 },
        band: 'Wobbly',
        missing: [],
      },
    });
  });

  it('accepts every shipped instrument', () => {
    for (const instrument of shippedInstruments) expect(parseInstrument(instrument).ok).toBe(true);
  });
});

describe('parseInstrument: bad definition files', () => {
  it('names a duplicate item id', () => {
    const json = fakeLicensed();
    json.items[2].id = 'w1';
    expect(errorsFor(json)).toContain('items.2.id: "w1" is used by more than one item');
  });

  it('names a band above the highest possible total', () => {
    const json = fakeLicensed();
    json.scoring.bands[2].min = 9;
    expect(errorsFor(json)).toContain('scoring.bands.2.min: 9 is outside the possible total of 0 to 8');
  });

  it('names an item with missing or too few answer options', () => {
    const json = fakeLicensed();
    delete json.items[3].options;
    json.items[1].options = [{ value: 0, label: 'Only one' }];
    const errors = errorsFor(json);
    expect(errors).toContain('items.3.options: is missing');
    expect(errors).toContain('items.1.options: must have at least 2 answer options');
  });

  it('names a field of the wrong type', () => {
    const json = fakeLicensed();
    json.items[0].options[1].value = 'one';
    json.scoring.reliableChange = '3';
    const errors = errorsFor(json);
    expect(errors).toContain('items.0.options.1.value: must be a number, not text');
    expect(errors).toContain('scoring.reliableChange: must be a number, not text');
  });

  it('names a subscale item that does not exist', () => {
    const json = fakeLicensed();
    json.scoring.subscales[1].itemIds = ['w2', 'w9'];
    expect(errorsFor(json)).toContain('scoring.subscales.1.itemIds.1: there is no item with id "w9"');
  });

  it('names bands out of order, and a first band that does not start at the lowest total', () => {
    const json = fakeLicensed();
    json.scoring.bands = [
      { min: 1, label: 'A' },
      { min: 5, label: 'B' },
      { min: 5, label: 'C' },
    ];
    const errors = errorsFor(json);
    expect(errors).toContain(
      'scoring.bands.0.min: the first band must start at the lowest possible total, 0, not 1',
    );
    expect(errors).toContain('scoring.bands.2.min: bands must go up in order, but 5 is not above 5');
  });

  it('names an answer value used twice in one item', () => {
    const json = fakeLicensed();
    json.items[3].options[2].value = 1;
    expect(errorsFor(json)).toContain('items.3.options.2.value: 1 is used by more than one answer option');
  });

  it('names a bad respondent, a missing field and an unknown kind', () => {
    const json = fakeLicensed();
    json.respondents = ['teacher'];
    delete json.licence;
    const errors = errorsFor(json);
    expect(errors).toContain('respondents.0: must be one of "self", "parent", "clinician", not "teacher"');
    expect(errors).toContain('licence: is missing');
    expect(errorsFor({ ...fakeLicensed(), kind: 'survey' })).toEqual([
      'kind: must be "questionnaire" or "goals", not "survey"',
    ]);
    expect(errorsFor('not an object')).toEqual(['the file: must be an object, not text']);
  });
});
