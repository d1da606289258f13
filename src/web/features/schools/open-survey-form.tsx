import { type FormEvent, useState } from 'react';
import type { SurveyOpened } from '../../../contracts/schools.js';
import { addDays } from '../../../domain/calendar.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, RadiosField, TextField, useFormErrors } from '../../components/form.js';
import { NotShownAgainWarning, useCopyLink } from '../../components/link-shown-once.js';
import { formatCalendarDate } from '../triage/triage-view.js';
import { checkOpenSurvey, type OpenSurveyForm as Form } from './schools-forms.js';
import { schoolApi } from './schools-queries.js';
import { londonNow, phaseWords, problemLines, shareLink, surveyPhaseWords } from './schools-view.js';

const prefix = 'survey-';

/**
 * Opens a round of the staff survey. The API answers with the link's secret once and keeps only a
 * hash of it, so the link is shown here once, ready to copy, and never again.
 */
export function OpenSurveyForm({ urn, onOpened }: { urn: string; onOpened: () => void }) {
  const [form, setForm] = useState<Form>(() => ({
    phase: '',
    closesOn: addDays(londonNow(new Date()).date, 14),
  }));
  const [opened, setOpened] = useState<SurveyOpened | null>(null);
  const [isSending, setSending] = useState(false);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = checkOpenSurvey(form, prefix);
    if ('errors' in checked) {
      show(checked.errors);
      return;
    }
    setSending(true);
    try {
      // No Idempotency-Key: the API keeps no copy of the answer, since it holds the secret.
      const answer = await sendJson<SurveyOpened>('POST', schoolApi(urn, 'surveys'), checked.body);
      clear();
      setOpened(answer);
      onOpened();
    } catch (error) {
      show(problemLines(error, 'phase', prefix, ['phase', 'closesOn']));
    } finally {
      setSending(false);
    }
  }

  if (opened) return <SurveyLink opened={opened} onDone={() => setOpened(null)} />;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="open-survey-heading">
      <h2 id="open-survey-heading">Start a new round</h2>
      <p>
        You will get a link to send to the school's staff. Anyone with the link can answer, without signing
        in. Answers are anonymous.
      </p>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <RadiosField
        id={`${prefix}phase`}
        legend="Is this before or after the team's work with the school?"
        error={errorFor(`${prefix}phase`)}
        options={Object.entries(surveyPhaseWords).map(([value, label]) => ({ value, label }))}
        value={form.phase}
        onChange={(phase) => setForm({ ...form, phase })}
      />
      <TextField
        id={`${prefix}closesOn`}
        label="Last day staff can answer"
        hint="Up to six months from today."
        type="date"
        width={10}
        error={errorFor(`${prefix}closesOn`)}
        value={form.closesOn}
        onChange={(e) => setForm({ ...form, closesOn: e.target.value })}
      />
      <button className="nhsuk-button" type="submit">
        {isSending ? 'Starting…' : 'Start the survey'}
      </button>
    </form>
  );
}

/** The new round's link, shown once: in a box that selects it all for copying, and a copy button. */
function SurveyLink({ opened, onDone }: { opened: SurveyOpened; onDone: () => void }) {
  const link = shareLink(window.location.origin, opened.path);
  const { panelRef, copied, copy } = useCopyLink(
    link,
    'survey-link',
    'Link copied. Paste it into an email or message to the staff.',
  );

  return (
    <section
      className="nhsuk-card nhsuk-card--feature"
      tabIndex={-1}
      ref={panelRef}
      aria-labelledby="link-heading"
    >
      <div className="nhsuk-card__content nhsuk-card__content--feature">
        <h2 className="nhsuk-card__heading nhsuk-card__heading--feature" id="link-heading">
          Survey started: copy the link now
        </h2>
        <p>
          {phaseWords(opened.phase)}. Staff can answer until the end of {formatCalendarDate(opened.closesOn)}.
        </p>
        <NotShownAgainWarning>
          <p>
            We do not keep a copy of it, so nobody can use it to find out who answered. Copy it now and send
            it to the school's staff.
          </p>
        </NotShownAgainWarning>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label nhsuk-label--s" htmlFor="survey-link">
            Link to the survey
          </label>
          <input
            className="nhsuk-input lantern-copy-link"
            id="survey-link"
            type="text"
            readOnly
            value={link}
            onFocus={(e) => e.target.select()}
          />
        </div>
        <div className="nhsuk-button-group">
          <button className="nhsuk-button" type="button" onClick={copy}>
            Copy link
          </button>
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onDone}>
            I have copied the link
          </button>
        </div>
        <p role="status">{copied ?? ''}</p>
      </div>
    </section>
  );
}
