import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type RiskAssessmentOut, riskLevels } from '../../../contracts/online-risk.js';
import { ErrorSummary, RadiosField, useFormErrors } from '../../components/form.js';
import { useNotice } from '../../components/notice.js';
import { useIdempotentSend } from '../casework/episode-queries.js';
import { TextareaField } from '../triage/fields.js';
import { LoadError } from '../triage/staff-access.js';
import { EscalateForm, EscalationSummary } from './risk-escalate-form.js';
import {
  formatLondonTime,
  levelWords,
  riskPaths,
  riskProblems,
  useEscalations,
  useRiskAssessments,
} from './risk-view.js';

/**
 * The counsellor's risk panel inside a chat: the risk assessment and escalation forms. Owned by the
 * risk helper; the counsellor chat page draws it beside the conversation.
 */
export function RiskPanel({ chatId }: { chatId: string }) {
  const assessments = useRiskAssessments(chatId);
  const escalations = useEscalations(chatId);
  const client = useQueryClient();
  const notice = useNotice();
  const refresh = () => client.invalidateQueries({ queryKey: ['online', 'risk', chatId] });
  const saved = (text: string) => {
    void refresh();
    notice.announce({ kind: 'saved', body: text });
  };
  return (
    <section aria-labelledby="risk-panel-heading" className="nhsuk-u-margin-bottom-5">
      <h2 id="risk-panel-heading">Risk</h2>
      {notice.element}
      {assessments.isPending ? (
        <p aria-live="polite">Loading…</p>
      ) : assessments.isError ? (
        <LoadError error={assessments.error} />
      ) : (
        <AssessmentForm chatId={chatId} current={assessments.data.current} onSaved={saved} />
      )}
      {escalations.data && escalations.data.items.length > 0 && (
        <>
          <h3>Escalations</h3>
          {escalations.data.items.map((e) => (
            <EscalationSummary key={e.id} escalation={e} />
          ))}
        </>
      )}
      <EscalateForm chatId={chatId} onSaved={saved} />
    </section>
  );
}

function AssessmentForm({
  chatId,
  current,
  onSaved,
}: {
  chatId: string;
  current: RiskAssessmentOut | null;
  onSaved: (text: string) => void;
}) {
  const [level, setLevel] = useState('');
  const [notes, setNotes] = useState('');
  const [isSending, setSending] = useState(false);
  const form = useFormErrors();
  const send = useIdempotentSend();
  const prefix = 'assessment-';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    if (!level) {
      form.show([{ field: `${prefix}level`, message: 'Choose the level of risk' }]);
      return;
    }
    setSending(true);
    try {
      await send(riskPaths.assessments(chatId), { level, notes });
      form.clear();
      setLevel('');
      setNotes('');
      onSaved(current ? 'Risk assessment corrected.' : 'Risk assessment saved.');
    } catch (error) {
      form.show(riskProblems(error, 'level', prefix));
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="assessment-heading">
      <h3 id="assessment-heading">Risk assessment</h3>
      <ErrorSummary ref={form.summaryRef} errors={form.errors} />
      {current ? (
        <p>
          Now: <strong>{levelWords[current.level]}</strong>, recorded by {current.recordedByName} at{' '}
          {formatLondonTime(current.recordedAt)}.{current.notes && ` ${current.notes}`}
        </p>
      ) : (
        <p>No risk assessment yet. You need one before you end the chat.</p>
      )}
      <RadiosField
        id={`${prefix}level`}
        legend={current ? 'Correct the level of risk' : 'Level of risk'}
        error={form.errorFor(`${prefix}level`)}
        options={riskLevels.map((value) => ({ value, label: levelWords[value] ?? value }))}
        value={level}
        onChange={setLevel}
      />
      <TextareaField
        id={`${prefix}notes`}
        label="Notes (optional)"
        hint="What you saw and why you chose this level."
        error={form.errorFor(`${prefix}notes`)}
        value={notes}
        onChange={setNotes}
        rows={3}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={isSending}>
        {current ? 'Save correction' : 'Save risk assessment'}
      </button>
    </form>
  );
}
