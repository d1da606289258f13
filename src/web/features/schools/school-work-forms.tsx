import { groupSessionKindLabels, groupSessionKinds } from '../../../domain/schools/whole-school.js';
import { DateTimeField } from '../../components/date-time-field.js';
import { ErrorSummary, RadiosField, TextField } from '../../components/form.js';
import type { Notice } from '../../components/notice.js';
import { TextareaField } from '../triage/fields.js';
import { formatDateTime } from '../triage/triage-view.js';
import {
  type AdviceForm,
  checkAdvice,
  checkGroupSession,
  checkLinkMeeting,
  type GroupSessionForm,
  type LinkMeetingForm,
} from './schools-forms.js';
import { schoolApi } from './schools-queries.js';
import { londonNow, peopleWords } from './schools-view.js';
import { useRecordForm } from './use-record-form.js';

// Recording work with a school: group sessions (counted, never named), advice given to a member of
// staff, and School Link meetings. Each form empties itself and reports what it recorded.

type Done = (notice: Notice) => void;

const today = () => londonNow(new Date()).date;

const emptySession = (): GroupSessionForm => ({
  kind: '',
  topic: '',
  date: today(),
  time: '',
  attendeeCount: '',
  yearGroups: '',
  deliveredBy: '',
});

const emptyAdvice = (): AdviceForm => ({ date: today(), time: '', staffRole: '', topic: '', advice: '' });

const emptyMeeting = (): LinkMeetingForm => ({
  date: today(),
  time: '',
  attendees: '',
  discussed: '',
  agreedActions: '',
});

export function GroupSessionRecordForm({ urn, onRecorded }: { urn: string; onRecorded: Done }) {
  const { form, set, err, errors, summaryRef, submit, isSending } = useRecordForm({
    empty: emptySession,
    prefix: 'session-',
    fields: ['kind', 'topic', 'heldAt', 'attendeeCount', 'yearGroups', 'deliveredBy'],
    fallbackField: 'kind',
    check: checkGroupSession,
    path: schoolApi(urn, 'group-sessions'),
    onRecorded: (body) =>
      onRecorded({
        kind: 'saved',
        title: 'Saved',
        body: `${groupSessionKindLabels[body.kind]} on ${formatDateTime(body.heldAt)} recorded: ${peopleWords(Number(body.attendeeCount))} came.`,
      }),
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="session-heading">
      <h3 id="session-heading">Record a session</h3>
      <p>A classroom workshop, an assembly, a session for parents and carers, or training for staff.</p>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <RadiosField
        id="session-kind"
        legend="What kind of session was it?"
        error={err('kind')}
        options={groupSessionKinds.map((kind) => ({ value: kind, label: groupSessionKindLabels[kind] }))}
        value={form.kind}
        onChange={(kind) => set({ kind })}
      />
      <TextField
        id="session-topic"
        label="What was it about?"
        hint="For example, coping with exam stress."
        width={20}
        error={err('topic')}
        value={form.topic}
        onChange={(e) => set({ topic: e.target.value })}
      />
      <DateTimeField
        id="session-heldAt"
        legend="When was it?"
        error={err('heldAt')}
        date={form.date}
        time={form.time}
        onDate={(date) => set({ date })}
        onTime={(time) => set({ time })}
      />
      <TextField
        id="session-attendeeCount"
        label="How many people came?"
        hint="A number only. Do not write anyone's name: we count who came, we do not list them."
        width={4}
        inputMode="numeric"
        autoComplete="off"
        error={err('attendeeCount')}
        value={form.attendeeCount}
        onChange={(e) => set({ attendeeCount: e.target.value })}
      />
      <TextField
        id="session-yearGroups"
        label="Year groups (optional)"
        hint="For example, Year 7 and Year 8."
        width={20}
        error={err('yearGroups')}
        value={form.yearGroups}
        onChange={(e) => set({ yearGroups: e.target.value })}
      />
      <TextField
        id="session-deliveredBy"
        label="Who ran it?"
        hint="The team or the staff who ran the session."
        width={20}
        error={err('deliveredBy')}
        value={form.deliveredBy}
        onChange={(e) => set({ deliveredBy: e.target.value })}
      />
      <button className="nhsuk-button" type="submit">
        {isSending ? 'Recording…' : 'Record session'}
      </button>
    </form>
  );
}

export function AdviceRecordForm({ urn, onRecorded }: { urn: string; onRecorded: Done }) {
  const { form, set, err, errors, summaryRef, submit, isSending } = useRecordForm({
    empty: emptyAdvice,
    prefix: 'advice-',
    fields: ['givenAt', 'staffRole', 'topic', 'advice'],
    fallbackField: 'advice',
    check: checkAdvice,
    path: schoolApi(urn, 'consultations'),
    onRecorded: (body) =>
      onRecorded({
        kind: 'saved',
        title: 'Saved',
        body: `Advice to the ${body.staffRole} about ${body.topic} recorded.`,
      }),
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="advice-heading">
      <h3 id="advice-heading">Record advice given to a member of staff</h3>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <DateTimeField
        id="advice-givenAt"
        legend="When did you give the advice?"
        error={err('givenAt')}
        date={form.date}
        time={form.time}
        onDate={(date) => set({ date })}
        onTime={(time) => set({ time })}
      />
      <TextField
        id="advice-staffRole"
        label="Their role"
        hint="For example, Head of Year 8. You do not need their name."
        width={20}
        error={err('staffRole')}
        value={form.staffRole}
        onChange={(e) => set({ staffRole: e.target.value })}
      />
      <TextField
        id="advice-topic"
        label="What did they ask about?"
        width={20}
        error={err('topic')}
        value={form.topic}
        onChange={(e) => set({ topic: e.target.value })}
      />
      <TextareaField
        id="advice-advice"
        label="What advice did you give?"
        hint="Do not name a child unless you need to."
        error={err('advice')}
        value={form.advice}
        onChange={(advice) => set({ advice })}
      />
      <button className="nhsuk-button" type="submit">
        {isSending ? 'Recording…' : 'Record advice'}
      </button>
    </form>
  );
}

export function LinkMeetingRecordForm({ urn, onRecorded }: { urn: string; onRecorded: Done }) {
  const { form, set, err, errors, summaryRef, submit, isSending } = useRecordForm({
    empty: emptyMeeting,
    prefix: 'meeting-',
    fields: ['heldAt', 'attendees', 'discussed', 'agreedActions'],
    fallbackField: 'discussed',
    check: checkLinkMeeting,
    path: schoolApi(urn, 'link-meetings'),
    onRecorded: (body) =>
      onRecorded({
        kind: 'saved',
        title: 'Saved',
        body: `School Link meeting on ${formatDateTime(body.heldAt)} recorded.`,
      }),
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="meeting-heading">
      <h3 id="meeting-heading">Record a School Link meeting</h3>
      <p>A meeting between the school and specialist services, such as CAMHS.</p>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <DateTimeField
        id="meeting-heldAt"
        legend="When was it?"
        error={err('heldAt')}
        date={form.date}
        time={form.time}
        onDate={(date) => set({ date })}
        onTime={(time) => set({ time })}
      />
      <TextareaField
        id="meeting-attendees"
        label="Who came?"
        hint="One person or service on each line, such as CAMHS or the school's SENCo."
        error={err('attendees')}
        value={form.attendees}
        onChange={(attendees) => set({ attendees })}
        rows={3}
      />
      <TextareaField
        id="meeting-discussed"
        label="What was discussed?"
        hint="Do not name a child unless you need to."
        error={err('discussed')}
        value={form.discussed}
        onChange={(discussed) => set({ discussed })}
      />
      <TextareaField
        id="meeting-agreedActions"
        label="What was agreed (optional)"
        error={err('agreedActions')}
        value={form.agreedActions}
        onChange={(agreedActions) => set({ agreedActions })}
        rows={3}
      />
      <button className="nhsuk-button" type="submit">
        {isSending ? 'Recording…' : 'Record meeting'}
      </button>
    </form>
  );
}
