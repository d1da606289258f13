import type { Problem } from '../../../contracts/problem.js';
import { ApiError } from '../../api.js';
import type { FieldError } from '../../components/form.js';

const fieldLabels: Record<string, string> = { email: 'Email address', password: 'Password', code: 'Code' };

/** Turns an API problem into error-summary lines, each linked to its field where there is one. */
export function problemErrors(error: unknown, fallbackField: string): FieldError[] {
  if (!(error instanceof ApiError))
    return [{ field: fallbackField, message: 'Something went wrong. Try again.' }];
  const problem: Problem = error.problem;
  if (problem.invalidParams?.length) {
    return problem.invalidParams.map((param) => ({
      field: param.name,
      message: `${fieldLabels[param.name] ?? param.name} ${param.reason}`,
    }));
  }
  return [{ field: fallbackField, message: problem.detail ?? problem.title }];
}
