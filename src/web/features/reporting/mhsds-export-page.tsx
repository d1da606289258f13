import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { MhsdsExportList } from '../../../contracts/mhsds-export.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { formatIsoDate } from '../../../domain/online/usage.js';
import { ApiError, getJson } from '../../api.js';
import { BackLink, MessagePage } from '../../components/layout.js';
import { useSession } from '../staff/use-session.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { MhsdsPeriodForm } from './mhsds-period-form.js';
import { MhsdsTableList } from './mhsds-table-list.js';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const title = 'MHSDS-shaped export';

function useExportList(from: string | null, to: string | null, enabled: boolean) {
  const query = from && to ? `?${new URLSearchParams({ from, to }).toString()}` : '';
  return useQuery({
    queryKey: ['mhsds-export', from, to],
    queryFn: ({ signal }) => getJson<MhsdsExportList>(`/api/exports/mhsds${query}`, signal),
    enabled,
    retry: false,
  });
}

/**
 * The MHSDS-shaped export: choose a period, see each table's row count, download each CSV and the
 * data dictionary. The period is kept in the address (dates only). Record-level data: the page
 * says so, and says it is not an accredited submission.
 */
export function MhsdsExportPage() {
  const { allowed, gate } = useStaffAccess('mhsds:export', 'download the MHSDS-shaped export');
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const asked = from && to && isoDate.test(from) && isoDate.test(to) ? { from, to } : null;
  const list = useExportList(asked?.from ?? null, asked?.to ?? null, allowed);
  const signedIn = useSession().data?.state === 'signed-in';
  if (gate && signedIn && !allowed) return <Refused />;
  if (gate) return gate;
  const problem =
    list.error instanceof ApiError && list.error.problem.status === 400 ? list.error.problem : null;

  return (
    <>
      <BackLink to={webPaths.staffHome}>Staff home</BackLink>
      <h1>{title}</h1>
      <div className="nhsuk-warning-callout">
        <h2 className="nhsuk-warning-callout__label">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          Record-level data
        </h2>
        <p>
          This is not an accredited MHSDS submission. It holds record-level data: keep it inside your
          organisation's secure systems.
        </p>
      </div>
      <p>
        One CSV file for each Mental Health Services Data Set (MHSDS) table, for the referrals your
        organisation is responsible for. Columns use the MHSDS names. Codes starting "LANTERN:" are Lantern's
        own: the data dictionary says which national codes to map them to.
      </p>
      <MhsdsPeriodForm
        title={title}
        key={`${asked?.from ?? list.data?.from}-${asked?.to ?? list.data?.to}`}
        from={asked?.from ?? list.data?.from ?? ''}
        to={asked?.to ?? list.data?.to ?? ''}
        serverProblem={problem}
        onChange={(next) => setParams(next)}
      />
      {list.isPending && <p aria-live="polite">Loading…</p>}
      {list.isError && !problem && <LoadError error={list.error} />}
      {list.data && (
        <section aria-labelledby="mhsds-tables">
          <h2 id="mhsds-tables">
            Tables from {formatIsoDate(list.data.from)} to {formatIsoDate(list.data.to)}
          </h2>
          <MhsdsTableList list={list.data} />
          <p>
            <a href={list.data.dictionaryHref} download>
              Download the data dictionary (CSV)
            </a>
          </p>
        </section>
      )}
    </>
  );
}

/** A signed-in member of staff without `mhsds:export`: a page of its own, with a title and a heading. */
function Refused() {
  return (
    <MessagePage title="You cannot download the MHSDS-shaped export">
      <p>You do not have permission to download the MHSDS-shaped export.</p>
      <p>
        It holds record-level data, so only service managers can download it. Ask yours if your work needs it.
      </p>
      <p>
        <Link to={webPaths.staffHome}>Go to your account</Link>
      </p>
    </MessagePage>
  );
}
