import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Goal, GoalList } from '../../../contracts/self-help.js';
import { getJson } from '../../api.js';
import { ErrorSummary, TextField, useFormErrors } from '../../components/form.js';
import { useNotice } from '../../components/notice.js';
import { LoadError } from '../triage/staff-access.js';
import { GoalCard } from './goal-card.js';
import { errorsFrom, selfHelpPaths, youngPersonCreate } from './self-help-api.js';
import { SignInToUse, YoungPersonFrame } from './young-person-frame.js';
import { useYoungPersonQuery } from './young-person-session.js';

const words = { goal: 'Write your goal in a few words' };

/** A young person's goals: set one in their own words, rate it over time, mark it done or stopped. */
export function GoalsPage() {
  const me = useYoungPersonQuery();
  const isSignedIn = Boolean(me.data);
  const client = useQueryClient();
  const goals = useQuery({
    queryKey: ['online', 'goals'],
    queryFn: ({ signal }) => getJson<GoalList>(selfHelpPaths.goals, signal),
    enabled: isSignedIn,
  });
  const form = useFormErrors();
  const notice = useNotice();
  const [goal, setGoal] = useState('');
  const [isSaving, setIsSaving] = useState(false);

  if (me.isPending || !isSignedIn) {
    return (
      <YoungPersonFrame title="Your goals">
        {me.isPending ? <p aria-live="polite">Loading…</p> : <SignInToUse what="set goals" />}
      </YoungPersonFrame>
    );
  }

  async function changed(message: string, kind: 'saved' | 'stale' | 'info' = 'saved') {
    await client.invalidateQueries({ queryKey: ['online', 'goals'] });
    notice.announce({ kind, body: message });
  }

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (goal.trim().length < 3) return form.show([{ field: 'goal', message: words.goal }]);
    setIsSaving(true);
    try {
      await youngPersonCreate<Goal>(selfHelpPaths.goals, { goal });
      setGoal('');
      form.clear();
      await changed('Your goal is saved. Rate it whenever you like.');
    } catch (error) {
      form.show(errorsFrom(error, 'goal', words));
    } finally {
      setIsSaving(false);
    }
  }

  const open = goals.data?.items.filter((g) => g.closedAs === null) ?? [];
  const closed = goals.data?.items.filter((g) => g.closedAs !== null) ?? [];
  return (
    <YoungPersonFrame title="Your goals" hasError={form.errors.length > 0}>
      {notice.element}
      <ErrorSummary ref={form.summaryRef} errors={form.errors} />
      <p>A goal is something you would like to change or do. Small goals are great.</p>
      <p>Your counsellors can see your goals, so they can help you with them.</p>
      <form onSubmit={save} noValidate>
        <TextField
          id="goal"
          label="Your new goal"
          hint="For example: go to bed by 10pm on school nights"
          width={20}
          maxLength={300}
          error={form.errorFor('goal')}
          value={goal}
          onChange={(e) => setGoal(e.target.value)}
        />
        <button className="nhsuk-button" type="submit" disabled={isSaving}>
          Save goal
        </button>
      </form>

      {goals.isPending ? (
        <p aria-live="polite">Loading…</p>
      ) : goals.isError ? (
        <LoadError error={goals.error} />
      ) : (
        <>
          <h2>Goals you are working on</h2>
          {open.length === 0 ? <p>You do not have any goals yet.</p> : null}
          {open.map((g) => (
            <GoalCard key={`${g.id}-${g.version}`} goal={g} onChanged={changed} />
          ))}
          {closed.length > 0 && (
            <>
              <h2>Finished goals</h2>
              {closed.map((g) => (
                <GoalCard key={`${g.id}-${g.version}`} goal={g} onChanged={changed} />
              ))}
            </>
          )}
        </>
      )}
    </YoungPersonFrame>
  );
}
