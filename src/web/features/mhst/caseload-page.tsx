import { Link } from 'react-router';
import type { CaseloadEntry } from '../../../contracts/caseload.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { statusWords } from '../triage/triage-view.js';
import { appointmentWords } from './clock-words.js';
import { WaitedCell } from './mhst-parts.js';
import { useCaseload } from './mhst-queries.js';
import { caseloadReferralPath, caseloadSentence, newFirst, plural } from './mhst-view.js';

/** The young people allocated to this practitioner, new allocations first. */
export function CaseloadPage() {
  const { allowed, gate } = useStaffAccess('caseload:read', 'see a caseload');
  const caseload = useCaseload(allowed);
  if (gate) return gate;
  const data = caseload.data;
  const items: CaseloadEntry[] = data ? newFirst(data.items) : [];
  const fresh = items.filter((item) => item.isNew).length;

  return (
    <>
      <PageTitle title="Your caseload" />
      <BackLink to={webPaths.staffHome}>Your account</BackLink>
      <h1>Your caseload</h1>
      {caseload.isPending && <p aria-live="polite">Loading…</p>}
      {caseload.isError && <LoadError error={caseload.error} />}
      {data && (
        <>
          <p>{caseloadSentence(items.length, data.capacity)}</p>
          {fresh > 0 && (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>
                {plural(fresh, 'new allocation')}: get in touch and book a first appointment. New allocations
                are listed first.
              </p>
            </div>
          )}
          {items.length === 0 ? (
            <p>Nobody is allocated to you at the moment.</p>
          ) : (
            <ResponsiveTable
              caption="Young people allocated to you"
              headings={['Reference', 'Name', 'Age', 'School', 'Waited', 'Next appointment', 'Status']}
            >
              {items.map((item) => (
                <tr className="nhsuk-table__row" key={item.referralId}>
                  <Cell heading="Reference">
                    <Link className="lantern-mhst-reference" to={caseloadReferralPath(item.referralId)}>
                      {item.reference}
                      <span className="nhsuk-u-visually-hidden">, {item.childName}</span>
                    </Link>
                    {item.isNew && (
                      <div>
                        <strong className="nhsuk-tag nhsuk-tag--blue">New</strong>
                      </div>
                    )}
                  </Cell>
                  <Cell heading="Name">{item.childName}</Cell>
                  <Cell heading="Age">{item.age}</Cell>
                  <Cell heading="School">{item.schoolName ?? 'Not given'}</Cell>
                  <Cell heading="Waited">
                    <WaitedCell entry={item} />
                  </Cell>
                  <Cell heading="Next appointment">
                    {item.nextContactAt ? appointmentWords(item.nextContactAt) : 'None booked'}
                  </Cell>
                  <Cell heading="Status">{statusWords(item.status)}</Cell>
                </tr>
              ))}
            </ResponsiveTable>
          )}
        </>
      )}
    </>
  );
}
