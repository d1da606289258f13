import { type FormEvent, useRef, useState } from 'react';
import { MergeChildrenInput, type TriageReferral, UndoMergeInput } from '../../../contracts/triage.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, RadiosField, useFormErrors } from '../../components/form.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { TextareaField } from './fields.js';
import { formatCalendarDate, issueLines, keyFor, newIdempotencyKey, problemLines } from './triage-view.js';

interface Merged {
  linkId: string;
  childName: string;
  isUndone: boolean;
}

/**
 * Records that look like the same young person, and merging one into this record. A merge needs
 * a reason and can be undone with another reason; both are audited by the server.
 */
export function PossibleDuplicates({
  referral,
  onChanged,
}: {
  referral: TriageReferral;
  onChanged: () => void;
}) {
  const [chosen, setChosen] = useState('');
  const [reason, setReason] = useState('');
  const [undoReason, setUndoReason] = useState('');
  const [merged, setMerged] = useState<Merged | null>(null);
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  const duplicates = referral.possibleDuplicates;
  if (duplicates.length === 0 && !merged) return null;
  const thisChild = `${referral.child.givenName} ${referral.child.familyName}`;

  async function merge(event: FormEvent) {
    event.preventDefault();
    const body = { mergedChildId: chosen, reason };
    const parsed = MergeChildrenInput.safeParse(body);
    if (!parsed.success) {
      show(
        issueLines(parsed.error.issues, 'merge-').map((line) =>
          line.field === 'merge-mergedChildId' && chosen === ''
            ? { ...line, message: 'Choose the record that is the same young person' }
            : line,
        ),
      );
      return;
    }
    attempt.current = keyFor(attempt.current, body, newIdempotencyKey);
    try {
      const result = await sendJson<{ linkId: string }>(
        'POST',
        `/api/children/${encodeURIComponent(referral.child.id)}/merges`,
        body,
        { 'idempotency-key': attempt.current.key },
      );
      clear();
      const name = duplicates.find((d) => d.childId === chosen)?.childName ?? 'The other record';
      setMerged({ linkId: result.linkId, childName: name, isUndone: false });
      setChosen('');
      setReason('');
      attempt.current = null;
      onChanged();
    } catch (error) {
      show(problemLines(error, 'mergedChildId', 'merge-'));
    }
  }

  async function undo(event: FormEvent) {
    event.preventDefault();
    if (!merged) return;
    const parsed = UndoMergeInput.safeParse({ reason: undoReason });
    if (!parsed.success) {
      show(issueLines(parsed.error.issues, 'undo-'));
      return;
    }
    try {
      await sendJson('POST', `/api/child-links/${encodeURIComponent(merged.linkId)}/undo`, {
        reason: undoReason,
      });
      clear();
      setMerged({ ...merged, isUndone: true });
      setUndoReason('');
      onChanged();
    } catch (error) {
      show(problemLines(error, 'reason', 'undo-'));
    }
  }

  return (
    <section aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">Possible duplicate records</h2>
      <ErrorSummary errors={errors} ref={summaryRef} />
      {merged && (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {merged.isUndone
              ? `The merge was undone: ${merged.childName} is a separate record again.`
              : `${merged.childName} was merged into ${thisChild}'s record. Their referrals now show here.`}
          </p>
        </div>
      )}
      {merged && !merged.isUndone && (
        <form onSubmit={undo} noValidate>
          <TextareaField
            id="undo-reason"
            label="If this merge was wrong, say why and undo it"
            error={errorFor('undo-reason')}
            value={undoReason}
            onChange={setUndoReason}
            rows={2}
          />
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            Undo this merge
          </button>
        </form>
      )}
      {duplicates.length > 0 && (
        <>
          <p>These records look like the same young person as {thisChild}. Check before merging.</p>
          <ResponsiveTable
            caption="Records that may be the same young person"
            headings={['Name', 'Date of birth', 'School', 'Why it matched', 'Referrals']}
          >
            {duplicates.map((d) => (
              <tr className="nhsuk-table__row" key={d.childId}>
                <Cell heading="Name">{d.childName}</Cell>
                <Cell heading="Date of birth">{formatCalendarDate(d.dateOfBirth)}</Cell>
                <Cell heading="School">{d.schoolName ?? 'Not given'}</Cell>
                <Cell heading="Why it matched">{d.reasons.join(', ')}</Cell>
                <Cell heading="Referrals">{d.referralCount}</Cell>
              </tr>
            ))}
          </ResponsiveTable>
          <form onSubmit={merge} noValidate>
            <RadiosField
              id="merge-mergedChildId"
              legend="Which record is the same young person?"
              error={errorFor('merge-mergedChildId')}
              options={duplicates.map((d) => ({
                value: d.childId,
                label: `${d.childName}, born ${formatCalendarDate(d.dateOfBirth)}`,
              }))}
              value={chosen}
              onChange={setChosen}
            />
            <TextareaField
              id="merge-reason"
              label="Why are these the same young person?"
              hint="For example, the same NHS number, or you checked with the school. At least 10 characters."
              error={errorFor('merge-reason')}
              value={reason}
              onChange={setReason}
              rows={3}
            />
            <button className="nhsuk-button nhsuk-button--secondary" type="submit">
              Merge into this record
            </button>
          </form>
        </>
      )}
    </section>
  );
}
