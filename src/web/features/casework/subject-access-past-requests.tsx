import { Cell, ResponsiveTable } from '../../components/table.js';
import { LoadError } from '../triage/staff-access.js';
import { formatDate, formatDateTime } from '../triage/triage-view.js';
import { useSubjectAccessRequests } from './subject-access-api.js';

/** Past requests with their counts: never what was in them. */
export function PastRequests({ isAllowed }: { isAllowed: boolean }) {
  const list = useSubjectAccessRequests(isAllowed);
  return (
    <section aria-labelledby="past-heading">
      <h2 id="past-heading">Past requests</h2>
      {list.isPending && <p aria-live="polite">Loading…</p>}
      {list.isError && <LoadError error={list.error} />}
      {list.data && list.data.items.length === 0 && <p>No records have been exported yet.</p>}
      {list.data && list.data.items.length > 0 && (
        <ResponsiveTable
          caption="Records exported for subject access requests, newest first"
          headings={['Received', 'Who asked', 'Exported', 'Items given', 'Items withheld']}
        >
          {list.data.items.map((item) => (
            <tr className="nhsuk-table__row" key={item.id}>
              <Cell heading="Received">{formatDate(item.receivedOn)}</Cell>
              <Cell heading="Who asked">{item.requester}</Cell>
              <Cell heading="Exported">
                {formatDateTime(item.exportedAt)} by {item.exportedBy}
              </Cell>
              <Cell heading="Items given">{item.itemsIncluded}</Cell>
              <Cell heading="Items withheld">{item.itemsWithheld}</Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </section>
  );
}
