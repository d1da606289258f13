import { type FormEvent, useState } from 'react';
import type { AssessmentOut } from '../../../contracts/episodes.js';
import { presentingProblems, riskLevelCodes, riskLevels } from '../../../domain/casework/episode.js';
import { londonDate } from '../../../domain/people/child-details.js';
import { ErrorSummary, RadiosField, TextField, useFormErrors } from '../../components/form.js';
import { problemLines } from '../mhst/mhst-forms.js';
import { CheckboxesField, SummaryList, TextareaField } from '../triage/fields.js';
import { formatDate } from '../triage/triage-view.js';
import { type AssessmentForm as Answers, checkAssessment, episodeUrl } from './episode-forms.js';
import { useIdempotentSend } from './episode-queries.js';

const problemWords = (code: string) =>
  Object.hasOwn(presentingProblems, code)
    ? presentingProblems[code as keyof typeof presentingProblems]
    : code;

/** The risk in force, shown first and plainly: a medium or high risk with its safety plan. */
export function RiskPanel({ assessment }: { assessment: AssessmentOut | undefined }) {
  if (!assessment) {
    return (
      <section aria-labelledby="risk-heading">
        <h2 id="risk-heading">Risk</h2>
        <p>No assessment has been recorded yet, so risk has not been assessed in this episode.</p>
      </section>
    );
  }
  const isRaised = assessment.riskLevel !== 'low';
  return (
    <section
      aria-labelledby="risk-heading"
      className={isRaised ? 'nhsuk-warning-callout' : 'nhsuk-inset-text'}
    >
      <h2 id="risk-heading" className={isRaised ? 'nhsuk-warning-callout__label' : undefined}>
        <span>
          {isRaised && <span className="nhsuk-u-visually-hidden">Important: </span>}
          Risk: {riskLevels[assessment.riskLevel].toLowerCase()}
        </span>
      </h2>
      <p>Assessed on {formatDate(assessment.assessedAt)}.</p>
      {assessment.riskDetail && <p className="lantern-pre-line">{assessment.riskDetail}</p>}
      {assessment.safetyPlan ? (
        <>
          <h3>Safety plan</h3>
          <p className="lantern-pre-line">{assessment.safetyPlan}</p>
        </>
      ) : (
        <p>No safety plan was needed.</p>
      )}
    </section>
  );
}

/** Every assessment in this episode, newest first: the first is the one in force. */
export function AssessmentHistory({ assessments }: { assessments: AssessmentOut[] }) {
  return (
    <section aria-labelledby="assessments-heading">
      <h2 id="assessments-heading">Assessments</h2>
      {assessments.length === 0 && <p>No assessments yet.</p>}
      {assessments.map((a, index) => (
        <div key={a.id} className="nhsuk-card">
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-card__heading">
              {formatDate(a.assessedAt)}
              {index === 0 ? ' (latest)' : ''}
            </h3>
            <SummaryList
              rows={[
                ['Presenting problems', a.presentingProblems.map(problemWords).join('\n')],
                ['Summary', a.summary],
                ['Risk', riskLevels[a.riskLevel]],
                ['Told in confidence', a.inConfidence ? 'Yes: do not share with parents' : 'No'],
                ['Recorded by', a.recordedByName],
              ]}
            />
          </div>
        </div>
      ))}
    </section>
  );
}

const empty = (today: string): Answers => ({
  presentingProblems: [],
  summary: '',
  riskLevel: '',
  riskDetail: '',
  safetyPlan: '',
  inConfidence: false,
  date: today,
});

/** Records an assessment: presenting problems, a summary, risk, and a safety plan when risk is raised. */
export function AssessmentForm({
  referralId,
  onSaved,
}: {
  referralId: string;
  onSaved: (text: string) => void;
}) {
  const [form, setForm] = useState<Answers>(() => empty(londonDate(new Date())));
  const [isSending, setSending] = useState(false);
  const send = useIdempotentSend();
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  const set = (change: Partial<Answers>) => setForm({ ...form, ...change });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = checkAssessment(form, new Date());
    if ('errors' in checked) {
      show(checked.errors);
      return;
    }
    setSending(true);
    try {
      await send(`${episodeUrl(referralId)}/assessments`, checked.body);
      clear();
      setForm(empty(londonDate(new Date())));
      onSaved(`Assessment recorded: ${riskLevels[checked.body.riskLevel].toLowerCase()}.`);
    } catch (error) {
      show(problemLines(error, 'summary', (name) => `assessment-${name}`));
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="assess-heading">
      <h2 id="assess-heading">Record an assessment</h2>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <TextField
        id="assessment-assessedAt"
        label="Date of the assessment"
        type="date"
        width={10}
        error={errorFor('assessment-assessedAt')}
        value={form.date}
        onChange={(e) => set({ date: e.target.value })}
      />
      <CheckboxesField
        id="assessment-presentingProblems"
        legend="Presenting problems"
        hint="Choose all that apply."
        error={errorFor('assessment-presentingProblems')}
        options={Object.entries(presentingProblems).map(([value, label]) => ({ value, label }))}
        values={form.presentingProblems}
        onChange={(presentingProblems) => set({ presentingProblems })}
      />
      <TextareaField
        id="assessment-summary"
        label="Summary"
        error={errorFor('assessment-summary')}
        value={form.summary}
        onChange={(summary) => set({ summary })}
      />
      <RadiosField
        id="assessment-riskLevel"
        legend="Level of risk"
        error={errorFor('assessment-riskLevel')}
        options={riskLevelCodes.map((value) => ({ value, label: riskLevels[value] }))}
        value={form.riskLevel}
        onChange={(riskLevel) => set({ riskLevel })}
      />
      <TextareaField
        id="assessment-riskDetail"
        label="What is the risk?"
        hint="Needed when risk is medium or high."
        error={errorFor('assessment-riskDetail')}
        value={form.riskDetail}
        onChange={(riskDetail) => set({ riskDetail })}
      />
      <TextareaField
        id="assessment-safetyPlan"
        label="Safety plan agreed"
        hint="Needed when risk is medium or high: who they will talk to, what they will do, and numbers to call."
        error={errorFor('assessment-safetyPlan')}
        value={form.safetyPlan}
        onChange={(safetyPlan) => set({ safetyPlan })}
      />
      <div className="nhsuk-form-group">
        <div className="nhsuk-checkboxes">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id="assessment-inConfidence"
              type="checkbox"
              checked={form.inConfidence}
              aria-describedby="assessment-inConfidence-hint"
              onChange={(e) => set({ inConfidence: e.target.checked })}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="assessment-inConfidence">
              Told to us in confidence from parents
            </label>
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id="assessment-inConfidence-hint">
              The young person shared this expecting their parents would not be told. It is withheld if a
              parent asks for the record.
            </div>
          </div>
        </div>
      </div>
      <button className="nhsuk-button" type="submit">
        {isSending ? 'Saving…' : 'Save assessment'}
      </button>
    </form>
  );
}
