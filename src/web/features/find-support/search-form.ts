import { DirectorySearchQuery } from '../../../contracts/directory.js';
import type { FieldError } from '../../components/form.js';

/** What the person typed, as strings, before checking. */
export interface SearchFormValues {
  age: string;
  school: string;
  postcode: string;
  need: string;
}

export const emptySearch: SearchFormValues = { age: '', school: '', postcode: '', need: '' };

const fieldNames: Record<string, string> = {
  age: 'Age',
  school: 'School',
  postcode: 'Postcode',
  need: 'Worry',
};

/**
 * Checks the form with the same schema the API uses. Empty answers mean "not given"; the worry
 * "not sure" means no filter on need.
 */
export function checkSearch(
  values: SearchFormValues,
): { query: DirectorySearchQuery } | { errors: FieldError[] } {
  const given = Object.fromEntries(
    Object.entries(values)
      .map(([key, value]) => [key, value.trim()])
      .filter(([key, value]) => value !== '' && !(key === 'need' && value === 'not-sure')),
  );
  const parsed = DirectorySearchQuery.safeParse(given);
  if (parsed.success) return { query: parsed.data };
  const errors = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]);
    if (!errors.has(field)) errors.set(field, `${fieldNames[field] ?? field} ${issue.message}`);
  }
  return { errors: [...errors].map(([field, message]) => ({ field, message })) };
}

/** The API query string for a checked search. */
export function searchParams(query: DirectorySearchQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  return params.toString();
}
