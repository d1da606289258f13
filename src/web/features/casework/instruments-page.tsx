import { type ChangeEvent, type FormEvent, useRef, useState } from 'react';
import type { InstrumentLoaded } from '../../../contracts/measures.js';
import { ApiError, sendJson } from '../../api.js';
import { PageTitle } from '../../components/layout.js';
import { useNotice } from '../../components/notice.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { formatDateTime, keyFor, newIdempotencyKey } from '../triage/triage-view.js';
import { useLoadedInstruments, useRefreshMeasures } from './measures-queries.js';
import { definitionProblems, parseDefinitionText } from './measures-view.js';

/**
 * /staff/instruments: licensed questionnaires the organisation loads from its own definition files
 * (RCADS, SDQ and the like; Lantern ships only the free ones). A bad file's every problem is listed.
 */
export function InstrumentsPage() {
  const { allowed, gate } = useStaffAccess('instrument:load', 'load licensed questionnaires');
  const loaded = useLoadedInstruments(allowed);
  const refresh = useRefreshMeasures();
  const notice = useNotice();
  if (gate) return gate;
  if (loaded.isPending) return <p aria-live="polite">Loading…</p>;
  if (loaded.isError) return <LoadError error={loaded.error} />;

  async function withdraw(id: string, name: string) {
    try {
      await sendJson('POST', `/api/instruments/${encodeURIComponent(id)}/withdraw`);
      notice.announce({ kind: 'saved', body: `${name} was withdrawn. Answers already given keep it.` });
    } catch {
      notice.announce({ kind: 'stale', body: 'It could not be withdrawn. Reload the page and try again.' });
    }
    void refresh();
  }

  return (
    <>
      <PageTitle title="Licensed questionnaires" />
      {notice.element}
      <h1>Licensed questionnaires</h1>
      <p>
        Lantern comes with PHQ-9, GAD-7 and Goal Based Outcomes. Other questionnaires, such as RCADS or SDQ,
        need a licence: load the definition file your organisation was given under its licence.
      </p>
      {loaded.data.items.length === 0 ? (
        <p>Your organisation has not loaded any licensed questionnaires yet.</p>
      ) : (
        <ResponsiveTable
          caption="Loaded questionnaires, oldest first"
          headings={['Questionnaire', 'Version', 'Loaded', 'Status', 'Action']}
        >
          {loaded.data.items.map((item) => (
            <tr className="nhsuk-table__row" key={item.id}>
              <Cell heading="Questionnaire">
                {item.name}
                <br />
                <span className="nhsuk-body-s">{item.attribution}</span>
              </Cell>
              <Cell heading="Version">{item.version}</Cell>
              <Cell heading="Loaded">
                {formatDateTime(item.loadedAt)} by {item.loadedBy}
              </Cell>
              <Cell heading="Status">
                {item.withdrawnAt
                  ? `Withdrawn ${formatDateTime(item.withdrawnAt)}`
                  : item.isCurrent
                    ? 'In use'
                    : 'Replaced by a newer version'}
              </Cell>
              <Cell heading="Action">
                {item.withdrawnAt ? (
                  'None'
                ) : (
                  <button
                    type="button"
                    className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                    onClick={() => withdraw(item.id, `${item.name} version ${item.version}`)}
                  >
                    Withdraw
                    <span className="nhsuk-u-visually-hidden">
                      {' '}
                      {item.name} version {item.version}
                    </span>
                  </button>
                )}
              </Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
      <LoadDefinitionForm
        onLoaded={(answer) => {
          void refresh();
          notice.announce({
            kind: 'saved',
            body: `${answer.instrumentId} version ${answer.version} loaded${answer.supersedes ? `. It replaces version ${answer.supersedes} for new questionnaires` : ''}.`,
          });
        }}
      />
    </>
  );
}

function LoadDefinitionForm({ onLoaded }: { onLoaded: (answer: InstrumentLoaded) => void }) {
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [isSending, setSending] = useState(false);
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const summary = useRef<HTMLDivElement>(null);

  function showProblems(next: string[]) {
    setProblems(next);
    requestAnimationFrame(() => summary.current?.focus());
  }

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const parsed = parseDefinitionText(text);
    if ('error' in parsed) {
      showProblems([parsed.error]);
      return;
    }
    attempt.current = keyFor(attempt.current, parsed.json, newIdempotencyKey);
    setSending(true);
    try {
      const answer = await sendJson<InstrumentLoaded>('POST', '/api/instruments', parsed.json, {
        'idempotency-key': attempt.current.key,
      });
      setProblems([]);
      setText('');
      onLoaded(answer);
    } catch (error) {
      if (error instanceof ApiError) {
        const lines = definitionProblems(error.problem.invalidParams);
        showProblems(
          lines.length > 0 ? [error.problem.detail ?? 'The file has problems', ...lines] : [error.message],
        );
      } else showProblems(['Something went wrong. Check your connection and try again.']);
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="load-heading">
      <h2 id="load-heading">Load a definition file</h2>
      {problems.length > 0 && (
        <div className="nhsuk-error-summary" ref={summary} tabIndex={-1}>
          <div role="alert">
            <h2 className="nhsuk-error-summary__heading">There is a problem</h2>
            <div className="nhsuk-error-summary__body">
              <ul className="nhsuk-list nhsuk-error-summary__list">
                {problems.map((problem, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
                  <li key={index}>
                    <a href="#definition">{problem}</a>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </div>
      )}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label nhsuk-label--s" htmlFor="definition-file">
          Definition file (JSON)
        </label>
        <input
          className="nhsuk-file-upload"
          id="definition-file"
          type="file"
          accept="application/json,.json"
          onChange={chooseFile}
        />
      </div>
      <div className={`nhsuk-form-group${problems.length > 0 ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label nhsuk-label--s" htmlFor="definition">
          Or paste the definition
        </label>
        <div className="nhsuk-hint" id="definition-hint">
          The file must match Lantern’s published instrument schema. Every problem in it is listed at once.
        </div>
        <textarea
          className={`nhsuk-textarea${problems.length > 0 ? ' nhsuk-textarea--error' : ''}`}
          id="definition"
          name="definition"
          rows={10}
          aria-describedby="definition-hint"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <button className="nhsuk-button" type="submit">
        {isSending ? 'Loading…' : 'Load questionnaire'}
      </button>
    </form>
  );
}
