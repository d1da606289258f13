import { Link } from 'react-router';
import type { AllocationView, WaitingEntry } from '../../../contracts/mhst.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { formatDateTime } from '../triage/triage-view.js';
import {
  capacityPath,
  forecastPath,
  isAtRiskShown,
  ragTag,
  waitedWords,
  waitingListPath,
} from './mhst-view.js';
import './mhst.css';

// Pieces shared by the MHST and caseload pages.

export function RagTag({ rag }: { rag: WaitingEntry['rag'] }) {
  const tag = ragTag(rag);
  return <strong className={tag.className}>{tag.label}</strong>;
}

/** Days waited with the four-week tag, and the forecast's flag when it will likely pass four weeks. */
export function WaitedCell({
  entry,
}: {
  entry: Pick<WaitingEntry, 'daysWaited' | 'daysLeft' | 'rag' | 'isAtRisk'>;
}) {
  return (
    <>
      <RagTag rag={entry.rag} />
      <br />
      <span className="nhsuk-body-s">{waitedWords(entry.daysWaited, entry.daysLeft)}</span>
      {isAtRiskShown(entry) && (
        <div>
          <strong className="nhsuk-tag nhsuk-tag--yellow">At risk of passing 4 weeks</strong>
        </div>
      )}
    </>
  );
}

/** Links between a team's pages; the current one is marked for screen readers and by weight. */
export function TeamPagesNav({
  teamId,
  current,
}: {
  teamId: string;
  current: 'list' | 'forecast' | 'capacity';
}) {
  const links = [
    { key: 'list', to: waitingListPath(teamId), text: 'Waiting list' },
    { key: 'forecast', to: forecastPath(teamId), text: 'The week ahead' },
    { key: 'capacity', to: capacityPath(teamId), text: 'Team capacity' },
  ] as const;
  return (
    <nav aria-label="Team pages">
      <ul className="lantern-mhst-nav">
        {links.map((link) => (
          <li key={link.key}>
            <Link to={link.to} aria-current={link.key === current ? 'page' : undefined}>
              {link.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

type AllocationRecord = AllocationView['history'][number];

/** Every allocation, newest first; a reallocation ends the previous one but keeps it here. */
export function AllocationHistory({
  history,
  headingId,
}: {
  history: AllocationRecord[];
  headingId: string;
}) {
  const rows = [...history].sort((a, b) => Date.parse(b.recordedAt) - Date.parse(a.recordedAt));
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Allocation history</h2>
      {rows.length === 0 ? (
        <p>Not allocated yet.</p>
      ) : (
        <ResponsiveTable
          caption="Allocations, newest first"
          headings={['When', 'Allocated to', 'Reason', 'By', 'Ended']}
        >
          {rows.map((row) => (
            <tr className="nhsuk-table__row" key={row.id}>
              <Cell heading="When">{formatDateTime(row.recordedAt)}</Cell>
              <Cell heading="Allocated to">
                {row.kind === 'practitioner'
                  ? (row.practitionerName ?? 'A practitioner')
                  : `Group waiting list: ${row.groupName ?? 'unnamed group'}`}
              </Cell>
              <Cell heading="Reason">
                <span className="lantern-mhst-text">{row.reason}</span>
                {row.isBulk && <span className="nhsuk-body-s lantern-mhst-block">Allocated in bulk</span>}
              </Cell>
              <Cell heading="By">{row.recordedBy}</Cell>
              <Cell heading="Ended">
                {row.endedAt
                  ? `${formatDateTime(row.endedAt)}${row.endReason ? `: ${row.endReason}` : ''}`
                  : 'Current'}
              </Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </section>
  );
}
