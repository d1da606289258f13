import { type FormEvent, useRef, useState } from 'react';
import type { InstrumentSummary } from '../../../contracts/measures.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, RadiosField, SelectField, TextField, useFormErrors } from '../../components/form.js';
import { problemLines } from '../schools/schools-view.js';
import { keyFor, newIdempotencyKey } from '../triage/triage-view.js';
import { caseApi } from './measures-queries.js';
import { answerProblems, checkAnswers, itemField, respondentWords } from './measures-view.js';

const prefix = 'session-';
const goalSlots = ['goal-1', 'goal-2', 'goal-3'] as const;

/** Answers given in the session, entered by the practitioner: a questionnaire, or goal ratings (GBO). */
export function SessionAnswersForm({
  referralId,
  instruments,
  onSaved,
}: {
  referralId: string;
  instruments: readonly InstrumentSummary[];
  onSaved: (words: string) => void;
}) {
  const [instrumentId, setInstrumentId] = useState('');
  const [respondent, setRespondent] = useState('self');
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [goals, setGoals] = useState<Record<string, { text: string; rating: string }>>({});
  const [isSending, setSending] = useState(false);
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  const instrument = instruments.find((i) => i.id === instrumentId);

  function body(): object | null {
    if (!instrument) {
      show([{ field: `${prefix}instrumentId`, message: 'Choose a questionnaire' }]);
      return null;
    }
    const base = { instrumentId, respondent, completedAt: new Date().toISOString() };
    if (instrument.kind === 'goals') {
      const rated = goalSlots.filter((slot) => goals[slot]?.text.trim());
      if (rated.length === 0) {
        show([
          { field: `${prefix}goal-1-text`, message: 'Write at least one goal in the young person’s words' },
        ]);
        return null;
      }
      const unrated = rated.filter((slot) => !/^(10|[0-9])$/.test(goals[slot]?.rating ?? ''));
      if (unrated.length > 0) {
        show(
          unrated.map((slot) => ({
            field: `${prefix}${slot}-rating`,
            message: `Rate ${slot.replace('-', ' ')} from 0 to 10`,
          })),
        );
        return null;
      }
      return {
        ...base,
        goals: rated.map((slot) => ({
          goalId: slot,
          text: goals[slot]?.text.trim(),
          rating: Number(goals[slot]?.rating),
        })),
      };
    }
    const checked = checkAnswers(instrument.items, chosen);
    if ('errors' in checked) {
      show(checked.errors);
      return null;
    }
    return { ...base, answers: checked.answers };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const payload = body();
    if (!payload) return;
    attempt.current = keyFor(attempt.current, payload, newIdempotencyKey);
    setSending(true);
    try {
      const saved = await sendJson<{ total: number | null }>(
        'POST',
        caseApi(referralId, 'measures'),
        payload,
        {
          'idempotency-key': attempt.current.key,
        },
      );
      clear();
      setChosen({});
      setGoals({});
      onSaved(`${instrument?.shortName} saved: ${saved.total ?? 'not scored'}.`);
    } catch (error) {
      const params =
        error && typeof error === 'object' && 'problem' in error
          ? (error as { problem: { invalidParams?: { name: string; reason: string }[] } }).problem
              .invalidParams
          : undefined;
      const onItems = answerProblems(
        params?.filter((p) => p.name.startsWith('answers.')),
        `${prefix}instrumentId`,
      );
      show(
        onItems.length > 0
          ? onItems
          : problemLines(error, 'instrumentId', prefix, ['instrumentId', 'respondent', 'completedAt']),
      );
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="session-heading">
      <h2 id="session-heading">Enter answers given in a session</h2>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <SelectField
        id={`${prefix}instrumentId`}
        label="Questionnaire"
        error={errorFor(`${prefix}instrumentId`)}
        value={instrumentId}
        onChange={(e) => {
          setInstrumentId(e.target.value);
          setChosen({});
          const next = instruments.find((i) => i.id === e.target.value);
          if (next && !next.respondents.includes(respondent as never))
            setRespondent(next.respondents[0] ?? 'self');
        }}
      >
        <option value="">Choose a questionnaire</option>
        {instruments.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name}
          </option>
        ))}
      </SelectField>
      {instrument && (
        <>
          <RadiosField
            id={`${prefix}respondent`}
            legend="Who answered?"
            options={instrument.respondents.map((r) => ({ value: r, label: respondentWords[r] ?? r }))}
            value={respondent}
            onChange={setRespondent}
          />
          {instrument.instructions && <p>{instrument.instructions}</p>}
          {instrument.kind === 'goals'
            ? goalSlots.map((slot, index) => (
                <fieldset className="nhsuk-fieldset" key={slot}>
                  <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                    Goal {index + 1}
                  </legend>
                  <TextField
                    id={`${prefix}${slot}-text`}
                    label="The goal, in the young person’s words"
                    width={20}
                    error={errorFor(`${prefix}${slot}-text`)}
                    value={goals[slot]?.text ?? ''}
                    onChange={(e) =>
                      setGoals({
                        ...goals,
                        [slot]: { rating: goals[slot]?.rating ?? '', text: e.target.value },
                      })
                    }
                  />
                  <TextField
                    id={`${prefix}${slot}-rating`}
                    label="Rating from 0 (not at all) to 10 (goal reached)"
                    width={2}
                    inputMode="numeric"
                    error={errorFor(`${prefix}${slot}-rating`)}
                    value={goals[slot]?.rating ?? ''}
                    onChange={(e) =>
                      setGoals({
                        ...goals,
                        [slot]: { text: goals[slot]?.text ?? '', rating: e.target.value },
                      })
                    }
                  />
                </fieldset>
              ))
            : instrument.items.map((item, index) => (
                <RadiosField
                  key={item.id}
                  id={itemField(item.id)}
                  legend={`${index + 1}. ${item.text}`}
                  error={errorFor(itemField(item.id))}
                  options={item.options.map((o) => ({ value: String(o.value), label: o.label }))}
                  value={chosen[item.id] ?? ''}
                  onChange={(value) => setChosen({ ...chosen, [item.id]: value })}
                />
              ))}
        </>
      )}
      <button className="nhsuk-button" type="submit">
        {isSending ? 'Saving…' : 'Save answers'}
      </button>
    </form>
  );
}
