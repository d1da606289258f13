import type { z } from 'zod';
import {
  type Instrument,
  InstrumentDefinition,
  type QuestionnaireInstrument,
  totalRange,
} from './instrument.js';

/**
 * Loading an instrument definition file, such as a licensed RCADS or SDQ file an organisation
 * provides. The people reading these errors are service administrators, not developers, so every
 * message names where in the file the problem is ("items.3.options") and says what is wrong in
 * plain words. All problems are reported at once, so a file can be fixed in one go.
 */

export type ParseInstrumentResult = { ok: true; instrument: Instrument } | { ok: false; errors: string[] };

export function parseInstrument(json: unknown): ParseInstrumentResult {
  const parsed = InstrumentDefinition.safeParse(json);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => describeIssue(issue, json)) };
  }
  const instrument = parsed.data;
  const errors = instrument.kind === 'questionnaire' ? questionnaireProblems(instrument) : [];
  return errors.length > 0 ? { ok: false, errors } : { ok: true, instrument };
}

/** The checks Zod cannot express: they compare one part of the file with another. */
function questionnaireProblems(instrument: QuestionnaireInstrument): string[] {
  const errors: string[] = [];
  const itemIds = new Set<string>();
  instrument.items.forEach((item, i) => {
    if (itemIds.has(item.id)) errors.push(`items.${i}.id: "${item.id}" is used by more than one item`);
    itemIds.add(item.id);
    const values = new Set<number>();
    item.options.forEach((option, j) => {
      if (values.has(option.value)) {
        errors.push(`items.${i}.options.${j}.value: ${option.value} is used by more than one answer option`);
      }
      values.add(option.value);
    });
  });

  const subscaleIds = new Set<string>();
  instrument.scoring.subscales.forEach((subscale, i) => {
    if (subscaleIds.has(subscale.id)) {
      errors.push(`scoring.subscales.${i}.id: "${subscale.id}" is used by more than one subscale`);
    }
    subscaleIds.add(subscale.id);
    const seen = new Set<string>();
    subscale.itemIds.forEach((itemId, j) => {
      const path = `scoring.subscales.${i}.itemIds.${j}`;
      if (!itemIds.has(itemId)) errors.push(`${path}: there is no item with id "${itemId}"`);
      else if (seen.has(itemId)) errors.push(`${path}: "${itemId}" is listed more than once`);
      seen.add(itemId);
    });
  });

  // Bands must cover every possible total exactly once: the first starts at the lowest total, and
  // each later band starts higher than the one before but no higher than the highest total.
  const { min, max } = totalRange(instrument);
  instrument.scoring.bands.forEach((band, i) => {
    const path = `scoring.bands.${i}.min`;
    const previous = instrument.scoring.bands[i - 1];
    if (i === 0 && band.min !== min) {
      errors.push(`${path}: the first band must start at the lowest possible total, ${min}, not ${band.min}`);
    } else if (band.min < min || band.min > max) {
      errors.push(`${path}: ${band.min} is outside the possible total of ${min} to ${max}`);
    } else if (previous !== undefined && band.min <= previous.min) {
      errors.push(`${path}: bands must go up in order, but ${band.min} is not above ${previous.min}`);
    }
  });
  return errors;
}

function describeIssue(issue: z.core.$ZodIssue, json: unknown): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the file';
  return `${where}: ${describeProblem(issue, valueAt(json, issue.path))}`;
}

function describeProblem(issue: z.core.$ZodIssue, received: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (received === undefined) return 'is missing';
      return `must be ${kindName(issue.expected)}, not ${kindName(typeOf(received))}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ${JSON.stringify(received)}`;
    case 'invalid_union':
      // The only union in the definition is the one on `kind`.
      return received === undefined
        ? 'is missing; it must be "questionnaire" or "goals"'
        : `must be "questionnaire" or "goals", not ${JSON.stringify(received)}`;
    case 'unrecognized_keys':
      return `has fields that are not part of a definition: ${issue.keys.join(', ')}`;
    default:
      // Our own messages (set in instrument.ts) are already plain; Zod's defaults are close enough.
      return issue.message;
  }
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function kindName(type: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    object: 'an object',
    array: 'a list',
    null: 'empty (null)',
  };
  return names[type] ?? type;
}
