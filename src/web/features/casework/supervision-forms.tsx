import { type FormEvent, useState } from 'react';
import { type NoteToSign, type SupervisionLog, supervisionKinds } from '../../../contracts/notes.js';
import { londonDate } from '../../../domain/people/child-details.js';
import { sendJson } from '../../api.js';
import { DateTimeField } from '../../components/date-time-field.js';
import { ErrorSummary, RadiosField, SelectField, TextField, useFormErrors } from '../../components/form.js';
import { TextareaField } from '../triage/fields.js';
import { formatDateTime, isStale, londonDateTime, problemLines } from '../triage/triage-view.js';
import { useIdempotentSend } from './episode-queries.js';

/** One note waiting for sign-off, with its words and a button to sign off the version shown. */
export function NoteToSignCard({
  note,
  onSaved,
  onStale,
}: {
  note: NoteToSign;
  onSaved: (text: string) => void;
  onStale: () => void;
}) {
  const [isSending, setSending] = useState(false);
  const [problem, setProblem] = useState('');
  const headingId = `sign-${note.noteId}`;

  async function signOff() {
    if (isSending) return;
    setSending(true);
    try {
      await sendJson(
        'POST',
        `/api/supervision/notes/${encodeURIComponent(note.noteId)}/sign-off`,
        { comment: '' },
        { 'if-match': `"${note.version}"` },
      );
      onSaved(`Note for ${note.reference} signed off.`);
    } catch (error) {
      if (isStale(error)) onStale();
      else setProblem(problemLines(error, 'sign')[0]?.message ?? 'Something went wrong.');
    } finally {
      setSending(false);
    }
  }

  return (
    <article className="nhsuk-card" aria-labelledby={headingId}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s" id={headingId}>
          {note.reference}: note by {note.practitionerName}, {formatDateTime(note.writtenAt)}
        </h3>
        {note.correctionReason && (
          <p className="nhsuk-body-s">A correction. Reason: {note.correctionReason}</p>
        )}
        {note.inConfidence && <p className="nhsuk-body-s">Told in confidence.</p>}
        <p className="lantern-note-body">{note.body}</p>
        {problem && (
          <p className="nhsuk-error-message" role="alert">
            <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
          </p>
        )}
        <button className="nhsuk-button nhsuk-u-margin-bottom-0" type="button" onClick={signOff}>
          {isSending ? 'Signing off…' : 'Sign off'}
          <span className="nhsuk-u-visually-hidden"> the note for {note.reference}</span>
        </button>
      </div>
    </article>
  );
}

const kindOptions = Object.entries(supervisionKinds).map(([value, label]) => ({ value, label }));

/** Records a supervision session with one of the practitioners the supervisor supervises. */
export function RecordSupervisionForm({
  practitioners,
  onSaved,
}: {
  practitioners: SupervisionLog['practitioners'];
  onSaved: (text: string) => void;
}) {
  const empty = {
    practitionerUserId: '',
    date: londonDate(new Date()),
    time: '',
    kind: '',
    cases: '0',
    summary: '',
    actions: '',
  };
  const [form, setForm] = useState(empty);
  const [isSending, setSending] = useState(false);
  const send = useIdempotentSend();
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  const set = (change: Partial<typeof empty>) => setForm({ ...form, ...change });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const heldAt = londonDateTime(form.date, form.time);
    const cases = Number(form.cases);
    const problems = [
      ...(form.practitionerUserId
        ? []
        : [{ field: 'sup-practitionerUserId', message: 'Choose the practitioner' }]),
      ...(heldAt
        ? []
        : [{ field: 'sup-heldAt', message: 'Enter when the session was, such as 14/03/2027 at 10:00' }]),
      ...(form.kind ? [] : [{ field: 'sup-kind', message: 'Choose the kind of supervision' }]),
      ...(Number.isInteger(cases) && cases >= 0 && form.cases.trim() !== ''
        ? []
        : [{ field: 'sup-casesDiscussed', message: 'Enter how many cases were discussed, as a number' }]),
      ...(form.summary.trim().length >= 3
        ? []
        : [{ field: 'sup-summary', message: 'Write a short summary' }]),
    ];
    if (problems.length > 0) {
      show(problems);
      return;
    }
    setSending(true);
    try {
      await send('/api/supervision/sessions', {
        practitionerUserId: form.practitionerUserId,
        heldAt,
        kind: form.kind,
        casesDiscussed: cases,
        summary: form.summary,
        actions: form.actions,
      });
      clear();
      setForm(empty);
      onSaved('Supervision session recorded.');
    } catch (error) {
      show(problemLines(error, 'summary', 'sup-'));
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="record-heading">
      <h2 id="record-heading">Record a supervision session</h2>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <SelectField
        id="sup-practitionerUserId"
        label="Practitioner"
        error={errorFor('sup-practitionerUserId')}
        value={form.practitionerUserId}
        onChange={(e) => set({ practitionerUserId: e.target.value })}
      >
        <option value="">Choose a practitioner</option>
        {practitioners.map((p) => (
          <option key={p.userId} value={p.userId}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <DateTimeField
        id="sup-heldAt"
        legend="When was it?"
        error={errorFor('sup-heldAt')}
        date={form.date}
        time={form.time}
        onDate={(date) => set({ date })}
        onTime={(time) => set({ time })}
      />
      <RadiosField
        id="sup-kind"
        legend="Kind of supervision"
        error={errorFor('sup-kind')}
        options={kindOptions}
        value={form.kind}
        onChange={(kind) => set({ kind })}
      />
      <TextField
        id="sup-casesDiscussed"
        label="How many cases were discussed?"
        inputMode="numeric"
        width={3}
        error={errorFor('sup-casesDiscussed')}
        value={form.cases}
        onChange={(e) => set({ cases: e.target.value })}
      />
      <TextareaField
        id="sup-summary"
        label="Summary"
        hint="Do not name young people here. Record decisions about a young person in their own notes."
        error={errorFor('sup-summary')}
        value={form.summary}
        onChange={(summary) => set({ summary })}
      />
      <TextareaField
        id="sup-actions"
        label="Actions agreed (optional)"
        hint="Do not name young people here either."
        error={errorFor('sup-actions')}
        value={form.actions}
        onChange={(actions) => set({ actions })}
        rows={3}
      />
      <button className="nhsuk-button" type="submit">
        {isSending ? 'Saving…' : 'Record session'}
      </button>
    </form>
  );
}
