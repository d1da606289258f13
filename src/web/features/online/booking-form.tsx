import { type FormEvent, useState } from 'react';
import type { BookingSaved, YoungPersonOverview } from '../../../contracts/online-bookings.js';
import { londonDate } from '../../../domain/people/child-details.js';
import { DateTimeField } from '../../components/date-time-field.js';
import { ErrorSummary, RadiosField, SelectField, useFormErrors } from '../../components/form.js';
import { useIdempotentSend } from '../casework/episode-queries.js';
import { londonDateTime, problemLines } from '../triage/triage-view.js';

/** "Book a session": a time while the service is open, 30 or 50 minutes, with you or a colleague. */
export function BookSessionForm({
  accountId,
  counsellors,
  onSaved,
}: {
  accountId: string;
  counsellors: YoungPersonOverview['counsellors'];
  onSaved: (text: string) => void;
}) {
  const empty = { date: londonDate(new Date()), time: '', minutes: '50', counsellorUserId: '' };
  const [form, setForm] = useState(empty);
  const [isSending, setSending] = useState(false);
  const send = useIdempotentSend();
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  const set = (change: Partial<typeof empty>) => setForm({ ...form, ...change });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const startsAt = londonDateTime(form.date, form.time);
    if (!startsAt) {
      show([
        { field: 'book-startsAt', message: 'Enter when the session starts, such as 14/03/2027 at 18:30' },
      ]);
      return;
    }
    setSending(true);
    try {
      const saved = await send<BookingSaved>(
        `/api/online/young-people/${encodeURIComponent(accountId)}/bookings`,
        {
          startsAt,
          minutes: Number(form.minutes),
          ...(form.counsellorUserId ? { counsellorUserId: form.counsellorUserId } : {}),
        },
      );
      clear();
      setForm(empty);
      onSaved(`Session booked: ${saved.when}.`);
    } catch (error) {
      show(problemLines(error, 'startsAt', 'book-'));
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="book-heading">
      <h2 id="book-heading">Book a session</h2>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <DateTimeField
        id="book-startsAt"
        legend="When does it start?"
        hint="While the service is open. The young person can start it from 10 minutes before."
        error={errorFor('book-startsAt')}
        date={form.date}
        time={form.time}
        onDate={(date) => set({ date })}
        onTime={(time) => set({ time })}
      />
      <RadiosField
        id="book-minutes"
        legend="How long?"
        error={errorFor('book-minutes')}
        options={[
          { value: '30', label: '30 minutes' },
          { value: '50', label: '50 minutes' },
        ]}
        value={form.minutes}
        onChange={(minutes) => set({ minutes })}
      />
      <SelectField
        id="book-counsellorUserId"
        label="With"
        error={errorFor('book-counsellorUserId')}
        value={form.counsellorUserId}
        onChange={(e) => set({ counsellorUserId: e.target.value })}
      >
        <option value="">You</option>
        {counsellors.map((c) => (
          <option key={c.userId} value={c.userId}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <button className="nhsuk-button" type="submit" disabled={isSending}>
        {isSending ? 'Booking…' : 'Book session'}
      </button>
    </form>
  );
}
