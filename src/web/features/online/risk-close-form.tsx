import { type FormEvent, useState } from 'react';
import type { EscalationOut } from '../../../contracts/online-risk.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, useFormErrors } from '../../components/form.js';
import { TextareaField } from '../triage/fields.js';
import { isStale } from '../triage/triage-view.js';
import { riskPaths, riskProblems } from './risk-view.js';

/** The duty senior closes an escalation, saying what happened. */
export function CloseEscalationForm({
  escalation,
  said,
}: {
  escalation: EscalationOut;
  said: (kind: 'saved' | 'stale' | 'info', body: string) => void;
}) {
  const [outcome, setOutcome] = useState('');
  const [isSending, setSending] = useState(false);
  const form = useFormErrors();
  const prefix = `close-${escalation.id}-`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    setSending(true);
    try {
      await sendJson(
        'POST',
        riskPaths.closeEscalation(escalation.id),
        { outcome },
        {
          'if-match': `"${escalation.version}"`,
        },
      );
      said('saved', `Escalation ${escalation.reference} closed.`);
    } catch (error) {
      if (isStale(error)) said('stale', 'That escalation changed while you were reading it. Read it again.');
      else form.show(riskProblems(error, 'outcome', prefix));
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary ref={form.summaryRef} errors={form.errors} />
      <TextareaField
        id={`${prefix}outcome`}
        label={`What happened? (to close ${escalation.reference})`}
        error={form.errorFor(`${prefix}outcome`)}
        value={outcome}
        onChange={setOutcome}
        rows={2}
      />
      <button
        className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
        type="submit"
        disabled={isSending}
      >
        Close escalation
      </button>
    </form>
  );
}
