import { useState } from 'react';
import { Link } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { concernStatuses } from '../../../domain/safeguarding/concerns.js';
import { SelectField } from '../../components/form.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { formatDate } from '../triage/triage-view.js';
import { useConcernBoard } from './notes-queries.js';
import { ConcernStatusTag, categoryWords } from './safeguarding-parts.js';

/** The safeguarding lead's board: the organisation's concerns, open ones first, newest first. */
export function SafeguardingBoardPage() {
  const { allowed, gate } = useStaffAccess('safeguarding:manage', 'see safeguarding concerns');
  const [status, setStatus] = useState('');
  const board = useConcernBoard(status, allowed);
  if (gate) return gate;
  return (
    <>
      <PageTitle title="Safeguarding concerns" />
      <BackLink to={webPaths.staffHome}>Staff home</BackLink>
      <h1>Safeguarding concerns</h1>
      <p>Concerns raised by practitioners in your organisation. Open concerns come first, newest first.</p>
      <SelectField id="board-status" label="Show" value={status} onChange={(e) => setStatus(e.target.value)}>
        <option value="">All concerns</option>
        {Object.entries(concernStatuses).map(([code, words]) => (
          <option key={code} value={code}>
            {words}
          </option>
        ))}
      </SelectField>
      {board.isPending ? (
        <p aria-live="polite">Loading…</p>
      ) : board.isError ? (
        <LoadError error={board.error} />
      ) : board.data.items.length === 0 ? (
        <p>There are no concerns to show.</p>
      ) : (
        <ResponsiveTable
          caption={`${board.data.items.length} ${board.data.items.length === 1 ? 'concern' : 'concerns'}`}
          headings={['Young person', 'Concern', 'Raised', 'Status']}
        >
          {board.data.items.map((c) => (
            <tr className="nhsuk-table__row" key={c.id}>
              <Cell heading="Young person">
                <Link to={webPaths.safeguardingConcern.replace(':concernId', c.id)}>
                  {c.reference}
                  <span className="nhsuk-u-visually-hidden">,</span> {c.childName}
                </Link>
              </Cell>
              <Cell heading="Concern">{categoryWords(c.category)}</Cell>
              <Cell heading="Raised">
                {formatDate(c.raisedAt)} by {c.raisedByName}
              </Cell>
              <Cell heading="Status">
                <ConcernStatusTag status={c.status} />
              </Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </>
  );
}
