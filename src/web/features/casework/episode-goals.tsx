import { type FormEvent, useState } from 'react';
import type { GoalChanged, GoalOut } from '../../../contracts/episodes.js';
import { goalStatuses } from '../../../domain/casework/episode.js';
import { londonDate } from '../../../domain/people/child-details.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, RadiosField, TextField, useFormErrors } from '../../components/form.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { isStale, problemLines } from '../mhst/mhst-forms.js';
import { TextareaField } from '../triage/fields.js';
import { formatDate } from '../triage/triage-view.js';
import { checkGoal, episodeUrl } from './episode-forms.js';
import { useIdempotentSend } from './episode-queries.js';

interface Handlers {
  onSaved: (text: string) => void;
  onStale: () => void;
}

/** The care-plan goals in the young person's words, each marked achieved or stopped when it is. */
export function GoalsList({
  referralId,
  goals,
  isOpen,
  onSaved,
  onStale,
}: { referralId: string; goals: GoalOut[]; isOpen: boolean } & Handlers) {
  const [failed, setFailed] = useState<string | null>(null);

  async function change(goal: GoalOut, status: 'achieved' | 'stopped') {
    setFailed(null);
    try {
      await sendJson<GoalChanged>(
        'PUT',
        `${episodeUrl(referralId)}/goals/${encodeURIComponent(goal.id)}`,
        { status },
        { 'if-match': `"${goal.version}"` },
      );
      onSaved(`Goal marked ${goalStatuses[status].toLowerCase()}: “${goal.goal}”.`);
    } catch (error) {
      if (isStale(error)) onStale();
      else setFailed(problemLines(error, 'status')[0]?.message ?? 'That did not save. Try again.');
    }
  }

  return (
    <section aria-labelledby="goals-heading">
      <h2 id="goals-heading">Care plan goals</h2>
      {failed && (
        <p className="nhsuk-error-message" role="alert">
          {failed}
        </p>
      )}
      {goals.length === 0 ? (
        <p>No goals agreed yet.</p>
      ) : (
        <ResponsiveTable
          caption="Goals, in the young person’s words"
          headings={['Goal', 'Agreed', 'Status', 'Change']}
        >
          {goals.map((goal) => (
            <tr className="nhsuk-table__row" key={goal.id}>
              <Cell heading="Goal">{goal.goal}</Cell>
              <Cell heading="Agreed">{formatDate(goal.agreedAt)}</Cell>
              <Cell heading="Status">{goalStatuses[goal.status]}</Cell>
              <Cell heading="Change">
                {isOpen && goal.status === 'active' ? (
                  <div className="nhsuk-button-group">
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                      onClick={() => void change(goal, 'achieved')}
                    >
                      Mark achieved<span className="nhsuk-u-visually-hidden">: {goal.goal}</span>
                    </button>
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                      onClick={() => void change(goal, 'stopped')}
                    >
                      Stop<span className="nhsuk-u-visually-hidden"> working on: {goal.goal}</span>
                    </button>
                  </div>
                ) : (
                  'No change needed'
                )}
              </Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </section>
  );
}

/** Adds a goal agreed with the young person, in their words. */
export function AddGoalForm({
  referralId,
  onSaved,
}: {
  referralId: string;
  onSaved: (text: string) => void;
}) {
  const [goal, setGoal] = useState('');
  const [date, setDate] = useState(() => londonDate(new Date()));
  const [isSending, setSending] = useState(false);
  const send = useIdempotentSend();
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = checkGoal(goal, date, new Date());
    if ('errors' in checked) {
      show(checked.errors);
      return;
    }
    setSending(true);
    try {
      await send(`${episodeUrl(referralId)}/goals`, checked.body);
      clear();
      setGoal('');
      onSaved(`Goal added: “${checked.body.goal}”.`);
    } catch (error) {
      show(problemLines(error, 'goal', (name) => `goal-${name}`));
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-goal-heading">
      <h2 id="add-goal-heading">Add a goal</h2>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <TextareaField
        id="goal-goal"
        label="Goal"
        hint="Write it in the young person’s own words, for example “Go into lessons without panicking”."
        error={errorFor('goal-goal')}
        value={goal}
        rows={2}
        onChange={setGoal}
      />
      <TextField
        id="goal-agreedAt"
        label="Date agreed"
        type="date"
        width={10}
        error={errorFor('goal-agreedAt')}
        value={date}
        onChange={(e) => setDate(e.target.value)}
      />
      <button className="nhsuk-button" type="submit">
        {isSending ? 'Saving…' : 'Add goal'}
      </button>
    </form>
  );
}

/** Chooses the intervention (If-Match: the episode's version). */
export function InterventionForm({
  referralId,
  version,
  current,
  options,
  onSaved,
  onStale,
}: {
  referralId: string;
  version: number;
  current: string | null;
  options: { value: string; label: string }[];
} & Handlers) {
  const [choice, setChoice] = useState(current ?? '');
  const [isSending, setSending] = useState(false);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const chosen = options.find((o) => o.value === choice);
    if (!chosen) {
      show([{ field: 'intervention', message: 'Choose an intervention' }]);
      return;
    }
    setSending(true);
    try {
      await sendJson(
        'PUT',
        `${episodeUrl(referralId)}/intervention`,
        { intervention: chosen.value },
        { 'if-match': `"${version}"` },
      );
      clear();
      onSaved(`Intervention chosen: ${chosen.label}.`);
    } catch (error) {
      if (isStale(error)) onStale();
      else show(problemLines(error, 'intervention', () => 'intervention'));
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="intervention-heading">
      <h2 id="intervention-heading">Intervention</h2>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <RadiosField
        id="intervention"
        legend="Which intervention?"
        error={errorFor('intervention')}
        options={options}
        value={choice}
        onChange={setChoice}
      />
      <button className="nhsuk-button" type="submit">
        {isSending ? 'Saving…' : current ? 'Change intervention' : 'Choose intervention'}
      </button>
    </form>
  );
}
