import { Link, useLocation, useSearchParams } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { LoadError, useStaffAccess } from './staff-access.js';
import { useTriageQueue } from './triage-queries.js';
import {
  formatDate,
  parseQueueStatus,
  queueStatuses,
  sourceWords,
  statusWords,
  triageReferralPath,
  waitingCue,
  workingDaysSince,
} from './triage-view.js';

const headings = [
  'Reference',
  'Child',
  'School',
  'Source',
  'Received',
  'Waiting',
  'Status',
  'Other referrals',
];

/** The single point of access queue: most urgent first, then whoever has waited longest. */
export function TriageQueuePage() {
  const [params] = useSearchParams();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const status = parseQueueStatus(params.get('status'));
  const { allowed, gate } = useStaffAccess('referral:triage', 'see the triage queue');
  const queue = useTriageQueue(status, allowed);
  if (gate) return gate;
  const now = new Date();
  const items = queue.data?.items ?? [];
  const overdue = items.filter(
    (item) => waitingCue(item.daysWaiting, workingDaysSince(item.receivedAt, now)).level === 'red',
  );

  return (
    <>
      <PageTitle title="Triage queue" />
      {notice && (
        <div className="nhsuk-inset-text" role="status">
          <p>{notice}</p>
        </div>
      )}
      <BackLink to={webPaths.staffHome}>Your account</BackLink>
      <h1>Triage queue</h1>
      <p>
        Referrals to the single point of access, the most urgent first and then those waiting longest. The
        standard is a decision within four weeks (28 days, or 20 working days).
      </p>
      <nav aria-label="Show referrals by status">
        <ul className="lantern-status-nav">
          {Object.entries(queueStatuses).map(([code, label]) => (
            <li key={code}>
              <Link
                to={code === 'open' ? webPaths.triageQueue : `${webPaths.triageQueue}?status=${code}`}
                aria-current={code === status ? 'page' : undefined}
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {queue.isPending && <p aria-live="polite">Loading…</p>}
      {queue.isError && <LoadError error={queue.error} />}
      {queue.data && (
        <>
          <p role="status">
            {items.length === 0
              ? 'There are no referrals here.'
              : `${items.length} ${items.length === 1 ? 'referral' : 'referrals'}${overdue.length > 0 ? `, ${overdue.length} over the four-week standard` : ''}.`}
          </p>
          {items.length > 0 && (
            <ResponsiveTable caption={`${queueStatuses[status]} referrals`} headings={headings}>
              {items.map((item) => {
                const cue = waitingCue(item.daysWaiting, workingDaysSince(item.receivedAt, now));
                return (
                  <tr className="nhsuk-table__row" key={item.id}>
                    <Cell heading="Reference">
                      <Link to={triageReferralPath(item.id)}>
                        {item.reference}
                        <span className="nhsuk-u-visually-hidden">, {item.childName}</span>
                      </Link>
                      {(item.priority === 'emergency' || item.priority === 'urgent' || item.isUrgent) && (
                        <div>
                          <strong className="nhsuk-tag nhsuk-tag--red">
                            {item.priority === 'emergency' ? 'Emergency' : 'Urgent'}
                          </strong>
                        </div>
                      )}
                    </Cell>
                    <Cell heading="Child">
                      {item.childName}
                      <br />
                      <span className="nhsuk-body-s">Age {item.age}</span>
                      {item.hasPossibleDuplicate && (
                        <div>
                          <strong className="nhsuk-tag nhsuk-tag--yellow">Possible duplicate</strong>
                        </div>
                      )}
                    </Cell>
                    <Cell heading="School">{item.schoolName ?? 'Not given'}</Cell>
                    <Cell heading="Source">{sourceWords(item.source)}</Cell>
                    <Cell heading="Received">{formatDate(item.receivedAt)}</Cell>
                    <Cell heading="Waiting">
                      <strong className={cue.tagClass}>{cue.label}</strong>
                      <br />
                      <span className="nhsuk-body-s">{cue.words}</span>
                    </Cell>
                    <Cell heading="Status">{statusWords(item.status)}</Cell>
                    <Cell heading="Other referrals">
                      {item.otherReferrals === 0 ? 'None' : item.otherReferrals}
                    </Cell>
                  </tr>
                );
              })}
            </ResponsiveTable>
          )}
        </>
      )}
    </>
  );
}
