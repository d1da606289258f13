import { type FormEvent, useRef, useState } from 'react';
import type { CaseloadReferral, ContactChanged, ContactOut } from '../../../contracts/caseload.js';
import type { ContactMedium } from '../../../domain/casework/appointments.js';
import { type AttendStatus, attendStatuses } from '../../../domain/waiting/clocks.js';
import { sendJson } from '../../api.js';
import { DateTimeField } from '../../components/date-time-field.js';
import { ErrorSummary, RadiosField, SelectField, useFormErrors } from '../../components/form.js';
import { keyFor, newIdempotencyKey } from '../triage/triage-view.js';
import { appointmentWords, attendWords } from './clock-words.js';
import { type BookingForm, checkBooking, isStale, problemLines } from './mhst-forms.js';
import { hasStarted } from './mhst-view.js';

const caseworkUrl = (referralId: string) => `/api/caseload/${encodeURIComponent(referralId)}`;

const emptyBooking: BookingForm = { date: '', time: '', place: '', kind: 'one-to-one' };

const mediumOptions: { value: ContactMedium; label: string }[] = [
  { value: 'in-person', label: 'In person at school' },
  { value: 'video', label: 'Video call' },
  { value: 'phone', label: 'Phone call' },
];

/** The form's field for each name the API may give in a problem. */
const bookingField = (name: string) =>
  ({ schoolUrn: 'book-place', kind: 'book-kind', medium: 'book-medium' })[name] ?? 'book-date';

/**
 * Books an appointment: when, and in person at a school (on a day the practitioner is there) or by
 * video or phone. A retry never books twice.
 */
export function BookContactForm({
  referral,
  onSaved,
}: {
  referral: CaseloadReferral;
  onSaved: (text: string) => void;
}) {
  const childSchool = referral.referral.schoolUrn;
  const [form, setForm] = useState<BookingForm>({
    ...emptyBooking,
    place: childSchool ? String(childSchool) : '',
  });
  const [medium, setMedium] = useState<ContactMedium>('in-person');
  const [isSending, setSending] = useState(false);
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  const schools = [...referral.schools].sort(
    (a, b) => Number(b.urn === childSchool) - Number(a.urn === childSchool),
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = checkBooking(medium === 'in-person' ? form : { ...form, place: 'remote' });
    if ('errors' in checked) {
      show(
        checked.errors.map((e) => (e.field === 'book-place' ? { ...e, message: 'Choose the school' } : e)),
      );
      return;
    }
    const body = { ...checked.body, medium };
    attempt.current = keyFor(attempt.current, body, newIdempotencyKey);
    setSending(true);
    try {
      await sendJson<ContactChanged>('POST', `${caseworkUrl(referral.referral.referralId)}/contacts`, body, {
        'idempotency-key': attempt.current.key,
      });
      attempt.current = null;
      clear();
      setForm({ ...emptyBooking, place: form.place });
      onSaved(`Appointment booked for ${appointmentWords(checked.body.startsAt)}.`);
    } catch (error) {
      show(problemLines(error, 'startsAt', bookingField));
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="book-heading">
      <h2 id="book-heading">Book an appointment</h2>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <DateTimeField
        id="book-date"
        timeId="book-time"
        legend="When is it?"
        error={errorFor('book-date')}
        date={form.date}
        time={form.time}
        onDate={(date) => setForm({ ...form, date })}
        onTime={(time) => setForm({ ...form, time })}
      />
      <RadiosField
        id="book-medium"
        legend="How will you meet?"
        hint="In person, it must be a day you work at that school."
        error={errorFor('book-medium')}
        options={mediumOptions}
        value={medium}
        onChange={(value) => setMedium(mediumOptions.find((o) => o.value === value)?.value ?? 'in-person')}
      />
      {medium === 'in-person' && (
        <SelectField
          id="book-place"
          label="Which school?"
          error={errorFor('book-place')}
          value={form.place === 'remote' ? '' : form.place}
          onChange={(e) => setForm({ ...form, place: e.target.value })}
        >
          <option value="">Choose a school</option>
          {schools.map((school) => (
            <option key={school.urn} value={school.urn}>
              {school.name}
              {school.urn === childSchool ? ' (their school)' : ''}
            </option>
          ))}
        </SelectField>
      )}
      <RadiosField
        id="book-kind"
        legend="Kind of appointment"
        error={errorFor('book-kind')}
        options={[
          { value: 'one-to-one', label: 'One-to-one' },
          { value: 'group-therapy', label: 'Group session' },
        ]}
        value={form.kind}
        onChange={(kind) =>
          setForm({ ...form, kind: kind === 'group-therapy' ? 'group-therapy' : 'one-to-one' })
        }
      />
      <button className="nhsuk-button" type="submit">
        {isSending ? 'Booking…' : 'Book appointment'}
      </button>
    </form>
  );
}

/**
 * Records whether an appointment happened (If-Match: the appointment's version). Before its time,
 * only a cancellation can be recorded.
 */
export function AttendanceForm({
  referralId,
  contact,
  now,
  onSaved,
  onStale,
}: {
  referralId: string;
  contact: ContactOut;
  now: Date;
  onSaved: (text: string) => void;
  onStale: () => void;
}) {
  const id = `attend-${contact.id}`;
  const isPast = hasStarted(contact.startsAt, now);
  const options = attendStatuses.filter((s) => isPast || s.startsWith('cancelled'));
  const [status, setStatus] = useState<string>(contact.attendStatus ?? '');
  const [isSending, setSending] = useState(false);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const chosen = options.find((s) => s === status);
    if (!chosen) {
      show([{ field: id, message: 'Choose what happened at the appointment' }]);
      return;
    }
    setSending(true);
    try {
      await sendJson<ContactChanged>(
        'PUT',
        `${caseworkUrl(referralId)}/contacts/${encodeURIComponent(contact.id)}/attendance`,
        { attendStatus: chosen satisfies AttendStatus },
        { 'if-match': `"${contact.version}"` },
      );
      clear();
      onSaved(
        `Recorded for the appointment at ${appointmentWords(contact.startsAt)}: ${attendWords[chosen].toLowerCase()}.`,
      );
    } catch (error) {
      if (isStale(error)) onStale();
      else show(problemLines(error, 'attendStatus', () => id));
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="lantern-mhst-inline-form">
      <ErrorSummary errors={errors} ref={summaryRef} />
      <SelectField
        id={id}
        label={
          <>
            What happened
            <span className="nhsuk-u-visually-hidden"> at {appointmentWords(contact.startsAt)}</span>?
          </>
        }
        error={errorFor(id)}
        value={status}
        onChange={(e) => setStatus(e.target.value)}
      >
        <option value="">{isPast ? 'Choose' : 'Choose, if cancelled'}</option>
        {options.map((s) => (
          <option key={s} value={s}>
            {attendWords[s]}
          </option>
        ))}
      </SelectField>
      <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit">
        {isSending ? 'Saving…' : 'Record'}
        <span className="nhsuk-u-visually-hidden"> attendance at {appointmentWords(contact.startsAt)}</span>
      </button>
    </form>
  );
}
