import { useState } from 'react';
import { type SupervisionLog, supervisionKinds } from '../../../contracts/notes.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { SelectField } from '../../components/form.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { useChangeNotice } from '../../components/notice.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { formatDate, hasPermission } from '../triage/triage-view.js';
import { useNotesToSign, useRefresh, useSupervisionLog } from './notes-queries.js';
import { NoteToSignCard, RecordSupervisionForm } from './supervision-forms.js';
import './notes-page.css';

/**
 * Supervision: for a supervisor, the notes waiting for sign-off, a form to record a session and
 * the log of those they supervise; for a practitioner, their own supervision log.
 */
export function SupervisionPage() {
  const { allowed, gate, permissions } = useStaffAccess('caseload:read', 'see supervision');
  const canSign = allowed && hasPermission(permissions, 'note:sign-off');
  const canRecord = allowed && hasPermission(permissions, 'supervision:record');
  const [practitioner, setPractitioner] = useState('');
  const toSign = useNotesToSign(canSign);
  const log = useSupervisionLog(!canRecord, practitioner, allowed);
  const refresh = useRefresh('mhst');
  const notice = useChangeNotice(
    refresh,
    'That note was corrected while you were reading it. Read the latest version before signing it off.',
  );
  const { saved, stale } = notice;
  if (gate) return gate;

  return (
    <>
      <PageTitle title={canRecord ? 'Supervision' : 'Your supervision'} />
      <BackLink to={webPaths.staffHome}>Staff home</BackLink>
      {notice.element}
      <h1>{canRecord ? 'Supervision' : 'Your supervision'}</h1>
      {canSign && (
        <section aria-labelledby="to-sign-heading">
          <h2 id="to-sign-heading">Notes to sign off</h2>
          {toSign.isPending ? (
            <p aria-live="polite">Loading…</p>
          ) : toSign.isError ? (
            <LoadError error={toSign.error} />
          ) : toSign.data.items.length === 0 ? (
            <p>There are no notes waiting for your sign-off.</p>
          ) : (
            <>
              <p>
                {toSign.data.items.length} {toSign.data.items.length === 1 ? 'note is' : 'notes are'} waiting,
                oldest first. Your own notes are signed off by another supervisor.
              </p>
              {toSign.data.items.map((note) => (
                <NoteToSignCard
                  key={`${note.noteId}-${note.version}`}
                  note={note}
                  onSaved={saved}
                  onStale={stale}
                />
              ))}
            </>
          )}
        </section>
      )}
      {canRecord && log.data && (
        <RecordSupervisionForm practitioners={log.data.practitioners} onSaved={saved} />
      )}
      <section aria-labelledby="log-heading">
        <h2 id="log-heading">{canRecord ? 'Supervision log' : 'Your supervision log'}</h2>
        {canRecord && log.data && (
          <SelectField
            id="log-practitioner"
            label="Show the log for"
            value={practitioner}
            onChange={(e) => setPractitioner(e.target.value)}
          >
            <option value="">Everyone you supervise</option>
            {log.data.practitioners.map((p) => (
              <option key={p.userId} value={p.userId}>
                {p.name}
              </option>
            ))}
          </SelectField>
        )}
        {log.isPending ? (
          <p aria-live="polite">Loading…</p>
        ) : log.isError ? (
          <LoadError error={log.error} />
        ) : (
          <LogTable log={log.data} showPractitioner={canRecord} />
        )}
      </section>
    </>
  );
}

function LogTable({ log, showPractitioner }: { log: SupervisionLog; showPractitioner: boolean }) {
  if (log.items.length === 0) return <p>No supervision sessions have been recorded yet.</p>;
  const headings = [
    'Date',
    ...(showPractitioner ? ['Practitioner'] : ['Supervisor']),
    'Kind',
    'Cases discussed',
    'Summary and actions',
  ];
  return (
    <ResponsiveTable caption="Supervision sessions, newest first" headings={headings}>
      {log.items.map((s) => (
        <tr className="nhsuk-table__row" key={s.id}>
          <Cell heading="Date">{formatDate(s.heldAt)}</Cell>
          {showPractitioner ? (
            <Cell heading="Practitioner">{s.practitionerName}</Cell>
          ) : (
            <Cell heading="Supervisor">{s.supervisorName}</Cell>
          )}
          <Cell heading="Kind">{supervisionKinds[s.kind]}</Cell>
          <Cell heading="Cases discussed">{s.casesDiscussed}</Cell>
          <Cell heading="Summary and actions">
            <span className="lantern-note-body">{s.summary}</span>
            {s.actions && <span className="lantern-note-body">{`\nActions: ${s.actions}`}</span>}
          </Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
