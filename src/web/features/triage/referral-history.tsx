import { Link } from 'react-router';
import type { TriageReferral } from '../../../contracts/triage.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { decisionKindWords, priorityWords, thriveWords } from './referral-words.js';
import {
  declineWords,
  formatCalendarDate,
  formatDate,
  formatDateTime,
  mdtMeetingPath,
  newestFirst,
  statusWords,
  triageReferralPath,
} from './triage-view.js';

type Decision = TriageReferral['decisions'][number];

function DecisionDetail({
  decision,
  serviceNames,
}: {
  decision: Decision;
  serviceNames: Map<string, string>;
}) {
  const lines: [string, string][] = [];
  if (decision.serviceName) lines.push(['Service', decision.serviceName]);
  if (decision.teamName) lines.push(['Team', decision.teamName]);
  if (decision.signpostedTo.length > 0) {
    lines.push([
      'Signposted to',
      decision.signpostedTo.map((slug) => serviceNames.get(slug) ?? slug).join(', '),
    ]);
  }
  if (decision.informationSent) lines.push(['Information sent', decision.informationSent]);
  if (decision.question) lines.push(['Question', decision.question]);
  if (decision.declineReason) {
    const reason = declineWords(decision.declineReason);
    lines.push(['Reason', reason?.text ?? decision.declineReason]);
    if (reason) lines.push(['Alternative offered', reason.alternative]);
  }
  if (decision.notes.trim()) lines.push(['Notes', decision.notes]);
  return (
    <>
      <strong>{decisionKindWords(decision.kind)}</strong>
      {lines.map(([label, text]) => (
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-2 lantern-pre-line" key={label}>
          {label}: {text}
        </p>
      ))}
      {decision.mdtMeetingId && (
        <p className="nhsuk-body-s">
          <Link to={mdtMeetingPath(decision.mdtMeetingId)}>See the MDT meeting</Link>
        </p>
      )}
    </>
  );
}

export function DecisionHistory({
  decisions,
  serviceNames,
}: {
  decisions: TriageReferral['decisions'];
  serviceNames: Map<string, string>;
}) {
  return (
    <section aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">Decisions</h2>
      {decisions.length === 0 ? (
        <p>No decision has been recorded yet.</p>
      ) : (
        <ResponsiveTable
          caption="Decisions, newest first"
          headings={['When and who', 'Decision', 'THRIVE and priority']}
        >
          {newestFirst(decisions).map((decision) => (
            <tr className="nhsuk-table__row" key={decision.id}>
              <Cell heading="When and who">
                {formatDateTime(decision.recordedAt)}
                <br />
                <span className="nhsuk-body-s">{decision.recordedBy}</span>
              </Cell>
              <Cell heading="Decision">
                <DecisionDetail decision={decision} serviceNames={serviceNames} />
              </Cell>
              <Cell heading="THRIVE and priority">
                {thriveWords(decision.thriveGrouping)}
                <br />
                {priorityWords(decision.priority)}
              </Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </section>
  );
}

export function OtherReferrals({ referrals }: { referrals: TriageReferral['otherReferrals'] }) {
  return (
    <section aria-labelledby="other-referrals-heading">
      <h2 id="other-referrals-heading">Other referrals for this young person</h2>
      {referrals.length === 0 ? (
        <p>There are no other referrals.</p>
      ) : (
        <ul className="nhsuk-list">
          {referrals.map((other) => (
            <li key={other.id}>
              <Link to={triageReferralPath(other.id)}>{other.reference}</Link>, received{' '}
              {formatDate(other.receivedAt)}: {statusWords(other.status)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Who will do what by when, agreed at an MDT meeting. The list is read-only and never reordered. */
export function ActionList({ actions }: { actions: TriageReferral['mdt'][number]['actions'] }) {
  return (
    <ul className="nhsuk-list nhsuk-list--bullet">
      {actions.map((action, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a saved, read-only list with no ids
        <li className="lantern-pre-line" key={index}>
          {action.description}: {action.ownerName} ({action.ownerAgency}), by{' '}
          {formatCalendarDate(action.dueOn)}
        </li>
      ))}
    </ul>
  );
}

export function MdtDiscussions({ discussions }: { discussions: TriageReferral['mdt'] }) {
  return (
    <section aria-labelledby="mdt-heading">
      <h2 id="mdt-heading">Multi-agency (MDT) discussions</h2>
      {discussions.length === 0 && <p>This referral has not been discussed at an MDT meeting.</p>}
      {discussions.map((discussion) => (
        <div className="nhsuk-card" key={discussion.meetingId}>
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-card__heading nhsuk-heading-s">
              <Link to={mdtMeetingPath(discussion.meetingId)}>
                Meeting on {formatDateTime(discussion.heldAt)}
              </Link>
            </h3>
            <p className="lantern-pre-line">
              {discussion.sharedDecision
                ? `Agreed: ${discussion.sharedDecision}`
                : 'No shared decision recorded yet.'}
            </p>
            {discussion.actions.length > 0 && (
              <>
                <h4 className="nhsuk-heading-xs">Actions</h4>
                <ActionList actions={discussion.actions} />
              </>
            )}
          </div>
        </div>
      ))}
    </section>
  );
}

/** What the referrer sent back when triage asked for more information. */
export function ReferrerAnswers({ information }: { information: TriageReferral['information'] }) {
  if (information.length === 0) return null;
  return (
    <section aria-labelledby="referrer-answers-heading">
      <h2 id="referrer-answers-heading">Answers from the referrer</h2>
      {information.map((item) => (
        <div className="nhsuk-inset-text" key={item.givenAt}>
          <p className="lantern-pre-line">{item.answer}</p>
          <p className="nhsuk-body-s">
            {item.givenBy}, {formatDateTime(item.givenAt)}
          </p>
        </div>
      ))}
    </section>
  );
}
