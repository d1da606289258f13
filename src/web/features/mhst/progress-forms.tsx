import { type FormEvent, useRef, useState } from 'react';
import type { CaseloadReferral } from '../../../contracts/caseload.js';
import { londonDate } from '../../../domain/people/child-details.js';
import { milestones } from '../../../domain/waiting/clocks.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, RadiosField, TextField, useFormErrors } from '../../components/form.js';
import { TextareaField } from '../triage/fields.js';
import { formatCalendarDate, keyFor, newIdempotencyKey } from '../triage/triage-view.js';
import { dayWords, listWords, milestoneWords, missingMilestones } from './clock-words.js';
import { checkMilestone, checkPause, problemLines } from './mhst-forms.js';

const caseworkUrl = (referralId: string) => `/api/caseload/${encodeURIComponent(referralId)}`;

/** Posts once per attempt: the same key when the same answers are sent again. */
function useIdempotentPost() {
  const attempt = useRef<{ key: string; body: string } | null>(null);
  return async (url: string, body: unknown) => {
    attempt.current = keyFor(attempt.current, body, newIdempotencyKey);
    await sendJson('POST', url, body, { 'idempotency-key': attempt.current.key });
    attempt.current = null;
  };
}

/** The four milestones that stop the clock for a referral spell, and a form to record one. */
export function MilestoneSection({
  referral,
  now,
  onSaved,
}: {
  referral: CaseloadReferral;
  now: Date;
  onSaved: (text: string) => void;
}) {
  const [milestone, setMilestone] = useState('');
  const [date, setDate] = useState(() => londonDate(now));
  const [isSending, setSending] = useState(false);
  const post = useIdempotentPost();
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  const recorded = referral.milestones.map((m) => m.milestone);
  const missing = missingMilestones(recorded);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = checkMilestone(milestone, date, new Date(), referral.referral.receivedAt, milestones);
    if ('errors' in checked) {
      show(checked.errors);
      return;
    }
    setSending(true);
    try {
      await post(`${caseworkUrl(referral.referral.referralId)}/milestones`, checked.body);
      clear();
      setMilestone('');
      onSaved(
        `${milestoneWords[checked.body.milestone]} recorded for ${dayWords(checked.body.occurredAt, now)}.`,
      );
    } catch (error) {
      show(
        problemLines(error, 'occurredAt', (name) => (name === 'milestone' ? 'milestone' : 'milestone-date')),
      );
    } finally {
      setSending(false);
    }
  }

  return (
    <section aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">Milestones</h2>
      <p>
        The waiting clock for this request for help stops when all four are recorded: the assessment, a care
        plan, the start of the intervention and a baseline measure.
        {missing.length === 0
          ? ' All four have been recorded.'
          : ` Still to record: ${listWords(missing.map((m) => milestoneWords[m].toLowerCase()))}.`}
      </p>
      {referral.milestones.length > 0 && (
        <ul>
          {[...referral.milestones]
            .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt))
            .map((m) => (
              <li key={m.id}>
                {milestoneWords[m.milestone]}: {dayWords(m.occurredAt, now)}
              </li>
            ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} ref={summaryRef} />
        <RadiosField
          id="milestone"
          legend="Record a milestone"
          error={errorFor('milestone')}
          options={milestones.map((m) => ({
            value: m,
            label: recorded.includes(m) ? `${milestoneWords[m]} (recorded already)` : milestoneWords[m],
          }))}
          value={milestone}
          onChange={setMilestone}
        />
        <TextField
          id="milestone-date"
          label="Date it was done"
          type="date"
          width={10}
          error={errorFor('milestone-date')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          {isSending ? 'Recording…' : 'Record milestone'}
        </button>
      </form>
    </section>
  );
}

/** Times the young person asked to wait, such as over exams: shown beside the wait, never taken off it. */
export function PauseSection({
  referral,
  onSaved,
}: {
  referral: CaseloadReferral;
  onSaved: (text: string) => void;
}) {
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [note, setNote] = useState('');
  const [isSending, setSending] = useState(false);
  const post = useIdempotentPost();
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = checkPause(startsOn, endsOn, note);
    if ('errors' in checked) {
      show(checked.errors);
      return;
    }
    setSending(true);
    try {
      await post(`${caseworkUrl(referral.referral.referralId)}/pauses`, checked.body);
      clear();
      setStartsOn('');
      setEndsOn('');
      setNote('');
      onSaved('The time they asked to wait was recorded. It is shown beside their wait, not taken off it.');
    } catch (error) {
      show(
        problemLines(error, 'startsOn', (name) =>
          name === 'endsOn' ? 'pause-end' : name === 'note' ? 'pause-note' : 'pause-start',
        ),
      );
    } finally {
      setSending(false);
    }
  }

  return (
    <section aria-labelledby="pauses-heading">
      <h2 id="pauses-heading">Times they asked to wait</h2>
      <p>
        If the young person asks to wait, for example until their exams are over, record it here. The days are
        shown beside their wait, never taken off it.
      </p>
      {referral.pauses.length === 0 ? (
        <p>They have not asked to wait.</p>
      ) : (
        <ul>
          {referral.pauses.map((pause) => (
            <li key={pause.id}>
              From {formatCalendarDate(londonDate(new Date(pause.startsOn)))}
              {pause.endsOn
                ? ` until ${formatCalendarDate(londonDate(new Date(pause.endsOn)))}`
                : ', no end date yet'}
              : <span className="lantern-mhst-text">{pause.note}</span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} ref={summaryRef} />
        <TextField
          id="pause-start"
          label="Date they asked to wait from"
          type="date"
          width={10}
          error={errorFor('pause-start')}
          value={startsOn}
          onChange={(e) => setStartsOn(e.target.value)}
        />
        <TextField
          id="pause-end"
          label="Date they will be ready (optional)"
          hint="Leave empty if they have not said."
          type="date"
          width={10}
          error={errorFor('pause-end')}
          value={endsOn}
          onChange={(e) => setEndsOn(e.target.value)}
        />
        <TextareaField
          id="pause-note"
          label="Why they asked to wait"
          error={errorFor('pause-note')}
          value={note}
          onChange={setNote}
          rows={3}
        />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          {isSending ? 'Recording…' : 'Record the wait they asked for'}
        </button>
      </form>
    </section>
  );
}
