import type { Problem } from '../../../contracts/problem.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { ApiError } from '../../api.js';
import type { FieldError } from '../../components/form.js';

// Pure helpers for the schools pages: addresses, plain words for figures, and error lines. No React
// here, so each is unit tested.

export function schoolPath(urn: number | string): string {
  return webPaths.schoolDashboard.replace(':urn', String(urn));
}

export function wholeSchoolPath(urn: number | string): string {
  return webPaths.wholeSchool.replace(':urn', String(urn));
}

export function schoolSurveysPath(urn: number | string): string {
  return webPaths.schoolSurveys.replace(':urn', String(urn));
}

/** The full address to share with a school's staff, from the path the API gave. */
export function shareLink(origin: string, path: string): string {
  return new URL(path, origin).toString();
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

export function countWords(n: number, word: string): string {
  return plural(n, word);
}

/** "1 person", "28 people". */
export function peopleWords(n: number): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? 'person' : 'people'}`;
}

/** "1 member of staff", "9 members of staff". */
export function staffWords(n: number): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? 'member' : 'members'} of staff`;
}

export function daysWords(days: number | null): string {
  return days === null ? 'None waiting' : plural(Math.round(days), 'day');
}

/** Minutes between a call and its advice, such as "45 minutes", "2 hours 5 minutes" or "1 day 3 hours". */
export function minutesWords(minutes: number | null): string {
  if (minutes === null) return 'No advice yet';
  const whole = Math.round(minutes);
  if (whole < 60) return plural(whole, 'minute');
  if (whole < 24 * 60) {
    const hours = Math.floor(whole / 60);
    const rest = whole % 60;
    return rest === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(rest, 'minute')}`;
  }
  const days = Math.floor(whole / (24 * 60));
  const hours = Math.floor((whole % (24 * 60)) / 60);
  return hours === 0 ? plural(days, 'day') : `${plural(days, 'day')} ${plural(hours, 'hour')}`;
}

export const surveyPhaseWords = {
  before: "Before the team's work",
  after: "After the team's work",
} as const;

export function phaseWords(phase: string): string {
  return Object.hasOwn(surveyPhaseWords, phase)
    ? surveyPhaseWords[phase as keyof typeof surveyPhaseWords]
    : phase;
}

export const suppressedWords = (minimum: number) =>
  `Fewer than ${minimum} staff answered, so results are hidden to protect anonymity.`;

/** An average rating, such as "3.4 out of 5". */
export function scoreWords(mean: number | null): string {
  return mean === null ? 'Hidden' : `${mean.toFixed(1)} out of 5`;
}

export function percentWords(percent: number | null): string {
  return percent === null ? 'Hidden' : `${percent}%`;
}

/** The change in an average rating, in words that do not rely on a plus or minus sign. */
export function changeWords(change: number | null): string {
  if (change === null) return 'Not enough answers to compare';
  if (change === 0) return 'No change';
  return `${change > 0 ? 'Up' : 'Down'} ${Math.abs(change).toFixed(1)}`;
}

export const planStatusWords: Record<string, { label: string; tag: string }> = {
  planned: { label: 'Planned', tag: 'nhsuk-tag nhsuk-tag--grey' },
  'in-progress': { label: 'In progress', tag: 'nhsuk-tag nhsuk-tag--blue' },
  done: { label: 'Done', tag: 'nhsuk-tag nhsuk-tag--green' },
};

export function planStatus(status: string): { label: string; tag: string } {
  return planStatusWords[status] ?? { label: status, tag: 'nhsuk-tag nhsuk-tag--grey' };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The consultation line's date range from the address bar; anything not a date is left out. */
export function parseCallRange(params: URLSearchParams): { from?: string; to?: string } {
  const range: { from?: string; to?: string } = {};
  const from = params.get('from');
  const to = params.get('to');
  if (from && isoDate.test(from)) range.from = from;
  if (to && isoDate.test(to)) range.to = to;
  return range;
}

export function callRangeQuery(range: { from?: string; to?: string }): string {
  const params = new URLSearchParams();
  if (range.from) params.set('from', range.from);
  if (range.to) params.set('to', range.to);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Today's date and the time now on a clock in England, for a form's starting values. */
export function londonNow(now: Date): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}

const fieldLabels: Record<string, string> = {
  tier: 'Tier',
  action: 'What will be done',
  owner: 'Who will do it',
  dueOn: 'Due date',
  status: 'Status',
  kind: 'Kind of session',
  topic: 'Topic',
  heldAt: 'Date and time',
  attendeeCount: 'Number who came',
  yearGroups: 'Year groups',
  deliveredBy: 'Delivered by',
  givenAt: 'Date and time',
  staffRole: 'Their role',
  advice: 'Advice',
  attendees: 'Who came',
  discussed: 'What was discussed',
  agreedActions: 'What was agreed',
  receivedAt: 'When the call came in',
  advisedAt: 'When advice was given',
  callerRole: "Caller's role",
  callerOrganisation: "Caller's organisation",
  schoolUrn: 'School',
  question: 'Question',
  outcome: 'Outcome',
  teamId: 'Team',
  phase: 'Before or after',
  closesOn: 'Closing date',
  from: 'From',
  to: 'To',
  answers: 'Answers',
};

/**
 * One error-summary line. Reasons written as sentences ("Say who will do it") stand alone; reasons
 * that finish a sentence ("must be a date") get the field's name in front.
 */
export function fieldMessage(name: string, reason: string): string {
  if (!/^[a-z]/.test(reason)) return reason;
  const first = name.split('.')[0] ?? name;
  return `${fieldLabels[first] ?? first} ${reason}`;
}

/** Schema issues as error-summary lines, the first per field; ids get `prefix` so forms can share a page. */
export function issueLines(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix = '',
): FieldError[] {
  const lines = new Map<string, string>();
  for (const issue of issues) {
    const name = String(issue.path[0] ?? 'form');
    if (!lines.has(name)) lines.set(name, fieldMessage(issue.path.map(String).join('.'), issue.message));
  }
  return [...lines].map(([name, message]) => ({ field: prefix + name, message }));
}

/**
 * A failed request as error-summary lines. Fields the form does not show (`known` leaves them out)
 * point at `fallbackField`, so every line still links somewhere on the page.
 */
export function problemLines(
  error: unknown,
  fallbackField: string,
  prefix = '',
  known?: readonly string[],
): FieldError[] {
  if (!(error instanceof ApiError)) {
    return [
      {
        field: prefix + fallbackField,
        message: 'Something went wrong. Check your connection and try again.',
      },
    ];
  }
  const problem: Problem = error.problem;
  if (problem.status === 400 && problem.invalidParams?.length) {
    const seen = new Set<string>();
    return problem.invalidParams.flatMap((param) => {
      const first = param.name.split('.')[0] ?? param.name;
      const field = known && !known.includes(first) ? fallbackField : first;
      if (seen.has(field)) return [];
      seen.add(field);
      return [{ field: prefix + field, message: fieldMessage(param.name, param.reason) }];
    });
  }
  return [{ field: prefix + fallbackField, message: problem.detail ?? problem.title }];
}

export function statusOf(error: unknown): number | null {
  return error instanceof ApiError ? error.problem.status : null;
}
