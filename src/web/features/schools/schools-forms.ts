import type { z } from 'zod';
import {
  CreateConsultationCallInput,
  CreateGroupSessionInput,
  CreateLinkMeetingInput,
  CreatePlanActionInput,
  CreateStaffConsultationInput,
  OpenSurveyInput,
  type PlanAction,
  type UpdatePlanActionInput,
} from '../../../contracts/schools.js';
import type { FieldError } from '../../components/form.js';
import { londonDateTime } from '../triage/triage-view.js';
import { issueLines } from './schools-view.js';

// The schools forms' answers as typed, and the request bodies built from them, checked with the
// same schemas the API uses so that the errors match the server's field names.

export type Checked<T> = { body: T } | { errors: FieldError[] };

const given = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** A date and time typed on a clock in England; `message` when it is missing or not a real one. */
interface Moment {
  field: string;
  date: string;
  time: string;
  message: string;
  isOptional?: boolean;
}

function momentOf(moment: Moment): { value: string | undefined; error: FieldError | null } {
  if (moment.isOptional && moment.date.trim() === '' && moment.time.trim() === '') {
    return { value: undefined, error: null };
  }
  const value = londonDateTime(moment.date.trim(), moment.time.trim());
  return value
    ? { value, error: null }
    : { value: undefined, error: { field: moment.field, message: moment.message } };
}

/**
 * Checks a body against its schema, with dates and times worked out first: a date or time that is
 * missing gets the form's own message rather than the schema's, and every error shows at once, in
 * the order the questions are on the page (`order`).
 */
function check<S extends z.ZodType>(
  schema: S,
  body: Record<string, unknown>,
  prefix: string,
  moments: Moment[] = [],
  order: readonly string[] = [],
): Checked<z.input<S>> {
  const full = { ...body };
  const momentErrors: FieldError[] = [];
  for (const moment of moments) {
    const { value, error } = momentOf(moment);
    if (error) momentErrors.push(error);
    // A placeholder that passes, so the schema reports only the other fields.
    full[moment.field] = error ? '2000-01-01T00:00:00Z' : value;
  }
  const parsed = schema.safeParse(full);
  const place = (field: string) => {
    const index = order.indexOf(field.slice(prefix.length));
    return index === -1 ? order.length : index;
  };
  const errors = [
    ...momentErrors.map((error) => ({ ...error, field: prefix + error.field })),
    ...(parsed.success ? [] : issueLines(parsed.error.issues, prefix)),
  ].sort((a, b) => place(a.field) - place(b.field));
  return errors.length > 0 ? { errors } : { body: full as z.input<S> };
}

export interface PlanActionForm {
  tier: string;
  action: string;
  owner: string;
  dueOn: string;
}

export const emptyPlanAction: PlanActionForm = { tier: '', action: '', owner: '', dueOn: '' };

export function checkPlanAction(
  form: PlanActionForm,
  prefix = '',
): Checked<z.input<typeof CreatePlanActionInput>> {
  return check(
    CreatePlanActionInput,
    {
      tier: form.tier === '' ? undefined : Number(form.tier),
      action: form.action,
      owner: form.owner,
      dueOn: given(form.dueOn),
      status: 'planned',
    },
    prefix,
  );
}

/** The whole action as it should now read, with only its status changed. */
export function planActionUpdate(action: PlanAction, status: PlanAction['status']): UpdatePlanActionInput {
  return { action: action.action, owner: action.owner, dueOn: action.dueOn, status };
}

export interface GroupSessionForm {
  kind: string;
  topic: string;
  date: string;
  time: string;
  attendeeCount: string;
  yearGroups: string;
  deliveredBy: string;
}

/** A count as typed: a whole number becomes a number; anything else is left for the schema to refuse. */
export function countFrom(value: string): number | string | undefined {
  const trimmed = value.trim().replace(/,/g, '');
  if (trimmed === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export function checkGroupSession(
  form: GroupSessionForm,
  prefix = '',
): Checked<z.input<typeof CreateGroupSessionInput>> {
  return check(
    CreateGroupSessionInput,
    {
      kind: given(form.kind),
      topic: form.topic,
      attendeeCount: countFrom(form.attendeeCount),
      yearGroups: form.yearGroups,
      deliveredBy: form.deliveredBy,
    },
    prefix,
    [
      {
        field: 'heldAt',
        date: form.date,
        time: form.time,
        message: 'Enter the date and time of the session, such as 14/03/2026 at 10:00',
      },
    ],
    ['kind', 'topic', 'heldAt', 'attendeeCount', 'yearGroups', 'deliveredBy'],
  );
}

export interface AdviceForm {
  date: string;
  time: string;
  staffRole: string;
  topic: string;
  advice: string;
}

export function checkAdvice(
  form: AdviceForm,
  prefix = '',
): Checked<z.input<typeof CreateStaffConsultationInput>> {
  return check(
    CreateStaffConsultationInput,
    { staffRole: form.staffRole, topic: form.topic, advice: form.advice },
    prefix,
    [
      {
        field: 'givenAt',
        date: form.date,
        time: form.time,
        message: 'Enter the date and time you gave the advice, such as 14/03/2026 at 10:00',
      },
    ],
  );
}

export interface LinkMeetingForm {
  date: string;
  time: string;
  /** One person or agency a line (commas work too). */
  attendees: string;
  discussed: string;
  agreedActions: string;
}

export function attendeesFrom(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((name) => name.trim())
    .filter(Boolean);
}

export function checkLinkMeeting(
  form: LinkMeetingForm,
  prefix = '',
): Checked<z.input<typeof CreateLinkMeetingInput>> {
  return check(
    CreateLinkMeetingInput,
    {
      attendees: attendeesFrom(form.attendees),
      discussed: form.discussed,
      agreedActions: form.agreedActions,
    },
    prefix,
    [
      {
        field: 'heldAt',
        date: form.date,
        time: form.time,
        message: 'Enter the date and time of the meeting, such as 14/03/2026 at 10:00',
      },
    ],
  );
}

export interface CallForm {
  receivedDate: string;
  receivedTime: string;
  advisedDate: string;
  advisedTime: string;
  callerRole: string;
  callerOrganisation: string;
  schoolUrn: string;
  question: string;
  advice: string;
  outcome: string;
}

export function checkCall(form: CallForm, prefix = ''): Checked<z.input<typeof CreateConsultationCallInput>> {
  const checked = check(
    CreateConsultationCallInput,
    {
      callerRole: form.callerRole,
      callerOrganisation: form.callerOrganisation,
      schoolUrn: form.schoolUrn === '' ? undefined : Number(form.schoolUrn),
      question: form.question,
      advice: form.advice,
      outcome: given(form.outcome),
    },
    prefix,
    [
      {
        field: 'receivedAt',
        date: form.receivedDate,
        time: form.receivedTime,
        message: 'Enter the date and time the call came in, such as 14/03/2026 at 10:00',
      },
      {
        field: 'advisedAt',
        date: form.advisedDate,
        time: form.advisedTime,
        message: 'Enter both the date and the time advice was given, or leave both empty',
        isOptional: true,
      },
    ],
    [
      'receivedAt',
      'callerRole',
      'callerOrganisation',
      'schoolUrn',
      'question',
      'advice',
      'advisedAt',
      'outcome',
    ],
  );
  if ('errors' in checked) return checked;
  const { receivedAt, advisedAt } = checked.body;
  if (advisedAt && Date.parse(advisedAt) < Date.parse(receivedAt)) {
    return {
      errors: [{ field: `${prefix}advisedAt`, message: 'Advice cannot be given before the call came in' }],
    };
  }
  return checked;
}

export interface OpenSurveyForm {
  phase: string;
  closesOn: string;
}

export function checkOpenSurvey(form: OpenSurveyForm, prefix = ''): Checked<z.input<typeof OpenSurveyInput>> {
  const checked = check(OpenSurveyInput, { phase: given(form.phase), closesOn: form.closesOn }, prefix);
  if ('errors' in checked) {
    return {
      errors: checked.errors.map((error) =>
        error.field === `${prefix}closesOn`
          ? { ...error, message: 'Enter the last day staff can answer, such as 30/04/2026' }
          : error,
      ),
    };
  }
  return checked;
}

/** The survey's answers as chosen (statement id to "1"–"5"); statements left unanswered are skipped. */
export function surveyAnswers(
  chosen: Record<string, string>,
  firstField: string,
): Checked<{ answers: Record<string, number> }> {
  const answers: Record<string, number> = {};
  for (const [id, value] of Object.entries(chosen)) {
    if (/^[1-5]$/.test(value)) answers[id] = Number(value);
  }
  if (Object.keys(answers).length === 0) {
    return { errors: [{ field: firstField, message: 'Choose an answer for at least one statement' }] };
  }
  return { body: { answers } };
}
