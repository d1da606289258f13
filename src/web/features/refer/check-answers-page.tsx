import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { toSubmitInput } from './answers.js';
import { checkAnswers, errorsFromParams } from './check.js';
import { useDirectory, useSchools } from './queries.js';
import type { Flow } from './refer-flow.js';
import { summarySections } from './summary.js';
import { ThresholdsPanel } from './thresholds-panel.js';
import { formName, stepTitle } from './wording.js';

const sendWords = {
  self: {
    button: 'Send my request',
    note: 'We keep what you tell us private. We only share it if we are very worried about your safety, and we will try to tell you first.',
  },
  parent: {
    button: 'Send request',
    note: 'By sending this, you agree that we can share it with the services that could help.',
  },
  staff: {
    button: 'Send referral',
    note: 'By sending this, you confirm the information is right to the best of your knowledge and that consent is recorded above.',
  },
};

const sendKeyName = (audience: string) => `lantern.refer.${audience}.send`;

/**
 * The Idempotency-Key for sending these answers. It is kept in this tab with a SHA-256 of the
 * answers it was made for (never the answers themselves), so sending the same answers again after
 * a lost reply or a reload reuses it and the server never makes a second referral; changed answers
 * get a new key.
 */
async function sendKey(audience: string, body: unknown, fallback: string): Promise<string> {
  try {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(body)));
    const hash = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const stored = JSON.parse(window.sessionStorage.getItem(sendKeyName(audience)) ?? 'null') as {
      key?: unknown;
      hash?: unknown;
    } | null;
    if (stored && stored.hash === hash && typeof stored.key === 'string') return stored.key;
    const key = crypto.randomUUID();
    window.sessionStorage.setItem(sendKeyName(audience), JSON.stringify({ key, hash }));
    return key;
  } catch {
    return fallback;
  }
}

function forgetSendKey(audience: string) {
  try {
    window.sessionStorage.removeItem(sendKeyName(audience));
  } catch {
    // Nothing was stored.
  }
}

/** "Check your answers": every answer with a Change link, the thresholds helper, then send. */
export function CheckAnswersPage({ flow, backTo }: { flow: Flow; backTo: string }) {
  const { audience, answers, ctx, pathFor, serverErrors, setServerErrors } = flow;
  // Used only if this tab cannot store the key (see sendKey).
  const [fallbackKey] = useState(() => crypto.randomUUID());
  const [isBusy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const schools = useSchools().data?.schools ?? [];
  const services = useDirectory({}).data?.matches ?? [];
  const title = stepTitle('check-answers', audience);
  const hasErrors = serverErrors.length > 0 || failure !== null;

  useEffect(() => {
    if (hasErrors) summaryRef.current?.focus();
  }, [hasErrors]);

  async function send() {
    const problems = checkAnswers(audience, answers, ctx);
    if (problems.length > 0) {
      setServerErrors(problems);
      summaryRef.current?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const body = toSubmitInput(audience, answers);
      await flow.submit(body, await sendKey(audience, body, fallbackKey));
      forgetSendKey(audience);
    } catch (error) {
      const params = error instanceof ApiError ? error.problem.invalidParams : undefined;
      if (params?.length) setServerErrors(errorsFromParams(audience, params));
      else
        setFailure(
          error instanceof ApiError
            ? (error.problem.detail ?? error.problem.title)
            : 'We could not send it. Check your internet connection and try again.',
        );
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title={title} hasError={hasErrors} />
        <BackLink to={backTo} />
        {hasErrors && (
          <div className="nhsuk-error-summary" ref={summaryRef} tabIndex={-1}>
            <div role="alert">
              <h2 className="nhsuk-error-summary__heading">There is a problem</h2>
              <div className="nhsuk-error-summary__body">
                {failure && <p>{failure}</p>}
                <ul className="nhsuk-list nhsuk-error-summary__list">
                  {serverErrors.map((error) => (
                    <li key={error.field}>
                      {error.step ? (
                        <Link to={`${pathFor(error.step, true)}#${error.field}`}>{error.message}</Link>
                      ) : (
                        error.message
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          </div>
        )}
        <span className="nhsuk-caption-l">{formName(audience)}</span>
        <h1>{title}</h1>
        {summarySections(audience, answers, {
          schoolName: (urn) => schools.find((school) => String(school.urn) === urn)?.name,
          serviceName: (slug) => services.find((service) => service.slug === slug)?.name,
          today: ctx.today,
        }).map((section) => (
          <section key={section.title}>
            <h2 className="nhsuk-heading-m">{section.title}</h2>
            <dl className="nhsuk-summary-list">
              {section.rows.map((row) => (
                <div className="nhsuk-summary-list__row" key={row.key}>
                  <dt className="nhsuk-summary-list__key">{row.key}</dt>
                  <dd className="nhsuk-summary-list__value lantern-break">
                    {row.lines.map((line, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: lines of one answer, in order
                      <span key={index}>
                        {line}
                        {index < row.lines.length - 1 && <br />}
                      </span>
                    ))}
                  </dd>
                  <dd className="nhsuk-summary-list__actions">
                    <Link to={pathFor(row.step, true)}>
                      Change<span className="nhsuk-u-visually-hidden"> {row.key.toLowerCase()}</span>
                    </Link>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <ThresholdsPanel audience={audience} answers={answers} today={ctx.today} isFolded />
        <h2 className="nhsuk-heading-m">Now send {audience === 'staff' ? 'the referral' : 'your request'}</h2>
        <p>{sendWords[audience].note}</p>
        <button
          className="nhsuk-button"
          type="button"
          onClick={send}
          disabled={isBusy}
          aria-disabled={isBusy}
        >
          {isBusy ? 'Sending…' : sendWords[audience].button}
        </button>
      </div>
    </div>
  );
}
