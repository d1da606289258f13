import {
  heardFromLabels,
  heardFromOptions,
  onlineGenderLabels,
  onlineGenders,
  SignUpInput,
} from '../../../contracts/online-accounts.js';
import type { FieldError } from '../../components/form.js';

// The sign-up form's answers as typed, turned into what the API takes, and its errors in words.

export interface SignUpAnswers {
  username: string;
  password: string;
  age: string;
  gender: string;
  genderDescription: string;
  schoolUrn: string;
  area: string;
  heardFrom: string;
  recoveryEmail: string;
  recoveryPhone: string;
}

export const emptyAnswers: SignUpAnswers = {
  username: '',
  password: '',
  age: '',
  gender: '',
  genderDescription: '',
  schoolUrn: '',
  area: '',
  heardFrom: '',
  recoveryEmail: '',
  recoveryPhone: '',
};

export const genderOptions = onlineGenders.map((value) => ({ value, label: onlineGenderLabels[value] }));
export const heardFromChoices = heardFromOptions.map((value) => ({ value, label: heardFromLabels[value] }));

/** The order fields appear in, so the error summary lists them top to bottom. */
const fieldOrder: (keyof SignUpAnswers)[] = [
  'username',
  'password',
  'age',
  'gender',
  'genderDescription',
  'schoolUrn',
  'area',
  'heardFrom',
  'recoveryEmail',
  'recoveryPhone',
];

const labels: Record<keyof SignUpAnswers, string> = {
  username: 'Your username',
  password: 'Your password',
  age: 'Your age',
  gender: 'Gender',
  genderDescription: 'How you describe your gender',
  schoolUrn: 'Your school',
  area: 'Your town or area',
  heardFrom: 'How you heard about us',
  recoveryEmail: 'The email address',
  recoveryPhone: 'The phone number',
};

/** What the API is sent: numbers as numbers, empty answers as nothing. */
export function payloadOf(answers: SignUpAnswers) {
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    username: answers.username.trim(),
    password: answers.password,
    age: /^\d{1,3}$/.test(answers.age.trim()) ? Number(answers.age.trim()) : Number.NaN,
    gender: answers.gender,
    genderDescription: answers.gender === 'self-described' ? text(answers.genderDescription) : null,
    schoolUrn: answers.schoolUrn ? Number(answers.schoolUrn) : null,
    area: answers.schoolUrn ? null : text(answers.area),
    heardFrom: answers.heardFrom,
    recoveryEmail: text(answers.recoveryEmail),
    recoveryPhone: text(answers.recoveryPhone),
  };
}

/** An error for one field, as a sentence: "Your username must be …", "Choose how you heard about us". */
export function fieldMessage(field: string, reason: string): string {
  if (field === 'gender')
    return 'Choose the answer that fits you best (you can choose "I would rather not say")';
  if (field === 'heardFrom') return 'Choose how you heard about us';
  if (field === 'age' && !/aged/.test(reason)) return 'Enter your age in years, such as 14';
  const label = labels[field as keyof SignUpAnswers] ?? 'This answer';
  return `${label} ${reason}`;
}

/** Checks the answers in the browser with the API's own rules; the same errors the API would give. */
export function checkAnswers(answers: SignUpAnswers): FieldError[] {
  const parsed = SignUpInput.safeParse(payloadOf(answers));
  if (parsed.success) return [];
  const byField = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'username');
    if (!byField.has(field)) byField.set(field, fieldMessage(field, issue.message));
  }
  return sortErrors([...byField].map(([field, message]) => ({ field, message })));
}

export function sortErrors(errors: FieldError[]): FieldError[] {
  const rank = (field: string) => {
    const index = fieldOrder.indexOf(field as keyof SignUpAnswers);
    return index === -1 ? fieldOrder.length : index;
  };
  return [...errors].sort((a, b) => rank(a.field) - rank(b.field));
}
