import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Inbox, StaffBookings } from '../../../contracts/online-bookings.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { getJson } from '../../api.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { formatDateTime } from '../triage/triage-view.js';

export const youngPersonPath = (accountId: string) =>
  webPaths.onlineYoungPerson.replace(':accountId', encodeURIComponent(accountId));

/** Messages from young people waiting for a reply, oldest first, and the counsellor's own bookings. */
export function OnlineInboxPage() {
  const { allowed, gate } = useStaffAccess('online:counsel', 'read messages from young people');
  const inbox = useQuery({
    queryKey: ['online', 'inbox'],
    queryFn: ({ signal }) => getJson<Inbox>('/api/online/inbox', signal),
    enabled: allowed,
    refetchInterval: 30_000,
  });
  const bookings = useQuery({
    queryKey: ['online', 'my-bookings'],
    queryFn: ({ signal }) => getJson<StaffBookings>('/api/online/my-bookings', signal),
    enabled: allowed,
    refetchInterval: 60_000,
  });
  if (gate) return gate;
  return (
    <>
      <PageTitle title="Messages from young people" />
      <BackLink to={webPaths.counsellorQueue}>Online support</BackLink>
      <h1>Messages from young people</h1>
      <section aria-labelledby="inbox-heading">
        <h2 id="inbox-heading">Waiting for a reply</h2>
        {inbox.isPending ? (
          <p aria-live="polite">Loading…</p>
        ) : inbox.isError ? (
          <LoadError error={inbox.error} />
        ) : inbox.data.items.length === 0 ? (
          <p>No messages are waiting for a reply.</p>
        ) : (
          <ResponsiveTable
            caption="Threads waiting for a reply, oldest first"
            headings={['Young person', 'Waiting since', 'Messages', 'Flags']}
          >
            {inbox.data.items.map((thread) => (
              <tr className="nhsuk-table__row" key={thread.accountId}>
                <Cell heading="Young person">
                  <Link to={youngPersonPath(thread.accountId)}>{thread.username}</Link>
                </Cell>
                <Cell heading="Waiting since">{formatDateTime(thread.waitingSince)}</Cell>
                <Cell heading="Messages">{thread.waitingMessages}</Cell>
                <Cell heading="Flags">
                  {thread.hasRiskPhrase && <strong className="nhsuk-tag nhsuk-tag--red">Risk phrase</strong>}{' '}
                  {!thread.isRead && <strong className="nhsuk-tag nhsuk-tag--blue">New</strong>}
                </Cell>
              </tr>
            ))}
          </ResponsiveTable>
        )}
      </section>
      <section aria-labelledby="bookings-heading">
        <h2 id="bookings-heading">Your booked sessions</h2>
        {bookings.isPending ? (
          <p aria-live="polite">Loading…</p>
        ) : bookings.isError ? (
          <LoadError error={bookings.error} />
        ) : bookings.data.items.length === 0 ? (
          <p>You have no booked sessions.</p>
        ) : (
          <ResponsiveTable
            caption="Your booked sessions, soonest first"
            headings={['When', 'Young person', 'Length', 'Status']}
          >
            {bookings.data.items.map((booking) => (
              <tr className="nhsuk-table__row" key={booking.id}>
                <Cell heading="When">{booking.when}</Cell>
                <Cell heading="Young person">
                  <Link to={youngPersonPath(booking.accountId)}>{booking.username}</Link>
                </Cell>
                <Cell heading="Length">{booking.minutes} minutes</Cell>
                <Cell heading="Status">
                  {booking.status}
                  {booking.chatStatus === 'waiting' && ': waiting for you in the queue'}
                </Cell>
              </tr>
            ))}
          </ResponsiveTable>
        )}
      </section>
    </>
  );
}
