import type { WholeSchool } from '../../../contracts/schools.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { formatDateTime } from '../triage/triage-view.js';

// The school's recent sessions, advice and School Link meetings, newest first as the API sends them.

export function RecentSessions({ sessions }: { sessions: WholeSchool['groupSessions'] }) {
  if (sessions.length === 0) return <p>No sessions recorded yet.</p>;
  return (
    <ResponsiveTable
      caption="Recent sessions"
      headings={['When', 'Kind of session', 'What it was about', 'People who came', 'Year groups', 'Run by']}
    >
      {sessions.map((session) => (
        <tr className="nhsuk-table__row" key={session.id}>
          <Cell heading="When">{formatDateTime(session.heldAt)}</Cell>
          <Cell heading="Kind of session">{session.kindLabel}</Cell>
          <Cell heading="What it was about">{session.topic}</Cell>
          <Cell heading="People who came">{session.attendeeCount}</Cell>
          <Cell heading="Year groups">{session.yearGroups || 'Not given'}</Cell>
          <Cell heading="Run by">{session.deliveredBy}</Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}

export function RecentAdvice({ consultations }: { consultations: WholeSchool['consultations'] }) {
  if (consultations.length === 0) return <p>No advice recorded yet.</p>;
  return (
    <ResponsiveTable
      caption="Recent advice to school staff"
      headings={['When', 'Their role', 'Asked about', 'Advice']}
    >
      {consultations.map((advice) => (
        <tr className="nhsuk-table__row" key={advice.id}>
          <Cell heading="When">{formatDateTime(advice.givenAt)}</Cell>
          <Cell heading="Their role">{advice.staffRole}</Cell>
          <Cell heading="Asked about">{advice.topic}</Cell>
          <Cell heading="Advice">
            <span className="lantern-pre-line">{advice.advice}</span>
          </Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}

export function RecentLinkMeetings({ meetings }: { meetings: WholeSchool['linkMeetings'] }) {
  if (meetings.length === 0) return <p>No School Link meetings recorded yet.</p>;
  return (
    <ResponsiveTable
      caption="Recent School Link meetings"
      headings={['When', 'Who came', 'What was discussed', 'What was agreed']}
    >
      {meetings.map((meeting) => (
        <tr className="nhsuk-table__row" key={meeting.id}>
          <Cell heading="When">{formatDateTime(meeting.heldAt)}</Cell>
          <Cell heading="Who came">{meeting.attendees.join(', ')}</Cell>
          <Cell heading="What was discussed">
            <span className="lantern-pre-line">{meeting.discussed}</span>
          </Cell>
          <Cell heading="What was agreed">
            <span className="lantern-pre-line">{meeting.agreedActions || 'Nothing recorded'}</span>
          </Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
