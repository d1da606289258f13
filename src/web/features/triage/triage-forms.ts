import type { z } from 'zod';
import {
  CreateMdtMeetingInput,
  LeadWorkerInput,
  MdtOutcomeInput,
  type MyReferralList,
  TriageDecisionInput,
} from '../../../contracts/triage.js';
import type { FieldError } from '../../components/form.js';
import { declineWords, issueLines, londonDateTime } from './triage-view.js';

// The staff forms' answers as typed, and the request bodies built from them, checked with the
// same schemas the API uses so the errors match the server's field names.

export type MyReferral = z.infer<typeof MyReferralList>['referrals'][number];

type Checked<T> = { body: T } | { errors: FieldError[] };

function check<S extends z.ZodType>(schema: S, body: unknown, prefix = ''): Checked<z.input<S>> {
  const parsed = schema.safeParse(body);
  return parsed.success ? { body: body as z.input<S> } : { errors: issueLines(parsed.error.issues, prefix) };
}

export interface DecisionForm {
  kind: string;
  thriveGrouping: string;
  priority: string;
  service: string;
  teamId: string;
  signpostedTo: string[];
  informationSent: string;
  question: string;
  declineReason: string;
  notes: string;
}

export const emptyDecision: DecisionForm = {
  kind: '',
  thriveGrouping: '',
  priority: '',
  service: '',
  teamId: '',
  signpostedTo: [],
  informationSent: '',
  question: '',
  declineReason: '',
  notes: '',
};

const given = (value: string) => (value.trim() === '' ? undefined : value);

/** The body of POST …/decisions: only the answers that belong to the chosen kind of decision. */
export function decisionBody(form: DecisionForm): Record<string, unknown> {
  const base = {
    kind: given(form.kind),
    thriveGrouping: given(form.thriveGrouping),
    priority: given(form.priority),
    notes: form.notes,
  };
  switch (form.kind) {
    case 'accept':
      return { ...base, service: given(form.service), teamId: given(form.teamId) };
    case 'signpost':
      return { ...base, signpostedTo: form.signpostedTo, informationSent: form.informationSent };
    case 'more-information':
      return { ...base, question: form.question };
    case 'decline':
      return { ...base, declineReason: given(form.declineReason) };
    default:
      return base;
  }
}

export function checkDecision(form: DecisionForm): Checked<z.input<typeof TriageDecisionInput>> {
  return check(TriageDecisionInput, decisionBody(form));
}

export interface LeadWorkerForm {
  name: string;
  agency: string;
  phone: string;
}

export function checkLeadWorker(form: LeadWorkerForm): Checked<z.input<typeof LeadWorkerInput>> {
  return check(LeadWorkerInput, { name: form.name, agency: form.agency, phone: given(form.phone) });
}

export const commonAgencies = [
  'CAMHS',
  'MHST',
  'Early help',
  'Social care',
  'School',
  'School nursing',
  'Voluntary sector',
  'Youth justice',
] as const;

export interface MeetingForm {
  date: string;
  time: string;
  agencies: string[];
  /** Other agencies, separated by commas. */
  otherAgencies: string;
  referralIds: string[];
}

export function checkMeeting(form: MeetingForm): Checked<z.input<typeof CreateMdtMeetingInput>> {
  const others = form.otherAgencies
    .split(',')
    .map((agency) => agency.trim())
    .filter(Boolean);
  const heldAt = londonDateTime(form.date, form.time);
  if (!heldAt) {
    return {
      errors: [
        { field: 'heldAt', message: 'Enter the date and time of the meeting, such as 14/03/2025 at 10:00' },
      ],
    };
  }
  return check(CreateMdtMeetingInput, {
    heldAt,
    agenciesPresent: [...new Set([...form.agencies, ...others])],
    referralIds: form.referralIds,
  });
}

export interface ActionForm {
  description: string;
  ownerName: string;
  ownerAgency: string;
  dueOn: string;
}

export const emptyAction: ActionForm = { description: '', ownerName: '', ownerAgency: '', dueOn: '' };

/** The MDT outcome; action rows left completely empty are dropped, not reported as errors. */
export function checkOutcome(
  sharedDecision: string,
  actions: ActionForm[],
  prefix = '',
): Checked<z.input<typeof MdtOutcomeInput>> {
  const filled = actions.filter((action) => Object.values(action).some((value) => value.trim() !== ''));
  return check(MdtOutcomeInput, { sharedDecision, actions: filled }, prefix);
}

/** What a referrer is told about one referral, as plain label and text pairs; no clinical detail. */
export function referrerLines(referral: MyReferral): [string, string][] {
  const lines: [string, string][] = [['Status', referral.statusText]];
  if (referral.acceptedBy) lines.push(['Accepted by', referral.acceptedBy]);
  if (referral.signpostedTo.length > 0) lines.push(['Signposted to', referral.signpostedTo.join(', ')]);
  if (referral.declineReason) {
    lines.push([
      'Why it was not accepted',
      declineWords(referral.declineReason)?.text ?? referral.declineReason,
    ]);
  }
  const alternative =
    referral.alternatives ??
    (referral.declineReason ? declineWords(referral.declineReason)?.alternative : null);
  if (alternative) lines.push(['Other help offered', alternative]);
  if (referral.question) lines.push(['More information needed', referral.question]);
  if (referral.leadWorker) {
    const { name, agency, phone } = referral.leadWorker;
    lines.push(['Lead worker', `${name}, ${agency}${phone ? ` (${phone})` : ''}`]);
  }
  return lines;
}
