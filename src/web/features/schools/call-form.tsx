import type { z } from 'zod';
import type { CallLogged, CreateConsultationCallInput } from '../../../contracts/schools.js';
import { consultationOutcomeLabels, consultationOutcomes } from '../../../domain/schools/whole-school.js';
import { DateTimeField } from '../../components/date-time-field.js';
import { ErrorSummary, RadiosField, SelectField, TextField } from '../../components/form.js';
import type { Notice } from '../../components/notice.js';
import { useSchools } from '../refer/queries.js';
import { TextareaField } from '../triage/fields.js';
import { checkCall, type CallForm as Form } from './schools-forms.js';
import { londonNow, minutesWords } from './schools-view.js';
import { useRecordForm } from './use-record-form.js';

const emptyCall = (): Form => {
  const now = londonNow(new Date());
  return {
    receivedDate: now.date,
    receivedTime: '',
    advisedDate: now.date,
    advisedTime: now.time,
    callerRole: '',
    callerOrganisation: '',
    schoolUrn: '',
    question: '',
    advice: '',
    outcome: '',
  };
};

const fields = [
  'receivedAt',
  'advisedAt',
  'callerRole',
  'callerOrganisation',
  'schoolUrn',
  'question',
  'advice',
  'outcome',
] as const;

/** Logs a call to the professionals' consultation line; the response time runs from the call to the advice. */
export function CallForm({ onLogged }: { onLogged: (notice: Notice) => void }) {
  const schools = useSchools();
  const { form, set, err, errors, summaryRef, submit, isSending } = useRecordForm<
    Form,
    z.input<typeof CreateConsultationCallInput>,
    z.infer<typeof CallLogged>
  >({
    empty: emptyCall,
    prefix: 'call-',
    fields,
    fallbackField: 'callerRole',
    check: checkCall,
    path: '/api/consultation-line/calls',
    onRecorded: (body, answer) =>
      onLogged({
        kind: 'saved',
        title: 'Saved',
        body:
          answer.responseMinutes === null
            ? `Call from the ${body.callerRole} logged. No advice time was given, so it has no response time.`
            : `Call from the ${body.callerRole} logged. Response time: ${minutesWords(answer.responseMinutes)}.`,
      }),
  });
  const sorted = [...(schools.data?.schools ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));

  return (
    <form onSubmit={submit} noValidate aria-labelledby="log-call-heading">
      <h2 id="log-call-heading">Log a call</h2>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <DateTimeField
        id="call-receivedAt"
        legend="When did the call come in?"
        error={err('receivedAt')}
        date={form.receivedDate}
        time={form.receivedTime}
        onDate={(receivedDate) => set({ receivedDate })}
        onTime={(receivedTime) => set({ receivedTime })}
      />
      <TextField
        id="call-callerRole"
        label="Caller's role"
        hint="For example, GP, school nurse or Head of Year 8. You do not need their name."
        width={20}
        error={err('callerRole')}
        value={form.callerRole}
        onChange={(e) => set({ callerRole: e.target.value })}
      />
      <TextField
        id="call-callerOrganisation"
        label="Where do they work?"
        hint="For example, Riverside Surgery or Hillside Academy."
        width={20}
        error={err('callerOrganisation')}
        value={form.callerOrganisation}
        onChange={(e) => set({ callerOrganisation: e.target.value })}
      />
      <SelectField
        id="call-schoolUrn"
        label="School the call is about (optional)"
        error={err('schoolUrn')}
        value={form.schoolUrn}
        onChange={(e) => set({ schoolUrn: e.target.value })}
      >
        <option value="">Not about a school</option>
        {sorted.map((school) => (
          <option value={String(school.urn)} key={school.urn}>
            {school.name}
          </option>
        ))}
      </SelectField>
      <TextareaField
        id="call-question"
        label="What did they ask?"
        hint="Do not name a child unless you need to."
        error={err('question')}
        value={form.question}
        onChange={(question) => set({ question })}
      />
      <TextareaField
        id="call-advice"
        label="What advice did you give?"
        error={err('advice')}
        value={form.advice}
        onChange={(advice) => set({ advice })}
      />
      <DateTimeField
        id="call-advisedAt"
        legend="When did you give the advice?"
        hint="The response time runs from the call to the advice. Leave the date and time empty if you have not given advice yet."
        error={err('advisedAt')}
        date={form.advisedDate}
        time={form.advisedTime}
        onDate={(advisedDate) => set({ advisedDate })}
        onTime={(advisedTime) => set({ advisedTime })}
      />
      <RadiosField
        id="call-outcome"
        legend="What was the outcome?"
        hint="Leave this if you do not know yet."
        error={err('outcome')}
        options={consultationOutcomes.map((value) => ({ value, label: consultationOutcomeLabels[value] }))}
        value={form.outcome}
        onChange={(outcome) => set({ outcome })}
      />
      <button className="nhsuk-button" type="submit">
        {isSending ? 'Logging…' : 'Log call'}
      </button>
    </form>
  );
}
