import { useParams } from 'react-router';
import type { NoteOut } from '../../../contracts/notes.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { useChangeNotice } from '../../components/notice.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { formatDateTime, hasPermission } from '../triage/triage-view.js';
import { CorrectNoteForm, WriteNoteForm } from './notes-forms.js';
import { useNotes, useRefresh } from './notes-queries.js';
import './notes-page.css';

const signOffTag = {
  'signed-off': 'nhsuk-tag--green',
  'correction-not-signed-off': 'nhsuk-tag--orange',
  'not-signed-off': 'nhsuk-tag--grey',
} as const;

/** A young person's contact notes: write one, read each with its history, correct one with a reason. */
export function NotesPage() {
  const { referralId = '' } = useParams();
  const { allowed, gate, permissions } = useStaffAccess('caseload:read', 'see contact notes');
  const found = useNotes(referralId, allowed);
  const refresh = useRefresh('mhst');
  const notice = useChangeNotice(
    refresh,
    'Someone corrected this note while you were looking at it. Here is the latest: check it and try again.',
  );
  const { saved, stale } = notice;
  if (gate) return gate;
  if (found.isPending) return <p aria-live="polite">Loading…</p>;
  if (found.isError) return <LoadError error={found.error} />;
  const data = found.data;
  const canWrite = hasPermission(permissions, 'contact:record');

  return (
    <>
      <PageTitle title={`Contact notes for ${data.reference}`} />
      <BackLink to={webPaths.caseloadReferral.replace(':referralId', referralId)}>
        Back to the record
      </BackLink>
      {notice.element}
      <h1>
        <span className="nhsuk-caption-l">
          {data.reference} <span className="nhsuk-u-visually-hidden">, </span>
          {data.childName}
        </span>
        Contact notes
      </h1>
      {canWrite && <WriteNoteForm referralId={referralId} contacts={data.contacts} onSaved={saved} />}
      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes, newest first</h2>
        {data.items.length === 0 ? (
          <p>No notes have been written yet.</p>
        ) : (
          data.items.map((note) => (
            <NoteCard
              key={note.noteId}
              note={note}
              referralId={referralId}
              canCorrect={canWrite}
              onSaved={saved}
              onStale={stale}
            />
          ))
        )}
      </section>
    </>
  );
}

function NoteCard({
  note,
  referralId,
  canCorrect,
  onSaved,
  onStale,
}: {
  note: NoteOut;
  referralId: string;
  canCorrect: boolean;
  onSaved: (text: string) => void;
  onStale: () => void;
}) {
  const first = note.earlier.at(-1) ?? note.current;
  const headingId = `note-${note.noteId}`;
  return (
    <article className="nhsuk-card" aria-labelledby={headingId}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s" id={headingId}>
          Note written {formatDateTime(first.writtenAt)} by {first.writerName}
        </h3>
        <p>
          <strong className={`nhsuk-tag ${signOffTag[note.signOff.kind]}`}>{note.signOff.text}</strong>
          {note.inConfidence && (
            <strong className="nhsuk-tag nhsuk-tag--purple lantern-tag-gap">Told in confidence</strong>
          )}
        </p>
        {note.contactStartsAt && (
          <p className="nhsuk-body-s">For the appointment on {formatDateTime(note.contactStartsAt)}</p>
        )}
        <p className="lantern-note-body">{note.current.body}</p>
        {note.earlier.length > 0 && (
          <p className="nhsuk-body-s">
            Corrected {formatDateTime(note.current.writtenAt)} by {note.current.writerName}:{' '}
            {note.current.correctionReason}
          </p>
        )}
        {note.earlier.length > 0 && (
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">Earlier versions ({note.earlier.length})</span>
            </summary>
            <div className="nhsuk-details__text">
              <ol className="nhsuk-list">
                {note.earlier.map((v) => (
                  <li key={v.version}>
                    <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                      Version {v.version}, written {formatDateTime(v.writtenAt)} by {v.writerName}
                      {v.correctionReason ? `. Reason for correction: ${v.correctionReason}` : ''}
                      {v.signedOffBy ? `. Signed off by ${v.signedOffBy}` : ''}
                    </p>
                    <p className="lantern-note-body">{v.body}</p>
                  </li>
                ))}
              </ol>
            </div>
          </details>
        )}
        {canCorrect && (
          <details className="nhsuk-details nhsuk-u-margin-bottom-0">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">Correct this note</span>
            </summary>
            <div className="nhsuk-details__text">
              <CorrectNoteForm
                key={note.current.version}
                referralId={referralId}
                note={note}
                onSaved={onSaved}
                onStale={onStale}
              />
            </div>
          </details>
        )}
      </div>
    </article>
  );
}
