import { describe, expect, it } from 'vitest';
import { InstrumentDefinition, instrumentJsonSchema, totalRange } from './instrument.js';
import { GAD7, PHQ9 } from './shipped.js';

describe('instrumentJsonSchema', () => {
  it('publishes a JSON Schema with both kinds of instrument', () => {
    const schema = instrumentJsonSchema();
    expect(schema.$schema).toContain('json-schema.org');
    const text = JSON.stringify(schema);
    expect(text).toContain('"questionnaire"');
    expect(text).toContain('"goals"');
    expect(text).toContain('"higher-is-worse"');
  });

  it('treats fields with defaults as optional in the file', () => {
    const schema = instrumentJsonSchema() as {
      oneOf: { properties: { scoring?: { properties: object; required: string[] } } }[];
    };
    const scoring = schema.oneOf[0]?.properties.scoring;
    expect(Object.keys(scoring?.properties ?? {})).toContain('subscales');
    expect(scoring?.required).not.toContain('subscales');
    expect(scoring?.required).not.toContain('bands');
    expect(scoring?.required).toContain('reliableChange');
  });
});

describe('InstrumentDefinition', () => {
  it('fills in empty subscales and bands when a file leaves them out', () => {
    const { subscales: _s, bands: _b, ...scoring } = PHQ9.scoring;
    const parsed = InstrumentDefinition.parse({ ...PHQ9, scoring });
    expect(parsed.kind === 'questionnaire' && parsed.scoring.subscales).toEqual([]);
    expect(parsed.kind === 'questionnaire' && parsed.scoring.bands).toEqual([]);
  });

  it('refuses goals rated on anything but 0 to 10', () => {
    const result = InstrumentDefinition.safeParse({
      kind: 'goals',
      id: 'g',
      name: 'G',
      version: '1',
      licence: { note: 'n', attribution: 'a' },
      respondents: ['self'],
      maxGoals: 3,
      rating: { min: 1, max: 10 },
      reliableChange: 3,
      direction: 'higher-is-better',
    });
    expect(result.success).toBe(false);
  });
});

describe('totalRange', () => {
  it('is 0 to 27 for PHQ-9 and 0 to 21 for GAD-7', () => {
    expect(totalRange(PHQ9)).toEqual({ min: 0, max: 27 });
    expect(totalRange(GAD7)).toEqual({ min: 0, max: 21 });
  });
});
