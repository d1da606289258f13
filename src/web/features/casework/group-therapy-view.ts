import type { GroupCandidate, RecordGroupSessionInput } from '../../../contracts/group-therapy.js';
import type { AttendStatus } from '../../../domain/waiting/clocks.js';
import type { FieldError } from '../../components/form.js';
import { londonDateTime } from '../triage/triage-view.js';

// The group therapy form's answers as typed, checked in plain words before they are sent.

export interface GroupSessionForm {
  programme: string;
  date: string;
  time: string;
  /** A school URN, or '' for none. */
  school: string;
  /** Each young person ticked, with what happened for them ('' until chosen). */
  attendees: Record<string, AttendStatus | ''>;
}

export const emptyGroupSession: GroupSessionForm = {
  programme: '',
  date: '',
  time: '',
  school: '',
  attendees: {},
};

export const attendeeFieldId = (referralId: string) => `group-attend-${referralId}`;

export function checkGroupSession(
  form: GroupSessionForm,
  teamId: string,
  candidates: readonly Pick<GroupCandidate, 'referralId' | 'childName'>[],
): { body: RecordGroupSessionInput } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const programme = form.programme.trim();
  if (programme.length < 2) {
    errors.push({
      field: 'group-programme',
      message: 'Enter the name of the programme, such as "Managing worry"',
    });
  }
  const startsAt = londonDateTime(form.date, form.time);
  if (!startsAt) {
    errors.push({
      field: 'group-date',
      message: 'Enter the date and time of the session, such as 14/03/2027 at 15:30',
    });
  }
  const ticked = candidates.filter((c) => c.referralId in form.attendees);
  if (ticked.length === 0) {
    errors.push({
      field: 'group-attendees',
      message: 'Choose the young people who were expected at the session',
    });
  }
  for (const candidate of ticked) {
    if (form.attendees[candidate.referralId] === '') {
      errors.push({
        field: attendeeFieldId(candidate.referralId),
        message: `Choose whether ${candidate.childName} came`,
      });
    }
  }
  if (errors.length > 0 || !startsAt) return { errors };
  return {
    body: {
      teamId,
      schoolUrn: form.school === '' ? null : Number(form.school),
      programme,
      startsAt,
      attendees: ticked.map((c) => ({
        referralId: c.referralId,
        attendStatus: form.attendees[c.referralId] as AttendStatus,
      })),
    },
  };
}

/** The page's field for each name the API may give in a problem. */
export function groupField(name: string): string {
  if (name === 'programme') return 'group-programme';
  if (name === 'schoolUrn') return 'group-school';
  if (name === 'attendees') return 'group-attendees';
  if (name === 'teamId') return 'group-team';
  return 'group-date';
}
