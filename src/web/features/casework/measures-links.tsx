import { type FormEvent, useState } from 'react';
import type { InstrumentSummary, LinkCreated, Links } from '../../../contracts/measures.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, RadiosField, SelectField, useFormErrors } from '../../components/form.js';
import { NotShownAgainWarning, useCopyLink } from '../../components/link-shown-once.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { problemLines, shareLink, statusOf } from '../schools/schools-view.js';
import { formatDateTime } from '../triage/triage-view.js';
import { caseApi } from './measures-queries.js';
import { respondentWords } from './measures-view.js';

const prefix = 'link-';

/**
 * Makes a questionnaire link, and sends it by the young person's chosen route (or to a carer) if
 * asked. The API keeps only a hash of the secret, so the link is shown here once with a copy button.
 */
export function SendLinkForm({
  referralId,
  instruments,
  onMade,
}: {
  referralId: string;
  instruments: readonly InstrumentSummary[];
  onMade: () => void;
}) {
  const usable = instruments.filter(
    (i) => i.kind === 'questionnaire' && i.respondents.some((r) => r === 'self' || r === 'parent'),
  );
  const [form, setForm] = useState({ instrumentId: '', respondent: 'self', expiresInDays: '7', send: 'yes' });
  const [made, setMade] = useState<LinkCreated | null>(null);
  const [isSending, setSending] = useState(false);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    if (!form.instrumentId) {
      show([{ field: `${prefix}instrumentId`, message: 'Choose a questionnaire' }]);
      return;
    }
    setSending(true);
    try {
      // No Idempotency-Key: the API keeps no copy of its answer, since that holds the secret.
      const answer = await sendJson<LinkCreated>('POST', caseApi(referralId, 'questionnaire-links'), {
        instrumentId: form.instrumentId,
        respondent: form.respondent,
        expiresInDays: Number(form.expiresInDays),
        send: form.send === 'yes',
      });
      clear();
      setMade(answer);
      onMade();
    } catch (error) {
      const field = statusOf(error) === 409 ? 'send' : 'instrumentId';
      show(problemLines(error, field, prefix, ['instrumentId', 'respondent', 'expiresInDays', 'send']));
    } finally {
      setSending(false);
    }
  }

  if (made) return <LinkOnce made={made} onDone={() => setMade(null)} />;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="send-link-heading">
      <h2 id="send-link-heading">Send a questionnaire to answer before the session</h2>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <SelectField
        id={`${prefix}instrumentId`}
        label="Questionnaire"
        error={errorFor(`${prefix}instrumentId`)}
        value={form.instrumentId}
        onChange={(e) => setForm({ ...form, instrumentId: e.target.value })}
      >
        <option value="">Choose a questionnaire</option>
        {usable.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name}
          </option>
        ))}
      </SelectField>
      <RadiosField
        id={`${prefix}respondent`}
        legend="Who answers it?"
        error={errorFor(`${prefix}respondent`)}
        options={[
          { value: 'self', label: 'The young person' },
          { value: 'parent', label: 'A parent or carer' },
        ]}
        value={form.respondent}
        onChange={(respondent) => setForm({ ...form, respondent })}
      />
      <SelectField
        id={`${prefix}expiresInDays`}
        label="The link stops working after"
        error={errorFor(`${prefix}expiresInDays`)}
        value={form.expiresInDays}
        onChange={(e) => setForm({ ...form, expiresInDays: e.target.value })}
      >
        {[1, 2, 3, 5, 7, 10, 14].map((days) => (
          <option key={days} value={String(days)}>
            {days} {days === 1 ? 'day' : 'days'}
          </option>
        ))}
      </SelectField>
      <RadiosField
        id={`${prefix}send`}
        legend="Send it now?"
        hint="It goes by text or email the way the young person chose, or to a parent or carer we may share with."
        error={errorFor(`${prefix}send`)}
        options={[
          { value: 'yes', label: 'Yes, send it' },
          { value: 'no', label: 'No, I will give the link in person' },
        ]}
        value={form.send}
        onChange={(send) => setForm({ ...form, send })}
      />
      <button className="nhsuk-button" type="submit">
        {isSending ? 'Making the link…' : 'Make the link'}
      </button>
    </form>
  );
}

function LinkOnce({ made, onDone }: { made: LinkCreated; onDone: () => void }) {
  const link = shareLink(window.location.origin, made.path);
  const { panelRef, copied, copy } = useCopyLink(link, 'questionnaire-link', 'Link copied.');
  return (
    <section
      className="nhsuk-card nhsuk-card--feature"
      tabIndex={-1}
      ref={panelRef}
      aria-labelledby="made-heading"
    >
      <div className="nhsuk-card__content nhsuk-card__content--feature">
        <h2 className="nhsuk-card__heading nhsuk-card__heading--feature" id="made-heading">
          Link made{made.sentText ? ` and sent ${made.sentText}` : ''}
        </h2>
        <p>It works once, until {formatDateTime(made.expiresAt)}.</p>
        <NotShownAgainWarning>
          <p>Anyone with it can answer. Give it only to the person it is for.</p>
        </NotShownAgainWarning>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="questionnaire-link">
            Questionnaire link
          </label>
          <input
            className="nhsuk-input"
            id="questionnaire-link"
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={copy}>
          Copy the link
        </button>
        <p aria-live="polite">{copied}</p>
        <button className="nhsuk-button" type="button" onClick={onDone}>
          Done
        </button>
      </div>
    </section>
  );
}

/** Links made for this young person, newest first, with withdraw for those still waiting. */
export function LinksList({
  referralId,
  links,
  canWithdraw,
  onChanged,
}: {
  referralId: string;
  links: Links['items'];
  canWithdraw: boolean;
  onChanged: (words: string, isStale: boolean) => void;
}) {
  if (links.length === 0) return <p>No questionnaire links have been made yet.</p>;
  async function withdraw(link: Links['items'][number]) {
    try {
      await sendJson('POST', `${caseApi(referralId, 'questionnaire-links')}/${link.id}/withdraw`, undefined, {
        'if-match': `"${link.version}"`,
      });
      onChanged(`The ${link.instrumentName} link was withdrawn. It no longer works.`, false);
    } catch (error) {
      onChanged(
        statusOf(error) === 412 || statusOf(error) === 409
          ? 'This link changed while you were looking. Here is the latest.'
          : 'The link could not be withdrawn. Try again.',
        true,
      );
    }
  }
  return (
    <ResponsiveTable
      caption="Questionnaire links, newest first"
      headings={['Questionnaire', 'For', 'Status', 'Action']}
    >
      {links.map((link) => (
        <tr className="nhsuk-table__row" key={link.id}>
          <Cell heading="Questionnaire">
            {link.instrumentName}
            <br />
            <span className="nhsuk-body-s">Made {formatDateTime(link.createdAt)}</span>
          </Cell>
          <Cell heading="For">{respondentWords[link.respondent]}</Cell>
          <Cell heading="Status">
            {link.statusText}
            {link.status === 'waiting' && (
              <span className="nhsuk-body-s">
                <br />
                until {formatDateTime(link.expiresAt)}
              </span>
            )}
          </Cell>
          <Cell heading="Action">
            {canWithdraw && link.status === 'waiting' ? (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                onClick={() => withdraw(link)}
              >
                Withdraw<span className="nhsuk-u-visually-hidden"> the {link.instrumentName} link</span>
              </button>
            ) : (
              'None'
            )}
          </Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
