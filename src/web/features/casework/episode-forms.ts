import type { z } from 'zod';
import {
  type AssessmentInput as AssessmentBody,
  AssessmentInput,
  type ClosureInput as ClosureBody,
  ClosureInput,
  type GoalInput as GoalBody,
  GoalInput,
} from '../../../contracts/episodes.js';
import { londonDate } from '../../../domain/people/child-details.js';
import type { FieldError } from '../../components/form.js';
import type { Checked } from '../mhst/mhst-forms.js';
import { londonDateTime } from '../triage/triage-view.js';

// The episode forms' answers as typed, checked with the API's own Zod schemas, so the page and the
// API agree; each issue becomes an error-summary line on the page's field id.

export const episodeUrl = (referralId: string) => `/api/caseload/${encodeURIComponent(referralId)}/episode`;

/** A day chosen on the form, as a moment: now when it is today, otherwise midday that day. */
export function dayMoment(date: string, now: Date): string | null {
  if (date === londonDate(now)) return now.toISOString();
  return londonDateTime(date, '12:00');
}

const messages: Record<string, string> = {
  presentingProblems: 'Choose at least one presenting problem',
  summary: 'Write a short summary of the assessment',
  riskLevel: 'Choose the level of risk',
  riskDetail: 'Say what the risk is (needed when risk is medium or high)',
  safetyPlan: 'Write the safety plan agreed (needed when risk is medium or high)',
  assessedAt: 'Enter the date of the assessment',
  goal: 'Write the goal in the young person’s words',
  agreedAt: 'Enter the date the goal was agreed',
  kind: 'Choose how help is ending',
  serviceName: 'Name the service they are going to',
  reason: 'Give the reason',
  outcome: 'Choose how things went',
};

function check<S extends z.ZodType>(schema: S, raw: unknown, prefix: string): Checked<z.infer<S>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { body: parsed.data };
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? 'kind');
    if (seen.has(name)) continue;
    seen.add(name);
    errors.push({ field: `${prefix}${name}`, message: messages[name] ?? issue.message });
  }
  return { errors };
}

export interface AssessmentForm {
  presentingProblems: string[];
  summary: string;
  riskLevel: string;
  riskDetail: string;
  safetyPlan: string;
  inConfidence: boolean;
  date: string;
}

export function checkAssessment(form: AssessmentForm, now: Date): Checked<AssessmentBody> {
  const assessedAt = dayMoment(form.date, now);
  return check(AssessmentInput, { ...form, date: undefined, assessedAt: assessedAt ?? '' }, 'assessment-');
}

export function checkGoal(goal: string, date: string, now: Date): Checked<GoalBody> {
  return check(GoalInput, { goal, agreedAt: dayMoment(date, now) ?? '' }, 'goal-');
}

export interface ClosureForm {
  kind: string;
  serviceName: string;
  stepReason: string;
  reason: string;
  outcome: string;
  summary: string;
}

export function checkClosure(form: ClosureForm): Checked<ClosureBody> {
  const body =
    form.kind === 'discharge'
      ? { kind: form.kind, reason: form.reason, outcome: form.outcome, summary: form.summary }
      : { kind: form.kind, serviceName: form.serviceName, reason: form.stepReason, summary: form.summary };
  const checked = check(ClosureInput, body, 'close-');
  if ('body' in checked) return checked;
  // A step's reason is typed in its own box on the page.
  return {
    errors: checked.errors.map((e) =>
      e.field === 'close-reason' && form.kind !== 'discharge'
        ? { field: 'close-stepReason', message: 'Say why they are moving on' }
        : e,
    ),
  };
}
