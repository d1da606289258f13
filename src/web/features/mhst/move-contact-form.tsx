import { type FormEvent, useState } from 'react';
import type { ContactChanged, ContactOut } from '../../../contracts/caseload.js';
import { londonDate } from '../../../domain/people/child-details.js';
import { sendJson } from '../../api.js';
import { DateTimeField } from '../../components/date-time-field.js';
import { ErrorSummary, useFormErrors } from '../../components/form.js';
import { londonDateTime } from '../triage/triage-view.js';
import { appointmentWords } from './clock-words.js';
import { isStale, problemLines } from './mhst-forms.js';

const londonTime = (at: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);

/**
 * Moves a booked appointment to a new time, keeping where and how it happens (If-Match: its
 * version). The reminder moves with it; in person it must still be a day you are at that school.
 */
export function MoveContactForm({
  referralId,
  contact,
  onSaved,
  onStale,
}: {
  referralId: string;
  contact: ContactOut;
  onSaved: (text: string) => void;
  onStale: () => void;
}) {
  const id = `move-${contact.id}`;
  const starts = new Date(contact.startsAt);
  const [date, setDate] = useState(londonDate(starts));
  const [time, setTime] = useState(londonTime(starts));
  const [isSending, setSending] = useState(false);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const startsAt = londonDateTime(date, time);
    if (!startsAt) {
      show([{ field: id, message: 'Enter the new date and time, such as 14/03/2027 at 10:00' }]);
      return;
    }
    setSending(true);
    try {
      const url = `/api/caseload/${encodeURIComponent(referralId)}/contacts/${encodeURIComponent(contact.id)}`;
      await sendJson<ContactChanged>(
        'PUT',
        url,
        { startsAt, schoolUrn: contact.schoolUrn, medium: contact.medium },
        { 'if-match': `"${contact.version}"` },
      );
      clear();
      onSaved(`Appointment moved to ${appointmentWords(startsAt)}.`);
    } catch (error) {
      if (isStale(error)) onStale();
      else show(problemLines(error, 'startsAt', () => id));
    } finally {
      setSending(false);
    }
  }

  return (
    <details className="nhsuk-details nhsuk-u-margin-bottom-2">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          Move
          <span className="nhsuk-u-visually-hidden">
            {' '}
            the appointment at {appointmentWords(contact.startsAt)}
          </span>
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <form onSubmit={submit} noValidate>
          <ErrorSummary errors={errors} ref={summaryRef} />
          <DateTimeField
            id={id}
            legend="New date and time"
            error={errorFor(id)}
            date={date}
            time={time}
            onDate={setDate}
            onTime={setTime}
          />
          <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit">
            {isSending ? 'Moving…' : 'Move appointment'}
          </button>
        </form>
      </div>
    </details>
  );
}
