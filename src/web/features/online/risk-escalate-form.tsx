import { type FormEvent, useState } from 'react';
import {
  type EscalationOut,
  type EscalationRaised,
  identityAnswers,
} from '../../../contracts/online-risk.js';
import { ErrorSummary, RadiosField, TextField, useFormErrors } from '../../components/form.js';
import { useIdempotentSend } from '../casework/episode-queries.js';
import { SummaryList, TextareaField } from '../triage/fields.js';
import {
  escalationStatusWords,
  formatLondonTime,
  identityWords,
  riskPaths,
  riskProblems,
} from './risk-view.js';

const identityOptions: Record<(typeof identityAnswers)[number], string> = {
  shared: 'Yes, they told me who they are',
  declined: 'No, they did not want to',
  'not-asked': 'I did not ask',
};

const identityFields = [
  ['givenName', 'First name', 20],
  ['familyName', 'Last name', 20],
  ['postcode', 'Postcode', 10],
  ['schoolName', 'School', 20],
  ['phone', 'Phone number', 20],
  ['location', 'Where are they now?', 20],
] as const;

/** "Escalate": tells the duty seniors at once and, if they shared who they are, refers to the front door. */
export function EscalateForm({ chatId, onSaved }: { chatId: string; onSaved: (text: string) => void }) {
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [identityShared, setIdentityShared] = useState('');
  const [details, setDetails] = useState<Record<string, string>>({});
  const [isSending, setSending] = useState(false);
  const form = useFormErrors();
  const send = useIdempotentSend();
  const prefix = 'escalate-';
  const isShared = identityShared === 'shared';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    setSending(true);
    try {
      const body = { reason, identityShared, ...(isShared ? details : {}) };
      const raised = await send<EscalationRaised>(riskPaths.escalations(chatId), body);
      form.clear();
      setOpen(false);
      setReason('');
      setIdentityShared('');
      setDetails({});
      const referral = raised.escalation.referralReference
        ? ` A safeguarding referral ${raised.escalation.referralReference} is in the front door.`
        : '';
      onSaved(
        `Escalated (${raised.escalation.reference}). The duty seniors have been told.${referral}${raised.referralProblem ? ` ${raised.referralProblem}` : ''}`,
      );
    } catch (error) {
      form.show(riskProblems(error, 'reason', prefix));
    } finally {
      setSending(false);
    }
  }

  if (!isOpen) {
    return (
      <button className="nhsuk-button nhsuk-button--warning" type="button" onClick={() => setOpen(true)}>
        Escalate
      </button>
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="escalate-heading">
      <h3 id="escalate-heading">Escalate to the duty senior</h3>
      <ErrorSummary ref={form.summaryRef} errors={form.errors} />
      <TextareaField
        id={`${prefix}reason`}
        label="Why are you escalating?"
        hint="What they told you and why you think they are at risk."
        error={form.errorFor(`${prefix}reason`)}
        value={reason}
        onChange={setReason}
      />
      <RadiosField
        id={`${prefix}identityShared`}
        legend="Did they tell you who they are?"
        error={form.errorFor(`${prefix}identityShared`)}
        options={identityAnswers.map((value) => ({ value, label: identityOptions[value] }))}
        value={identityShared}
        onChange={setIdentityShared}
      />
      {isShared && (
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">What they told you</legend>
          <p className="nhsuk-hint">
            Fill in what they gave. A referral needs a first name, last name and date of birth.
          </p>
          {identityFields.slice(0, 2).map(([name, label, width]) => (
            <TextField
              key={name}
              id={`${prefix}${name}`}
              label={label}
              width={width}
              error={form.errorFor(`${prefix}${name}`)}
              value={details[name] ?? ''}
              onChange={(e) => setDetails({ ...details, [name]: e.target.value })}
            />
          ))}
          <TextField
            id={`${prefix}dateOfBirth`}
            label="Date of birth"
            width={10}
            type="date"
            error={form.errorFor(`${prefix}dateOfBirth`)}
            value={details.dateOfBirth ?? ''}
            onChange={(e) => setDetails({ ...details, dateOfBirth: e.target.value })}
          />
          {identityFields.slice(2).map(([name, label, width]) => (
            <TextField
              key={name}
              id={`${prefix}${name}`}
              label={label}
              width={width}
              error={form.errorFor(`${prefix}${name}`)}
              value={details[name] ?? ''}
              onChange={(e) => setDetails({ ...details, [name]: e.target.value })}
            />
          ))}
        </fieldset>
      )}
      <div className="nhsuk-button-group">
        <button className="nhsuk-button nhsuk-button--warning" type="submit" disabled={isSending}>
          Escalate now
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** One escalation as staff read it: when, why, who they said they are, and where it has got to. */
export function EscalationSummary({ escalation: e }: { escalation: EscalationOut }) {
  const who = e.identity;
  const rows: [string, string][] = [
    ['Reference', e.reference],
    ['Raised', `${formatLondonTime(e.raisedAt)} by ${e.raisedByName}`],
    ['Reason', e.reason],
    ['Who they are', identityWords[e.identityShared] ?? e.identityShared],
    ...(who
      ? ([
          ['Name', [who.givenName, who.familyName].filter(Boolean).join(' ')],
          ['Date of birth', who.dateOfBirth ?? 'Not given'],
          ['Postcode', who.postcode ?? 'Not given'],
          ['School', who.schoolName ?? 'Not given'],
          ['Phone', who.phone ?? 'Not given'],
          ['Where they are now', who.location ?? 'Not given'],
        ] as [string, string][])
      : []),
    ['Status', escalationStatusWords[e.status] ?? e.status],
    ['Duty senior', e.dutySeniorName ?? 'Not yet'],
    ['Front door referral', e.referralReference ?? 'None'],
    ...(e.outcome ? ([['Outcome', e.outcome]] as [string, string][]) : []),
  ];
  return <SummaryList rows={rows} />;
}
