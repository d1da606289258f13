import { type FormEvent, useState } from 'react';
import type { ReferralChanged, TriageReferral } from '../../../contracts/triage.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, TextField, useFormErrors } from '../../components/form.js';
import { SummaryList } from './fields.js';
import { checkLeadWorker, type LeadWorkerForm as Form } from './triage-forms.js';
import { formatDate, isStale, problemLines } from './triage-view.js';

const empty: Form = { name: '', agency: '', phone: '' };

/** The lead worker the family and referrer are told about, and a form to name one. */
export function LeadWorkerSection({
  referral,
  onSaved,
  onStale,
}: {
  referral: TriageReferral;
  onSaved: (changed: ReferralChanged) => void;
  onStale: () => void;
}) {
  const [form, setForm] = useState<Form>(empty);
  const [isSending, setSending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  const lead = referral.leadWorker;
  const prefix = 'lead-';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = checkLeadWorker(form);
    if ('errors' in checked) {
      show(checked.errors.map((e) => ({ ...e, field: prefix + e.field })));
      return;
    }
    setSending(true);
    try {
      const saved = await sendJson<ReferralChanged>(
        'PUT',
        `/api/triage/referrals/${encodeURIComponent(referral.id)}/lead-worker`,
        checked.body,
        { 'if-match': `"${referral.version}"` },
      );
      clear();
      setForm(empty);
      setMessage(`${checked.body.name} is now the lead worker.`);
      onSaved(saved);
    } catch (error) {
      if (isStale(error)) {
        clear();
        onStale();
      } else {
        show(problemLines(error, 'name', prefix));
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <section aria-labelledby="lead-worker-heading">
      <h2 id="lead-worker-heading">Lead worker</h2>
      {lead ? (
        <SummaryList
          rows={[
            ['Name', lead.name],
            ['Agency', lead.agency],
            ['Phone', lead.phone ?? 'Not given'],
            ['Since', formatDate(lead.since)],
          ]}
        />
      ) : (
        <p>No lead worker has been named.</p>
      )}
      <p role="status">{message}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} ref={summaryRef} />
        <h3>{lead ? 'Change the lead worker' : 'Name a lead worker'}</h3>
        <TextField
          id={`${prefix}name`}
          label="Their name"
          width={20}
          autoComplete="off"
          error={errorFor(`${prefix}name`)}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <TextField
          id={`${prefix}agency`}
          label="Agency they work for"
          hint="For example, MHST or Early help."
          width={20}
          autoComplete="off"
          error={errorFor(`${prefix}agency`)}
          value={form.agency}
          onChange={(e) => setForm({ ...form, agency: e.target.value })}
        />
        <TextField
          id={`${prefix}phone`}
          label="Work phone number (optional)"
          type="tel"
          width={20}
          autoComplete="off"
          error={errorFor(`${prefix}phone`)}
          value={form.phone}
          onChange={(e) => setForm({ ...form, phone: e.target.value })}
        />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          {isSending ? 'Saving…' : 'Save lead worker'}
        </button>
      </form>
    </section>
  );
}
