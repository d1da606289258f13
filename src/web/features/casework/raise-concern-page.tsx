import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import type { ReferralConcerns } from '../../../contracts/safeguarding.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { concernCategories } from '../../../domain/safeguarding/concerns.js';
import { ErrorSummary, RadiosField, SelectField, useFormErrors } from '../../components/form.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { useNotice } from '../../components/notice.js';
import { TextareaField } from '../triage/fields.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { formatDateTime, problemLines } from '../triage/triage-view.js';
import { useIdempotentSend } from './episode-queries.js';
import { concernsUrl, useReferralConcerns, useRefresh } from './notes-queries.js';
import { ConcernActions, ConcernStatusTag, categoryWords } from './safeguarding-parts.js';
import './notes-page.css';

const categoryOptions = Object.entries(concernCategories).map(([value, label]) => ({ value, label }));

/** Raise a safeguarding concern about a young person; see the ones raised before and what was done. */
export function RaiseConcernPage() {
  const { referralId = '' } = useParams();
  const { allowed, gate } = useStaffAccess('safeguarding:raise', 'raise a safeguarding concern');
  const found = useReferralConcerns(referralId, allowed);
  const refresh = useRefresh('safeguarding');
  const notice = useNotice();
  if (gate) return gate;
  if (found.isPending) return <p aria-live="polite">Loading…</p>;
  if (found.isError) return <LoadError error={found.error} />;
  const data = found.data;
  return (
    <>
      <PageTitle title={`Safeguarding concern for ${data.reference}`} />
      <BackLink to={webPaths.caseloadReferral.replace(':referralId', referralId)}>
        Back to the record
      </BackLink>
      {notice.element}
      <h1>
        <span className="nhsuk-caption-l">
          {data.reference}
          <span className="nhsuk-u-visually-hidden">,</span> {data.childName}
        </span>
        Raise a safeguarding concern
      </h1>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          If a child is in immediate danger, call 999 first. Then record the concern here: your organisation’s
          safeguarding lead is told straight away.
        </p>
      </div>
      <RaiseConcernForm
        referralId={referralId}
        data={data}
        onSaved={() => {
          void refresh();
          notice.announce({ kind: 'saved', body: 'Concern raised. Your safeguarding lead has been told.' });
        }}
      />
      <section aria-labelledby="raised-heading">
        <h2 id="raised-heading">Concerns raised about this young person</h2>
        {data.items.length === 0 ? (
          <p>None have been raised.</p>
        ) : (
          data.items.map((c) => (
            <article className="nhsuk-card" key={c.id} aria-labelledby={`concern-${c.id}`}>
              <div className="nhsuk-card__content">
                <h3 className="nhsuk-card__heading nhsuk-heading-s" id={`concern-${c.id}`}>
                  {categoryWords(c.category)}, raised {formatDateTime(c.raisedAt)} by {c.raisedByName}
                </h3>
                <p>
                  <ConcernStatusTag status={c.status} />
                </p>
                <p className="lantern-note-body">{c.concern}</p>
                {c.outcome && <p>Outcome: {c.outcome}</p>}
                <ConcernActions concern={c} />
              </div>
            </article>
          ))
        )}
      </section>
    </>
  );
}

function RaiseConcernForm({
  referralId,
  data,
  onSaved,
}: {
  referralId: string;
  data: ReferralConcerns;
  onSaved: () => void;
}) {
  const empty = { category: '', concern: '', immediateAction: '', contactId: '' };
  const [form, setForm] = useState(empty);
  const [isSending, setSending] = useState(false);
  const send = useIdempotentSend();
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  const set = (change: Partial<typeof empty>) => setForm({ ...form, ...change });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const problems = [
      ...(form.category ? [] : [{ field: 'raise-category', message: 'Choose what the concern is about' }]),
      ...(form.concern.trim().length >= 10
        ? []
        : [{ field: 'raise-concern', message: 'Describe the concern' }]),
    ];
    if (problems.length > 0) {
      show(problems);
      return;
    }
    setSending(true);
    try {
      await send(concernsUrl(referralId), { ...form, contactId: form.contactId || null });
      clear();
      setForm(empty);
      onSaved();
    } catch (error) {
      show(problemLines(error, 'concern', 'raise-'));
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="raise-heading">
      <h2 id="raise-heading">New concern</h2>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <RadiosField
        id="raise-category"
        legend="What is the concern about?"
        error={errorFor('raise-category')}
        options={categoryOptions}
        value={form.category}
        onChange={(category) => set({ category })}
      />
      <TextareaField
        id="raise-concern"
        label="What is the concern?"
        hint="What you saw or were told, in the words used, and when."
        error={errorFor('raise-concern')}
        value={form.concern}
        onChange={(concern) => set({ concern })}
        rows={6}
      />
      <TextareaField
        id="raise-immediateAction"
        label="What have you done already? (optional)"
        hint="For example, told the school’s designated safeguarding lead."
        error={errorFor('raise-immediateAction')}
        value={form.immediateAction}
        onChange={(immediateAction) => set({ immediateAction })}
        rows={3}
      />
      {data.contacts.length > 0 && (
        <SelectField
          id="raise-contactId"
          label="Did it come up at an appointment? (optional)"
          error={errorFor('raise-contactId')}
          value={form.contactId}
          onChange={(e) => set({ contactId: e.target.value })}
        >
          <option value="">Not at an appointment</option>
          {data.contacts.map((c) => (
            <option key={c.id} value={c.id}>
              {formatDateTime(c.startsAt)}
            </option>
          ))}
        </SelectField>
      )}
      <button className="nhsuk-button" type="submit">
        {isSending ? 'Raising…' : 'Raise concern'}
      </button>
    </form>
  );
}
