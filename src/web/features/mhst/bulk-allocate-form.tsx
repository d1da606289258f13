import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { BulkAllocated, WaitingEntry } from '../../../contracts/mhst.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, useFormErrors } from '../../components/form.js';
import { useNotice } from '../../components/notice.js';
import { TextareaField } from '../triage/fields.js';
import { keyFor, newIdempotencyKey } from '../triage/triage-view.js';
import { checkBulk, problemLines } from './mhst-forms.js';
import { useRefreshMhst } from './mhst-queries.js';
import { allocatePath, bulkOutcomeWords, bulkSummary } from './mhst-view.js';
import { WaitingTable } from './waiting-table.js';

interface Result {
  entry: Pick<WaitingEntry, 'referralId' | 'reference' | 'childName'>;
  outcome: BulkAllocated['results'][number]['outcome'];
  practitionerName: string | null;
}

/**
 * The referrals awaiting allocation with a checkbox each, and a form to allocate those selected to
 * their top suggestion with space. Sent with an idempotency key, so a retry never allocates twice.
 */
export function BulkAllocateForm({
  teamId,
  caption,
  items,
}: {
  teamId: string;
  caption: string;
  items: WaitingEntry[];
}) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [reason, setReason] = useState('');
  const [isSending, setSending] = useState(false);
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  const notice = useNotice();
  const refresh = useRefreshMhst();

  function toggle(referralId: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(referralId)) next.delete(referralId);
      else next.add(referralId);
      return next;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const chosen = items.filter((item) => selected.has(item.referralId));
    const checked = checkBulk(chosen, reason);
    if ('errors' in checked) {
      show(checked.errors);
      return;
    }
    attempt.current = keyFor(attempt.current, checked.body, newIdempotencyKey);
    setSending(true);
    try {
      const answer = await sendJson<BulkAllocated>(
        'POST',
        `/api/mhst/teams/${encodeURIComponent(teamId)}/bulk-allocations`,
        checked.body,
        { 'idempotency-key': attempt.current.key },
      );
      attempt.current = null;
      clear();
      const byId = new Map(chosen.map((item) => [item.referralId, item]));
      const results: Result[] = answer.results.flatMap((result) => {
        const entry = byId.get(result.referralId);
        return entry ? [{ entry, outcome: result.outcome, practitionerName: result.practitionerName }] : [];
      });
      setSelected(new Set());
      setReason('');
      notice.announce({
        kind: results.every((r) => r.outcome === 'allocated') ? 'saved' : 'info',
        title: 'Bulk allocation',
        body: <BulkResults results={results} teamId={teamId} />,
      });
      await refresh();
    } catch (error) {
      show(problemLines(error, 'reason', (name) => (name === 'items' ? 'bulk-select' : 'bulk-reason')));
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      {notice.element}
      <form onSubmit={submit} noValidate aria-labelledby="bulk-heading">
        <ErrorSummary errors={errors} ref={summaryRef} />
        <div
          id="bulk-select"
          tabIndex={-1}
          className={errorFor('bulk-select') ? 'nhsuk-form-group--error' : undefined}
        >
          {errorFor('bulk-select') && (
            <span className="nhsuk-error-message">
              <span className="nhsuk-u-visually-hidden">Error:</span> {errorFor('bulk-select')}
            </span>
          )}
          <WaitingTable
            teamId={teamId}
            tray="awaiting-allocation"
            caption={caption}
            items={items}
            canAllocate
            selection={{ selected, toggle }}
          />
        </div>
        <h2 id="bulk-heading">Allocate selected to their top suggestion</h2>
        <p>
          Each referral you selected goes to the practitioner at the top of its suggestions who has space.
          Open a referral to see its suggestions and choose someone else.
        </p>
        <p role="status">{selected.size === 0 ? 'No referrals selected.' : `${selected.size} selected.`}</p>
        <TextareaField
          id="bulk-reason"
          label="Reason for these allocations"
          hint="Recorded against each referral, for example “Allocation meeting: top suggestions agreed”."
          error={errorFor('bulk-reason')}
          value={reason}
          onChange={setReason}
          rows={3}
        />
        <button className="nhsuk-button" type="submit">
          {isSending ? 'Allocating…' : 'Allocate selected to their top suggestion'}
        </button>
      </form>
    </>
  );
}

function BulkResults({ results, teamId }: { results: Result[]; teamId: string }) {
  return (
    <>
      <p className="nhsuk-notification-banner__heading">{bulkSummary(results)}</p>
      <ul>
        {results.map(({ entry, outcome, practitionerName }) => (
          <li key={entry.referralId}>
            {outcome === 'allocated' ? (
              `${entry.reference} (${entry.childName})`
            ) : (
              <Link className="nhsuk-notification-banner__link" to={allocatePath(teamId, entry.referralId)}>
                {entry.reference} ({entry.childName})
              </Link>
            )}
            : {bulkOutcomeWords(outcome, practitionerName)}
          </li>
        ))}
      </ul>
    </>
  );
}
