import { type FormEvent, useState } from 'react';
import type { ConcernChanged, ConcernOut } from '../../../contracts/safeguarding.js';
import {
  type ConcernStatus,
  concernCategories,
  concernStatuses,
  concernTransitions,
} from '../../../domain/safeguarding/concerns.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, RadiosField, useFormErrors } from '../../components/form.js';
import { TextareaField } from '../triage/fields.js';
import { formatDateTime, isStale, problemLines } from '../triage/triage-view.js';
import { concernUrl } from './notes-queries.js';

const tagColour: Record<ConcernStatus, string> = {
  raised: 'nhsuk-tag--red',
  acknowledged: 'nhsuk-tag--orange',
  'referred-to-social-care': 'nhsuk-tag--blue',
  closed: 'nhsuk-tag--grey',
};

/** A concern's status as a tag, in words. */
export function ConcernStatusTag({ status }: { status: ConcernStatus }) {
  return <strong className={`nhsuk-tag ${tagColour[status]}`}>{concernStatuses[status]}</strong>;
}

export const categoryWords = (category: string) =>
  concernCategories[category as keyof typeof concernCategories] ?? category;

/** What has been done about a concern, oldest first. */
export function ConcernActions({ concern, headingLevel = 3 }: { concern: ConcernOut; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={`actions-${concern.id}`}>
      <Heading className="nhsuk-heading-s" id={`actions-${concern.id}`}>
        What has been done
      </Heading>
      {concern.actions.length === 0 ? (
        <p>The safeguarding lead has not recorded anything yet.</p>
      ) : (
        <ol className="nhsuk-list nhsuk-list--number">
          {concern.actions.map((a) => (
            <li key={a.id}>
              <span className="nhsuk-body-s">
                {formatDateTime(a.recordedAt)}, {a.recordedByName}. Status after:{' '}
                {concernStatuses[a.statusAfter]}.
              </span>
              <br />
              <span className="lantern-note-body">{a.action}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The lead records an action and the status after it (If-Match: the concern's version). */
export function ConcernActionForm({
  concern,
  onSaved,
  onStale,
}: {
  concern: ConcernOut;
  onSaved: (text: string) => void;
  onStale: () => void;
}) {
  const next = concernTransitions[concern.status];
  const [action, setAction] = useState('');
  const [statusAfter, setStatusAfter] = useState<string>(next[0] ?? '');
  const [outcome, setOutcome] = useState('');
  const [isSending, setSending] = useState(false);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  if (next.length === 0) return <p>This concern is closed. Raise a new concern if something else happens.</p>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const problems = [
      ...(action.trim().length >= 3 ? [] : [{ field: 'act-action', message: 'Say what was done' }]),
      ...(statusAfter === 'closed' && outcome.trim().length < 3
        ? [{ field: 'act-outcome', message: 'Say what the outcome was before closing' }]
        : []),
    ];
    if (problems.length > 0) {
      show(problems);
      return;
    }
    setSending(true);
    try {
      const done = await sendJson<ConcernChanged>(
        'POST',
        `${concernUrl(concern.id)}/actions`,
        { action, statusAfter, outcome: statusAfter === 'closed' ? outcome : null },
        { 'if-match': `"${concern.version}"` },
      );
      clear();
      setAction('');
      setOutcome('');
      onSaved(`Action recorded. The concern is now: ${concernStatuses[done.status].toLowerCase()}.`);
    } catch (error) {
      if (isStale(error)) onStale();
      else show(problemLines(error, 'action', 'act-'));
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="act-heading">
      <h2 id="act-heading">Record an action</h2>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <TextareaField
        id="act-action"
        label="What was done?"
        hint="For example, who you spoke to and what was agreed."
        error={errorFor('act-action')}
        value={action}
        onChange={setAction}
      />
      <RadiosField
        id="act-statusAfter"
        legend="Status after this action"
        error={errorFor('act-statusAfter')}
        options={next.map((s) => ({
          value: s,
          label: s === concern.status ? `${concernStatuses[s]} (no change)` : concernStatuses[s],
        }))}
        value={statusAfter}
        onChange={setStatusAfter}
      />
      {statusAfter === 'closed' && (
        <TextareaField
          id="act-outcome"
          label="Outcome"
          hint="Closing cannot be undone. Say what the outcome was."
          error={errorFor('act-outcome')}
          value={outcome}
          onChange={setOutcome}
          rows={3}
        />
      )}
      <button className="nhsuk-button" type="submit">
        {isSending ? 'Saving…' : 'Save action'}
      </button>
    </form>
  );
}
