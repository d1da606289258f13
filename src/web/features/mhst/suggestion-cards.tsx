import { type FormEvent, useEffect, useState } from 'react';
import type { Suggestion } from '../../../contracts/mhst.js';
import type { ReferralChanged } from '../../../contracts/triage.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, useFormErrors } from '../../components/form.js';
import { TextareaField } from '../triage/fields.js';
import { checkAllocation, isStale, problemLines } from './mhst-forms.js';
import { caseloadOf, reasonWords, scoreWords, suggestedReason } from './mhst-view.js';

export interface AllocationTarget {
  teamId: string;
  referralId: string;
  version: number;
}

function allocationUrl({ teamId, referralId }: AllocationTarget) {
  return `/api/mhst/teams/${encodeURIComponent(teamId)}/referrals/${encodeURIComponent(referralId)}/allocations`;
}

/** Sends one allocation with If-Match: the version the person was looking at. */
export function postAllocation(target: AllocationTarget, body: unknown) {
  return sendJson<ReferralChanged>('POST', allocationUrl(target), body, {
    'if-match': `"${target.version}"`,
  });
}

/**
 * Every practitioner in the team, best match first, each with the reasons behind their place and
 * a button to allocate to them. The reason is filled in from the suggestion and can be changed.
 */
export function SuggestionCards({
  target,
  suggestions,
  currentName,
  onAllocated,
  onStale,
}: {
  target: AllocationTarget;
  suggestions: Suggestion[];
  currentName: string | null;
  onAllocated: (name: string) => void;
  onStale: () => void;
}) {
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <section aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">Suggested practitioners</h2>
      <p>
        Everyone in the team is listed, the best match first. The order is a suggestion, not a decision: each
        reason shows how it moved the practitioner up or down.
      </p>
      {suggestions.length === 0 && <p>There are no practitioners in this team yet.</p>}
      <ol className="nhsuk-list">
        {suggestions.map((suggestion, index) => {
          const isCurrent = currentName !== null && suggestion.displayName === currentName;
          const headingId = `suggestion-${suggestion.userId}`;
          return (
            <li key={suggestion.userId}>
              <section className="nhsuk-card" aria-labelledby={headingId}>
                <div className="nhsuk-card__content">
                  <h3 className="nhsuk-card__heading nhsuk-heading-s" id={headingId}>
                    <span className="nhsuk-u-visually-hidden">Suggestion {index + 1}: </span>
                    {suggestion.displayName}
                  </h3>
                  {index === 0 && <strong className="nhsuk-tag nhsuk-tag--blue">Top suggestion</strong>}
                  <p className="nhsuk-u-margin-top-2">
                    Caseload: {caseloadOf(suggestion.caseload, suggestion.capacity)}
                    {suggestion.capacity > 0 && (
                      <meter
                        className="lantern-mhst-meter"
                        min={0}
                        max={suggestion.capacity}
                        low={Math.floor(suggestion.capacity * 0.75)}
                        high={suggestion.capacity}
                        optimum={0}
                        value={Math.min(suggestion.caseload, suggestion.capacity)}
                        aria-hidden="true"
                      />
                    )}
                  </p>
                  <ul className="lantern-mhst-reasons">
                    {suggestion.reasons.map((reason) => (
                      <li key={reason.kind}>{reasonWords(reason)}</li>
                    ))}
                  </ul>
                  <p className="nhsuk-body-s">{scoreWords(suggestion.score)}</p>
                  {isCurrent ? (
                    <p>
                      <strong>Currently allocated to {suggestion.displayName}.</strong>
                    </p>
                  ) : chosen === suggestion.userId ? (
                    <AllocateForm
                      target={target}
                      suggestion={suggestion}
                      isTop={index === 0}
                      onCancel={() => {
                        setChosen(null);
                        // Back to the button that opened the form, so a keyboard user does not start again at the top.
                        requestAnimationFrame(() =>
                          document.getElementById(`allocate-${suggestion.userId}`)?.focus(),
                        );
                      }}
                      onAllocated={(name) => {
                        setChosen(null);
                        onAllocated(name);
                      }}
                      onStale={() => {
                        setChosen(null);
                        onStale();
                      }}
                    />
                  ) : (
                    <button
                      className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                      type="button"
                      id={`allocate-${suggestion.userId}`}
                      onClick={() => setChosen(suggestion.userId)}
                    >
                      Allocate to {suggestion.displayName}
                    </button>
                  )}
                </div>
              </section>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function AllocateForm({
  target,
  suggestion,
  isTop,
  onCancel,
  onAllocated,
  onStale,
}: {
  target: AllocationTarget;
  suggestion: Suggestion;
  isTop: boolean;
  onCancel: () => void;
  onAllocated: (name: string) => void;
  onStale: () => void;
}) {
  const reasonId = `reason-${suggestion.userId}`;
  const [reason, setReason] = useState(() => suggestedReason(suggestion, isTop));
  const [isSending, setSending] = useState(false);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  // The reason field appears where the button was: move focus to it so the next key goes there.
  useEffect(() => {
    document.getElementById(reasonId)?.focus();
  }, [reasonId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = checkAllocation(suggestion.userId, reason, reasonId);
    if ('errors' in checked) {
      show(checked.errors);
      return;
    }
    setSending(true);
    try {
      await postAllocation(target, checked.body);
      clear();
      onAllocated(suggestion.displayName);
    } catch (error) {
      if (isStale(error)) onStale();
      else show(problemLines(error, 'reason', () => reasonId));
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <TextareaField
        id={reasonId}
        label={`Reason for allocating to ${suggestion.displayName}`}
        hint="Filled in from the suggestion. Change it if you chose for another reason."
        error={errorFor(reasonId)}
        value={reason}
        onChange={setReason}
        rows={3}
      />
      <div className="nhsuk-button-group">
        <button className="nhsuk-button nhsuk-u-margin-bottom-0" type="submit">
          {isSending ? 'Allocating…' : `Confirm allocation to ${suggestion.displayName}`}
        </button>
        <button
          className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
          type="button"
          onClick={onCancel}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
