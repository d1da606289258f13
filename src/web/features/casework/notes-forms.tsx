import { type FormEvent, useState } from 'react';
import type { NoteOut, NoteSaved } from '../../../contracts/notes.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, SelectField, TextField, useFormErrors } from '../../components/form.js';
import { CheckboxesField, TextareaField } from '../triage/fields.js';
import { formatDateTime, isStale, problemLines } from '../triage/triage-view.js';
import { useIdempotentSend } from './episode-queries.js';
import { notesUrl } from './notes-queries.js';

/** Writes a note, optionally for one of the young person's appointments. A retry never writes twice. */
export function WriteNoteForm({
  referralId,
  contacts,
  onSaved,
}: {
  referralId: string;
  contacts: { id: string; startsAt: string }[];
  onSaved: (text: string) => void;
}) {
  const [body, setBody] = useState('');
  const [contactId, setContactId] = useState('');
  const [confidential, setConfidential] = useState<string[]>([]);
  const [isSending, setSending] = useState(false);
  const send = useIdempotentSend();
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    if (body.trim().length < 3) {
      show([{ field: 'note-body', message: 'Write the note' }]);
      return;
    }
    setSending(true);
    try {
      await send<NoteSaved>(notesUrl(referralId), {
        body,
        contactId: contactId || null,
        inConfidence: confidential.includes('yes'),
      });
      clear();
      setBody('');
      setContactId('');
      setConfidential([]);
      onSaved('Note saved.');
    } catch (error) {
      show(
        problemLines(error, 'body', 'note-').map((e) => ({
          ...e,
          field: e.field.replace('note-contactId', 'note-contact'),
        })),
      );
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="write-heading">
      <h2 id="write-heading">Write a note</h2>
      <ErrorSummary errors={errors} ref={summaryRef} />
      {contacts.length > 0 && (
        <SelectField
          id="note-contact"
          label="Which appointment is it for? (optional)"
          error={errorFor('note-contact')}
          value={contactId}
          onChange={(e) => setContactId(e.target.value)}
        >
          <option value="">Not for one appointment</option>
          {contacts.map((c) => (
            <option key={c.id} value={c.id}>
              {formatDateTime(c.startsAt)}
            </option>
          ))}
        </SelectField>
      )}
      <TextareaField
        id="note-body"
        label="Note"
        hint="What happened, what was agreed and what happens next. Notes cannot be deleted; you can correct one with a reason."
        error={errorFor('note-body')}
        value={body}
        onChange={setBody}
        rows={6}
      />
      <CheckboxesField
        id="note-confidence"
        legend="Confidentiality"
        options={[
          {
            value: 'yes',
            label: 'Told in confidence',
            hint: 'The young person told us this expecting it would not be shared with their parents.',
          },
        ]}
        values={confidential}
        onChange={setConfidential}
      />
      <button className="nhsuk-button" type="submit">
        {isSending ? 'Saving…' : 'Save note'}
      </button>
    </form>
  );
}

/** Corrects a note (If-Match: the version shown): the new words and why; the old version is kept. */
export function CorrectNoteForm({
  referralId,
  note,
  onSaved,
  onStale,
}: {
  referralId: string;
  note: NoteOut;
  onSaved: (text: string) => void;
  onStale: () => void;
}) {
  const prefix = `correct-${note.noteId}-`;
  const [body, setBody] = useState(note.current.body);
  const [reason, setReason] = useState('');
  const [isSending, setSending] = useState(false);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const problems = [
      ...(reason.trim().length < 3
        ? [{ field: `${prefix}reason`, message: 'Say why you are correcting the note' }]
        : []),
      ...(body.trim() === note.current.body.trim()
        ? [{ field: `${prefix}body`, message: 'Change the note before saving the correction' }]
        : []),
    ];
    if (problems.length > 0) {
      show(problems);
      return;
    }
    setSending(true);
    try {
      await sendJson<NoteSaved>(
        'POST',
        `${notesUrl(referralId)}/${encodeURIComponent(note.noteId)}/corrections`,
        { body, reason },
        { 'if-match': `"${note.current.version}"` },
      );
      clear();
      onSaved('Correction saved. The earlier version is kept with your reason.');
    } catch (error) {
      if (isStale(error)) onStale();
      else show(problemLines(error, 'body', prefix));
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <TextareaField
        id={`${prefix}body`}
        label="Corrected note"
        error={errorFor(`${prefix}body`)}
        value={body}
        onChange={setBody}
        rows={6}
      />
      <TextField
        id={`${prefix}reason`}
        label="Why are you correcting it?"
        hint="For example, wrong date or left something out."
        error={errorFor(`${prefix}reason`)}
        width={20}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        {isSending ? 'Saving…' : 'Save correction'}
      </button>
    </form>
  );
}
