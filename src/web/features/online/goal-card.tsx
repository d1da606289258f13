import { useState } from 'react';
import type { Goal } from '../../../contracts/self-help.js';
import { ApiError } from '../../api.js';
import { SelectField } from '../../components/form.js';
import { dayAndMonth, selfHelpPaths, youngPersonCreate } from './self-help-api.js';
import { youngPersonPut } from './young-person-session.js';

// One goal: its words, a sentence about its ratings, the ratings as a list, and (while open) a
// rating form and the buttons to mark it achieved or stopped.

const ratingOptions = Array.from({ length: 11 }, (_, n) => n);

export function GoalCard({
  goal,
  onChanged,
}: {
  goal: Goal;
  onChanged: (message: string, kind?: 'saved' | 'stale' | 'info') => Promise<void>;
}) {
  const [rating, setRating] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [isBusy, setIsBusy] = useState(false);
  const isOpen = goal.closedAs === null;
  const ratingId = `rating-${goal.id}`;

  async function rate(event: React.FormEvent) {
    event.preventDefault();
    if (rating === '') return setError('Choose a number from 0 to 10');
    setIsBusy(true);
    try {
      await youngPersonCreate<Goal>(selfHelpPaths.ratings(goal.id), { rating: Number(rating) });
      setRating('');
      setError(undefined);
      await onChanged(`You rated “${goal.goal}” ${rating} out of 10.`);
    } catch (caught) {
      setError(caught instanceof ApiError ? (caught.problem.detail ?? caught.problem.title) : 'Try again.');
    } finally {
      setIsBusy(false);
    }
  }

  async function close(closedAs: 'achieved' | 'stopped') {
    setIsBusy(true);
    try {
      await youngPersonPut<Goal>(
        selfHelpPaths.goal(goal.id),
        { closedAs },
        { 'if-match': `"${goal.version}"` },
      );
      await onChanged(
        closedAs === 'achieved' ? `Well done! “${goal.goal}” is done.` : `You stopped “${goal.goal}”.`,
      );
    } catch (caught) {
      const isStale = caught instanceof ApiError && [409, 412].includes(caught.problem.status);
      await onChanged(
        isStale
          ? 'This goal was changed on another page. We have loaded the latest.'
          : 'That did not work. Try again.',
        isStale ? 'stale' : 'info',
      );
    } finally {
      setIsBusy(false);
    }
  }

  const headingId = `goal-${goal.id}`;
  return (
    <article className="nhsuk-card" aria-labelledby={headingId}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-m" id={headingId}>
          {goal.goal}
        </h3>
        {!isOpen && (
          <p>
            <strong
              className={`nhsuk-tag ${goal.closedAs === 'achieved' ? 'nhsuk-tag--green' : 'nhsuk-tag--grey'}`}
            >
              {goal.closedAs === 'achieved' ? 'Achieved' : 'Stopped'}
            </strong>
          </p>
        )}
        <p>{goal.sentence}</p>
        {goal.ratings.length > 0 && (
          <>
            <h4 className="nhsuk-heading-xs nhsuk-u-margin-bottom-2">Your ratings</h4>
            <ol className="nhsuk-list nhsuk-list--bullet">
              {goal.ratings.map((r) => (
                <li key={r.ratedAt}>
                  {dayAndMonth(r.ratedAt)}: {r.rating} out of 10
                </li>
              ))}
            </ol>
          </>
        )}
        {isOpen && (
          <>
            <form onSubmit={rate} noValidate>
              <SelectField
                id={ratingId}
                label={
                  <>
                    How close are you now?<span className="nhsuk-u-visually-hidden"> ({goal.goal})</span>
                  </>
                }
                hint="0 means not at all. 10 means you are fully there."
                error={error}
                value={rating}
                onChange={(e) => setRating(e.target.value)}
              >
                <option value="">Choose a number</option>
                {ratingOptions.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </SelectField>
              <button className="nhsuk-button" type="submit" disabled={isBusy}>
                Save rating<span className="nhsuk-u-visually-hidden"> for {goal.goal}</span>
              </button>
            </form>
            <div className="nhsuk-button-group">
              <button
                className="nhsuk-button nhsuk-button--secondary"
                type="button"
                disabled={isBusy}
                onClick={() => close('achieved')}
              >
                I did it<span className="nhsuk-u-visually-hidden">: {goal.goal}</span>
              </button>
              <button
                className="nhsuk-button nhsuk-button--secondary"
                type="button"
                disabled={isBusy}
                onClick={() => close('stopped')}
              >
                Stop this goal<span className="nhsuk-u-visually-hidden">: {goal.goal}</span>
              </button>
            </div>
          </>
        )}
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">Set on {dayAndMonth(goal.setAt)}.</p>
      </div>
    </article>
  );
}
