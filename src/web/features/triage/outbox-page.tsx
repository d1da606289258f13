import { webPaths } from '../../../contracts/web-paths.js';
import './triage.css';
import { BackLink, PageTitle } from '../../components/layout.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { LoadError, useStaffAccess } from './staff-access.js';
import { useOutbox } from './triage-queries.js';
import { formatDateTime } from './triage-view.js';

const headings = [
  'Channel and template',
  'Recipient',
  'Message',
  'Created',
  'Sent',
  'Attempts',
  'Last error',
];

/** The emails and texts Lantern would send, for checking during development. */
export function OutboxPage() {
  const { allowed, gate } = useStaffAccess('outbox:read', 'see the outbox');
  const outbox = useOutbox(allowed);
  if (gate) return gate;
  const messages = outbox.data?.messages ?? [];

  return (
    <>
      <PageTitle title="Outbox" />
      <BackLink to={webPaths.staffHome}>Your account</BackLink>
      <h1>Outbox</h1>
      <div className="nhsuk-warning-callout">
        <h2 className="nhsuk-warning-callout__label">
          <span>
            <span className="nhsuk-u-visually-hidden">Important: </span>
            For development only
          </span>
        </h2>
        <p>
          This page shows the emails and text messages Lantern has queued, so they can be checked without
          sending them. It is not available in a live service.
        </p>
      </div>
      {outbox.isPending && <p aria-live="polite">Loading…</p>}
      {outbox.isError && <LoadError error={outbox.error} />}
      {outbox.data && messages.length === 0 && <p>The outbox is empty.</p>}
      {messages.length > 0 && (
        <ResponsiveTable
          caption={`${messages.length} messages, as the server lists them`}
          headings={headings}
        >
          {messages.map((message) => (
            <tr className="nhsuk-table__row" key={message.id}>
              <Cell heading="Channel and template">
                {message.channel}
                <br />
                <span className="nhsuk-body-s lantern-break">{message.template}</span>
              </Cell>
              <Cell heading="Recipient">
                <span className="lantern-break">{message.recipient}</span>
              </Cell>
              <Cell heading="Message">
                <span className="nhsuk-body-s lantern-pre-line">{message.body}</span>
              </Cell>
              <Cell heading="Created">{formatDateTime(message.createdAt)}</Cell>
              <Cell heading="Sent">{message.sentAt ? formatDateTime(message.sentAt) : 'Not sent'}</Cell>
              <Cell heading="Attempts">{message.attempts}</Cell>
              <Cell heading="Last error">
                <span className="lantern-break">{message.lastError ?? 'None'}</span>
              </Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </>
  );
}
