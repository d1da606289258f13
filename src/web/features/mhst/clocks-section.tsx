import type { WaitingClocksOut } from '../../../contracts/mhst.js';
import type { Milestone } from '../../../domain/waiting/clocks.js';
import { formatDate } from '../triage/triage-view.js';
import {
  clockStopSentence,
  firstContactSentence,
  pausedSentences,
  secondContactSentence,
  spellSentence,
} from './clock-words.js';
import { RagTag } from './mhst-parts.js';

/**
 * The waiting clocks: the headline (first appointment against four weeks), with paused days said
 * beside it and never taken off it, then the second-appointment and clock-stop views.
 */
export function ClocksSection({
  clocks,
  recorded,
  now,
}: {
  clocks: WaitingClocksOut;
  /** Milestones recorded so far, or null where the page does not show them. */
  recorded: readonly Milestone[] | null;
  now: Date;
}) {
  const spell = spellSentence(clocks.spellReferralCount);
  return (
    <section aria-labelledby="clocks-heading">
      <h2 id="clocks-heading">Waiting time</h2>
      <p className="nhsuk-body-l">
        <RagTag rag={clocks.rag} /> {firstContactSentence(clocks, now)}
      </p>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Time paused</dt>
          <dd className="nhsuk-summary-list__value">
            {pausedSentences(clocks).map((line) => (
              <p className="lantern-mhst-line" key={line}>
                {line}
              </p>
            ))}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Clocks started</dt>
          <dd className="nhsuk-summary-list__value">
            {formatDate(clocks.startedAt)}, when the referral was received
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Second appointment</dt>
          <dd className="nhsuk-summary-list__value">{secondContactSentence(clocks, now)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Clock stop</dt>
          <dd className="nhsuk-summary-list__value">{clockStopSentence(clocks, recorded, now)}</dd>
        </div>
      </dl>
      {spell && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{spell}</p>
        </div>
      )}
    </section>
  );
}
