import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate } from 'react-router';
import type { AccessLogPage as Page } from '../../../contracts/admin.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { getJson } from '../../api.js';
import { SelectField, TextField } from '../../components/form.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { NoPermission } from '../triage/staff-access.js';
import { useSession } from './use-session.js';

type Filters = {
  userId: string;
  subjectId: string;
  from: string;
  to: string;
  sort: 'occurredAt' | '-occurredAt';
};

export function AccessLogPage() {
  const session = useSession();
  const [draft, setDraft] = useState<Filters>({
    userId: '',
    subjectId: '',
    from: '',
    to: '',
    sort: '-occurredAt',
  });
  const [filters, setFilters] = useState<Filters>(draft);
  const canRead = session.data?.permissions.includes('access-log:read') === true;
  // Dates are whole days in the browser's own time zone: from the start of the first to the end of the last.
  const query = {
    ...filters,
    from: filters.from ? new Date(`${filters.from}T00:00:00`).toISOString() : '',
    to: filters.to ? new Date(`${filters.to}T23:59:59.999`).toISOString() : '',
  };
  const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== ''));
  const log = useQuery({
    queryKey: ['admin', 'access-log', filters],
    queryFn: ({ signal }) => getJson<Page>(`/api/admin/access-log?${params}`, signal),
    enabled: canRead,
  });
  if (session.isPending) return <p aria-live="polite">Loading…</p>;
  if (session.data?.state !== 'signed-in') return <Navigate to={webPaths.signIn} replace />;
  if (!canRead) return <NoPermission what="read the access log" />;

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters(draft);
  }

  return (
    <>
      <PageTitle title="Access log" />
      <BackLink to={webPaths.staffHome}>Your account</BackLink>
      <h1>Access log</h1>
      <p>
        Every time someone opens, searches or exports a child's information, or is refused, it is recorded
        here.
      </p>
      <form onSubmit={apply} noValidate>
        <TextField
          id="userId"
          label="Member of staff (user id)"
          width={20}
          value={draft.userId}
          onChange={(e) => setDraft({ ...draft, userId: e.target.value })}
        />
        <TextField
          id="subjectId"
          label="Child or record (id)"
          width={20}
          value={draft.subjectId}
          onChange={(e) => setDraft({ ...draft, subjectId: e.target.value })}
        />
        <TextField
          id="from"
          label="From (date)"
          type="date"
          width={10}
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
        <TextField
          id="to"
          label="To (date)"
          type="date"
          width={10}
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        />
        <SelectField
          id="sort"
          label="Order"
          value={draft.sort}
          onChange={(e) => setDraft({ ...draft, sort: e.target.value as Filters['sort'] })}
        >
          <option value="-occurredAt">Newest first</option>
          <option value="occurredAt">Oldest first</option>
        </SelectField>
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Show entries
        </button>
      </form>
      {log.isError && <p role="alert">{log.error.message}</p>}
      {log.data && (
        <ResponsiveTable
          caption={`Entries, page ${log.data.page}`}
          headings={['When', 'Who', 'What', 'Outcome']}
        >
          {log.data.rows.map((row) => (
            <tr className="nhsuk-table__row" key={row.id}>
              <Cell heading="When">
                {new Date(row.occurredAt).toLocaleString('en-GB', { timeZone: 'Europe/London' })}
              </Cell>
              <Cell heading="Who">
                <span className="lantern-break">{row.userId ?? 'Not signed in'}</span>
                <br />
                <span className="nhsuk-body-s">{row.roles.join(', ')}</span>
              </Cell>
              <Cell heading="What">
                {row.action} ({row.subjectKind}
                {row.subjectId ? ` ${row.subjectId}` : ''})
              </Cell>
              <Cell heading="Outcome">
                {row.outcome} ({row.basis})
              </Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </>
  );
}
