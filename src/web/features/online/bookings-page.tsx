import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { YoungPersonBooking, YoungPersonBookings } from '../../../contracts/online-bookings.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { getJson, problemText } from '../../api.js';
import { newIdempotencyKey } from '../triage/triage-view.js';
import { ProblemBox } from './booking-parts.js';
import { SignInToUse, YoungPersonFrame } from './young-person-frame.js';
import { useYoungPersonQuery, youngPersonPost } from './young-person-session.js';

const statusTags: Record<YoungPersonBooking['status'], { text: string; colour: string }> = {
  booked: { text: 'Booked', colour: 'nhsuk-tag--blue' },
  started: { text: 'Started', colour: 'nhsuk-tag--green' },
  missed: { text: 'Missed', colour: 'nhsuk-tag--grey' },
  cancelled: { text: 'Cancelled', colour: 'nhsuk-tag--grey' },
};

/** The young person's booked chats: when, with whom, and a button to start one when it is time. */
export function BookingsPage() {
  const me = useYoungPersonQuery();
  const isSignedIn = Boolean(me.data);
  const client = useQueryClient();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const bookings = useQuery({
    queryKey: ['online', 'bookings'],
    queryFn: ({ signal }) => getJson<YoungPersonBookings>('/api/online/bookings', signal),
    enabled: isSignedIn,
    // The start button appears 10 minutes before: check again each minute.
    refetchInterval: 60_000,
  });

  async function act(booking: YoungPersonBooking, work: () => Promise<void>, fallback: string) {
    if (busy) return;
    setBusy(booking.id);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(problemText(error, fallback));
    } finally {
      setBusy(null);
      void client.invalidateQueries({ queryKey: ['online', 'bookings'] });
    }
  }

  const start = (booking: YoungPersonBooking) =>
    act(
      booking,
      async () => {
        await youngPersonPost(
          `/api/online/bookings/${booking.id}/start`,
          {},
          { 'idempotency-key': newIdempotencyKey() },
        );
        await client.invalidateQueries({ queryKey: ['online', 'chat'] });
        navigate(webPaths.onlineChat);
      },
      'We could not start your chat. Try again.',
    );
  const cancel = (booking: YoungPersonBooking) =>
    act(
      booking,
      () =>
        youngPersonPost(
          `/api/online/bookings/${booking.id}/cancel`,
          {},
          { 'if-match': `"${booking.version}"` },
        ).then(() => undefined),
      'We could not cancel your chat. Try again.',
    );

  const title = 'Your booked chats';
  if (me.isPending)
    return (
      <YoungPersonFrame title={title}>
        <p aria-live="polite">Loading…</p>
      </YoungPersonFrame>
    );
  if (!isSignedIn)
    return (
      <YoungPersonFrame title={title}>
        <SignInToUse what="see your booked chats" />
      </YoungPersonFrame>
    );
  return (
    <YoungPersonFrame title={title}>
      <ProblemBox text={problem} />
      <p>
        A booked chat is a time you and a counsellor have chosen to talk. You can start it up to 10 minutes
        early.
      </p>
      {bookings.isPending ? (
        <p aria-live="polite">Loading…</p>
      ) : bookings.isError ? (
        <ProblemBox text="We could not load your booked chats. Reload the page to try again." />
      ) : bookings.data.items.length === 0 ? (
        <p>
          You have no booked chats. A counsellor can book one with you when you chat. You can also{' '}
          <Link to={webPaths.onlineMessages}>send us a message</Link>.
        </p>
      ) : (
        <ul className="nhsuk-list">
          {bookings.data.items.map((booking) => (
            <li key={booking.id}>
              <BookingCard
                booking={booking}
                isBusy={busy === booking.id}
                onStart={() => start(booking)}
                onCancel={() => cancel(booking)}
              />
            </li>
          ))}
        </ul>
      )}
    </YoungPersonFrame>
  );
}

function BookingCard({
  booking,
  isBusy,
  onStart,
  onCancel,
}: {
  booking: YoungPersonBooking;
  isBusy: boolean;
  onStart: () => void;
  onCancel: () => void;
}) {
  const tag = statusTags[booking.status];
  const headingId = `booking-${booking.id}`;
  return (
    <article className="nhsuk-card" aria-labelledby={headingId}>
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-s" id={headingId}>
          {booking.when} with {booking.counsellorFirstName}
        </h2>
        <p>
          <strong className={`nhsuk-tag ${tag.colour}`}>{tag.text}</strong>
        </p>
        <p>It lasts {booking.minutes} minutes.</p>
        {booking.status === 'missed' && (
          <p>You missed this chat. That is OK. You can send us a message to book another.</p>
        )}
        {booking.status === 'booked' && !booking.canStart && <p>You can start it from 10 minutes before.</p>}
        <div className="nhsuk-button-group nhsuk-u-margin-bottom-0">
          {booking.canStart && (
            <button className="nhsuk-button" type="button" onClick={onStart} disabled={isBusy}>
              Start my booked chat
            </button>
          )}
          {booking.status === 'started' && (
            <Link className="nhsuk-button" to={webPaths.onlineChat}>
              Go to my chat
            </Link>
          )}
          {booking.canCancel && (
            <button
              className="nhsuk-button nhsuk-button--secondary"
              type="button"
              onClick={onCancel}
              disabled={isBusy}
            >
              Cancel this chat<span className="nhsuk-u-visually-hidden"> on {booking.when}</span>
            </button>
          )}
        </div>
      </div>
    </article>
  );
}
