import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { YoungPersonOverview } from '../../../contracts/online-bookings.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { getJson } from '../../api.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { useChangeNotice } from '../../components/notice.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { SummaryList } from '../triage/fields.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { formatDate, formatDateTime } from '../triage/triage-view.js';
import { BookSessionForm } from './booking-form.js';
import { MessageList } from './message-list.js';
import { MessageReplyForm } from './message-reply-form.js';

const moodWords = ['', 'Awful', 'Bad', 'OK', 'Good', 'Great'];

/**
 * The counsellor's view of one young person: who they said they are, their messages (with a reply
 * form), bookings (with "Book a session"), previous chats with risk levels, moods and goals.
 */
export function YoungPersonPage() {
  const { accountId = '' } = useParams();
  const { allowed, gate } = useStaffAccess('online:counsel', 'see young people using online support');
  const client = useQueryClient();
  const overview = useQuery({
    queryKey: ['online', 'young-person', accountId],
    queryFn: ({ signal }) =>
      getJson<YoungPersonOverview>(`/api/online/young-people/${encodeURIComponent(accountId)}`, signal),
    enabled: allowed && accountId !== '',
  });
  const notice = useChangeNotice(
    () => client.invalidateQueries({ queryKey: ['online', 'young-person', accountId] }),
    'Something changed while you were looking. The page now shows the latest.',
  );
  if (gate) return gate;
  if (overview.isPending) return <p aria-live="polite">Loading…</p>;
  if (overview.isError) return <LoadError error={overview.error} />;
  const view = overview.data;
  return (
    <>
      <PageTitle title="Young person" />
      <BackLink to={webPaths.onlineInbox}>Messages from young people</BackLink>
      {notice.element}
      <h1>{view.username}</h1>
      <SummaryList
        rows={[
          ['Age now', String(view.ageNow)],
          ['Gender', view.gender],
          ['School or area', view.schoolOrArea ?? 'Not given'],
          ['Signed up', formatDate(view.signedUpAt)],
        ]}
      />
      <section aria-labelledby="messages-heading">
        <h2 id="messages-heading">Messages</h2>
        {view.thread.messages.length === 0 ? (
          <p>No messages yet.</p>
        ) : (
          <MessageList messages={view.thread.messages} readWords="Read" isForStaff />
        )}
        <MessageReplyForm accountId={view.accountId} onSaved={notice.saved} />
      </section>
      <section aria-labelledby="bookings-heading">
        <h2 id="bookings-heading">Bookings</h2>
        {view.bookings.length === 0 ? (
          <p>No sessions booked.</p>
        ) : (
          <ResponsiveTable
            caption="Booked sessions, latest first"
            headings={['When', 'With', 'Length', 'Status']}
          >
            {view.bookings.map((b) => (
              <tr className="nhsuk-table__row" key={b.id}>
                <Cell heading="When">{formatDateTime(b.startsAt)}</Cell>
                <Cell heading="With">{b.counsellorName}</Cell>
                <Cell heading="Length">{b.minutes} minutes</Cell>
                <Cell heading="Status">{b.status}</Cell>
              </tr>
            ))}
          </ResponsiveTable>
        )}
      </section>
      <BookSessionForm accountId={view.accountId} counsellors={view.counsellors} onSaved={notice.saved} />
      <section aria-labelledby="chats-heading">
        <h2 id="chats-heading">Previous chats</h2>
        {view.chats.length === 0 ? (
          <p>No chats yet.</p>
        ) : (
          <ResponsiveTable
            caption="Chats, newest first"
            headings={['Date', 'Counsellor', 'Length', 'Risk level', 'Note for next time']}
          >
            {view.chats.map((c) => (
              <tr className="nhsuk-table__row" key={c.chatId}>
                <Cell heading="Date">{formatDateTime(c.startedAt)}</Cell>
                <Cell heading="Counsellor">{c.counsellorName ?? 'Not taken'}</Cell>
                <Cell heading="Length">{c.minutes === null ? '–' : `${c.minutes} minutes`}</Cell>
                <Cell heading="Risk level">{c.riskLevel ?? 'Not recorded'}</Cell>
                <Cell heading="Note for next time">
                  <span className="lantern-note-body">{c.summaryNote ?? ''}</span>
                </Cell>
              </tr>
            ))}
          </ResponsiveTable>
        )}
      </section>
      <section aria-labelledby="moods-heading">
        <h2 id="moods-heading">Moods and goals</h2>
        <p>The young person knows counsellors can see their moods and goals. Their journal is private.</p>
        {view.moods.recent.length === 0 ? (
          <p>No moods recorded.</p>
        ) : (
          <>
            {view.moods.average30Days !== null && (
              <p>Average mood over the last 30 days: {view.moods.average30Days} out of 5.</p>
            )}
            <ul>
              {view.moods.recent.map((m) => (
                <li key={m.recordedAt}>
                  {formatDateTime(m.recordedAt)}: {moodWords[m.mood]}
                  {m.note ? ` (${m.note})` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
        {view.goals.length === 0 ? (
          <p>No goals set.</p>
        ) : (
          <ul>
            {view.goals.map((g) => (
              <li key={g.id}>
                {g.goal}:{' '}
                {g.latestRating === null
                  ? 'not rated yet'
                  : `${g.firstRating} to ${g.latestRating} out of 10`}
                {g.closedAs ? ` (${g.closedAs})` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
