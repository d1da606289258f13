import type { FieldError } from '../../components/form.js';

// Pure helpers for the questionnaire pages, unit-tested in measures-view.test.ts.

export const respondentWords: Record<string, string> = {
  self: 'Young person',
  parent: 'Parent or carer',
  clinician: 'Clinician',
};

/** The field id of one item's radios on the answering pages. */
export const itemField = (itemId: string) => `item-${itemId}`;

/**
 * Checks every item has an answer; an error per unanswered item, linking to its radios, in the
 * questionnaire's order. `chosen` holds the radio values as strings.
 */
export function checkAnswers(
  items: readonly { id: string; text: string }[],
  chosen: Readonly<Record<string, string>>,
  words: (index: number) => string = (index) => `Answer question ${index + 1}`,
): { answers: Record<string, number> } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const answers: Record<string, number> = {};
  items.forEach((item, index) => {
    const value = chosen[item.id];
    if (value === undefined || value === '')
      errors.push({ field: itemField(item.id), message: words(index) });
    else answers[item.id] = Number(value);
  });
  return errors.length > 0 ? { errors } : { answers };
}

/** Maps a 400's invalid params ("answers.gad7-3") to the item's radios. */
export function answerProblems(
  params: readonly { name: string; reason: string }[] | undefined,
  fallback: string,
): FieldError[] {
  if (!params?.length) return [];
  return params.map((p) => {
    const itemId = p.name.startsWith('answers.') ? p.name.slice('answers.'.length) : null;
    return { field: itemId ? itemField(itemId) : fallback, message: `${p.name}: ${p.reason}` };
  });
}

/** "a reliable improvement" → the tag colour the change is shown in. */
export function changeTag(change: string | null): string {
  if (change === 'reliable-improvement') return 'nhsuk-tag--green';
  if (change === 'reliable-deterioration') return 'nhsuk-tag--red';
  return 'nhsuk-tag--grey';
}

/** A loaded definition file's problems, one line each ("items.3.options: must have…"). */
export function definitionProblems(
  params: readonly { name: string; reason: string }[] | undefined,
): string[] {
  return (params ?? []).map((p) => (p.name === 'definition' ? p.reason : `${p.name}: ${p.reason}`));
}

/** Reads a definition file's text as JSON, or says plainly why it is not. */
export function parseDefinitionText(text: string): { json: unknown } | { error: string } {
  if (text.trim() === '') return { error: 'Choose a definition file, or paste its contents' };
  try {
    const json: unknown = JSON.parse(text);
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      return { error: 'The definition must be a JSON object, starting with {' };
    }
    return { json };
  } catch {
    return { error: 'The definition is not valid JSON. Check it was copied in full' };
  }
}
