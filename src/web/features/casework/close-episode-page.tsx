import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Closed, LettersOut } from '../../../contracts/episodes.js';
import { webPaths } from '../../../contracts/web-paths.js';
import {
  closureKindCodes,
  closureKinds,
  dischargeChoiceCodes,
  dischargeOutcomeCodes,
  dischargeOutcomes,
  dischargeReasons,
  episodeStatuses,
} from '../../../domain/casework/episode.js';
import { ErrorSummary, RadiosField, TextField, useFormErrors } from '../../components/form.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { useNotice } from '../../components/notice.js';
import { isStale, problemLines } from '../mhst/mhst-forms.js';
import { useRefreshMhst } from '../mhst/mhst-queries.js';
import { TextareaField } from '../triage/fields.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { statusWords } from '../triage/triage-view.js';
import { type ClosureForm, checkClosure, episodeUrl } from './episode-forms.js';
import { useEpisode, useIdempotentSend } from './episode-queries.js';

const channelWords = { email: 'by email', sms: 'by text message' } as const;

/** Who will get a letter and who will not, and why: shown before closing, and after. */
export function LetterList({ letters, isDone }: { letters: LettersOut; isDone: boolean }) {
  return (
    <section aria-labelledby="letters-heading">
      <h2 id="letters-heading">{isDone ? 'Letters sent' : 'Who will get a letter'}</h2>
      {letters.recipients.length === 0 ? (
        <p>Nobody will be written to.</p>
      ) : (
        <ul>
          {letters.recipients.map((r) => (
            <li key={`${r.label}-${r.address}`}>
              {r.label}, {channelWords[r.channel]} to {r.address}
              {r.template === 'discharge-referrer'
                ? ' (status only)'
                : ' (a short note that sessions have finished)'}
            </li>
          ))}
        </ul>
      )}
      {letters.notWritten.length > 0 && (
        <>
          <h3>{isDone ? 'Not written to' : 'Who will not get a letter'}</h3>
          <ul>
            {letters.notWritten.map((n) => (
              <li key={`${n.label}-${n.reason}`}>
                {n.label}: {n.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="nhsuk-hint">
        The family’s letter never names the young person or this service, in case someone else at home reads
        it.
      </p>
      {!isDone && (
        <p className="nhsuk-hint">
          Appointments still booked are cancelled when help ends, and no reminders are sent for them.
        </p>
      )}
    </section>
  );
}

const empty: ClosureForm = {
  kind: '',
  serviceName: '',
  stepReason: '',
  reason: '',
  outcome: '',
  summary: '',
};

/** Ends the episode: step up, step down, refer on or discharge, with the letters that go out. */
export function CloseEpisodePage() {
  const { referralId = '' } = useParams();
  const { allowed, gate } = useStaffAccess('episode:record', 'close an episode of care');
  const found = useEpisode(referralId, allowed);
  const refresh = useRefreshMhst();
  const notice = useNotice();
  const send = useIdempotentSend();
  const [form, setForm] = useState<ClosureForm>(empty);
  const [done, setDone] = useState<Closed | null>(null);
  const [isSending, setSending] = useState(false);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  if (gate) return gate;
  if (found.isPending) return <p aria-live="polite">Loading…</p>;
  if (found.isError) return <LoadError error={found.error} />;
  const view = found.data;
  const set = (change: Partial<ClosureForm>) => setForm({ ...form, ...change });
  const back = webPaths.episode.replace(':referralId', referralId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = checkClosure(form);
    if ('errors' in checked) {
      show(checked.errors);
      return;
    }
    setSending(true);
    try {
      const closed = await send<Closed>(`${episodeUrl(referralId)}/closure`, checked.body, {
        'if-match': `"${view.episode.version}"`,
      });
      clear();
      setDone(closed);
      void refresh();
    } catch (error) {
      if (isStale(error)) {
        void refresh();
        notice.announce({
          kind: 'stale',
          body: 'Someone else changed this episode while you were looking at it. Check the latest and try again.',
        });
      } else show(problemLines(error, 'kind', (name) => `close-${name}`));
    } finally {
      setSending(false);
    }
  }

  if (done) {
    return (
      <>
        <PageTitle title="Episode closed" />
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__title">Episode closed</h1>
          <div className="nhsuk-panel__body">
            {view.reference}: {episodeStatuses[done.status as keyof typeof episodeStatuses] ?? done.status}
          </div>
        </div>
        <p>
          Referral status: <strong>{statusWords(done.referralStatus)}</strong> ({done.referralStatus})
        </p>
        <LetterList letters={done.letters} isDone />
        <p>
          <Link to={back}>See the closed episode</Link>
        </p>
        <p>
          <Link to={webPaths.caseload}>Back to your caseload</Link>
        </p>
      </>
    );
  }

  const isStep = form.kind !== '' && form.kind !== 'discharge';
  return (
    <>
      <PageTitle title={`Step up, step down or discharge ${view.reference}`} />
      <BackLink to={back}>Back to the episode</BackLink>
      {notice.element}
      <h1>
        <span className="nhsuk-caption-l">
          {view.reference} · {view.name}
        </span>
        Step up, step down or discharge
      </h1>
      {view.episode.status !== 'open' ? (
        <p>This episode has already closed ({episodeStatuses[view.episode.status].toLowerCase()}).</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <ErrorSummary errors={errors} ref={summaryRef} />
          <RadiosField
            id="close-kind"
            legend="How is help ending?"
            error={errorFor('close-kind')}
            options={closureKindCodes.map((value) => ({ value, label: closureKinds[value] }))}
            value={form.kind}
            onChange={(kind) => set({ kind })}
          />
          {isStep && (
            <>
              <TextField
                id="close-serviceName"
                label="Which service are they going to?"
                width={20}
                error={errorFor('close-serviceName')}
                value={form.serviceName}
                onChange={(e) => set({ serviceName: e.target.value })}
              />
              <TextareaField
                id="close-stepReason"
                label="Why are they moving on?"
                error={errorFor('close-stepReason')}
                value={form.stepReason}
                onChange={(stepReason) => set({ stepReason })}
              />
            </>
          )}
          {form.kind === 'discharge' && (
            <>
              <RadiosField
                id="close-reason"
                legend="Why is help finishing?"
                error={errorFor('close-reason')}
                options={dischargeChoiceCodes.map((value) => ({ value, label: dischargeReasons[value] }))}
                value={form.reason}
                onChange={(reason) => set({ reason })}
              />
              <RadiosField
                id="close-outcome"
                legend="How did things go?"
                error={errorFor('close-outcome')}
                options={dischargeOutcomeCodes.map((value) => ({ value, label: dischargeOutcomes[value] }))}
                value={form.outcome}
                onChange={(outcome) => set({ outcome })}
              />
            </>
          )}
          {form.kind !== '' && (
            <TextareaField
              id="close-summary"
              label={form.kind === 'discharge' ? 'Discharge summary' : 'Summary (optional)'}
              error={errorFor('close-summary')}
              value={form.summary}
              onChange={(summary) => set({ summary })}
            />
          )}
          <LetterList letters={view.letters} isDone={false} />
          <button className="nhsuk-button" type="submit">
            {isSending ? 'Saving…' : 'Close the episode and send the letters'}
          </button>
        </form>
      )}
    </>
  );
}
