import { type FormEvent, useState } from 'react';
import type { ReferralChanged, TriageReferral } from '../../../contracts/triage.js';
import { thriveGroupings, thriveLabels } from '../../../domain/organisations/thrive.js';
import {
  declineReasons,
  priorities,
  triageDecisionKinds,
} from '../../../domain/referrals/triage-decisions.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, RadiosField, SelectField, useFormErrors } from '../../components/form.js';
import { CheckboxesField, ConditionalRadios, TextareaField } from './fields.js';
import { checkDecision, emptyDecision, type DecisionForm as Form } from './triage-forms.js';
import { declineWords, isStale, problemLines } from './triage-view.js';

export interface ServiceOption {
  slug: string;
  name: string;
  provider: string;
}

export interface TeamOption {
  id: string;
  name: string;
  service: string;
}

function startingForm(referral: TriageReferral): Form {
  return {
    ...emptyDecision,
    thriveGrouping: referral.thriveGrouping ?? '',
    priority: referral.priority ?? (referral.isUrgent ? 'urgent' : ''),
  };
}

/**
 * Records one triage decision. Sent with If-Match: the version the clinician was looking at, so
 * if someone else decided first the server answers 412 and the page shows the latest instead.
 */
export function DecisionForm({
  referral,
  services,
  teams,
  onSaved,
  onStale,
}: {
  referral: TriageReferral;
  services: ServiceOption[];
  teams: TeamOption[] | null;
  onSaved: (changed: ReferralChanged) => void;
  onStale: () => void;
}) {
  const [form, setForm] = useState<Form>(() => startingForm(referral));
  const [isSending, setSending] = useState(false);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  const set = <K extends keyof Form>(key: K, value: Form[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const kinds = Object.entries(triageDecisionKinds)
    .filter(([kind]) => !(kind === 'mdt' && referral.status === 'awaiting-mdt'))
    .map(([value, label]) => ({ value, label }));
  const serviceOptions = services.map((s) => ({ value: s.slug, label: s.name, hint: s.provider }));
  const chosenService = services.find((s) => s.slug === form.service);
  const serviceTeams = (teams ?? []).filter((team) => !chosenService || team.service === chosenService.name);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = checkDecision(form);
    if ('errors' in checked) {
      show(checked.errors);
      return;
    }
    setSending(true);
    try {
      const saved = await sendJson<ReferralChanged>(
        'POST',
        `/api/triage/referrals/${encodeURIComponent(referral.id)}/decisions`,
        checked.body,
        { 'if-match': `"${referral.version}"` },
      );
      clear();
      onSaved(saved);
    } catch (error) {
      if (isStale(error)) {
        clear();
        onStale();
      } else {
        show(problemLines(error, 'kind'));
      }
    } finally {
      setSending(false);
    }
  }

  function reveal(kind: string) {
    switch (kind) {
      case 'accept':
        return (
          <>
            <SelectField
              id="service"
              label="Service that will help"
              error={errorFor('service')}
              value={form.service}
              onChange={(e) => setForm({ ...form, service: e.target.value, teamId: '' })}
            >
              <option value="">Choose a service</option>
              {services.map((s) => (
                <option value={s.slug} key={s.slug}>
                  {s.name} ({s.provider})
                </option>
              ))}
            </SelectField>
            {teams && serviceTeams.length > 0 && (
              <SelectField
                id="teamId"
                label="Team (optional)"
                error={errorFor('teamId')}
                value={form.teamId}
                onChange={(e) => set('teamId', e.target.value)}
              >
                <option value="">No particular team</option>
                {serviceTeams.map((team) => (
                  <option value={team.id} key={team.id}>
                    {team.name}
                  </option>
                ))}
              </SelectField>
            )}
          </>
        );
      case 'signpost':
        return (
          <>
            <CheckboxesField
              id="signpostedTo"
              legend="Services to point them to"
              hint="Choose all that apply."
              error={errorFor('signpostedTo')}
              options={serviceOptions}
              values={form.signpostedTo}
              onChange={(values) => set('signpostedTo', values)}
            />
            <TextareaField
              id="informationSent"
              label="Information sent"
              hint="What you sent to the family or referrer, such as leaflets, links or phone numbers."
              error={errorFor('informationSent')}
              value={form.informationSent}
              onChange={(value) => set('informationSent', value)}
            />
          </>
        );
      case 'more-information':
        return (
          <TextareaField
            id="question"
            label="What do you need to know?"
            hint="The referrer sees this question on their list of referrals."
            error={errorFor('question')}
            value={form.question}
            onChange={(value) => set('question', value)}
          />
        );
      case 'decline': {
        const chosen = declineWords(form.declineReason);
        return (
          <>
            <RadiosField
              id="declineReason"
              legend="Why does this referral not meet the threshold?"
              error={errorFor('declineReason')}
              options={Object.entries(declineReasons).map(([value, reason]) => ({
                value,
                label: reason.text,
              }))}
              value={form.declineReason}
              onChange={(value) => set('declineReason', value)}
            />
            {chosen && (
              <div className="nhsuk-inset-text" aria-live="polite">
                <span className="nhsuk-u-visually-hidden">Information: </span>
                <p>The referrer and family will be offered: {chosen.alternative}.</p>
              </div>
            )}
          </>
        );
      }
      case 'mdt':
        return <p>The referral will wait for the next multi-agency meeting. Nothing else is needed now.</p>;
      default:
        return null;
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="decision-heading">
      <ErrorSummary errors={errors} ref={summaryRef} />
      <ConditionalRadios
        id="kind"
        legend={<span id="decision-heading">Record a decision</span>}
        error={errorFor('kind')}
        options={kinds}
        value={form.kind}
        onChange={(value) => set('kind', value)}
        reveal={reveal}
      />
      <RadiosField
        id="thriveGrouping"
        legend="THRIVE grouping"
        hint="Chosen with the young person, by need rather than diagnosis."
        error={errorFor('thriveGrouping')}
        options={thriveGroupings.map((value) => ({ value, label: thriveLabels[value] }))}
        value={form.thriveGrouping}
        onChange={(value) => set('thriveGrouping', value)}
      />
      <RadiosField
        id="priority"
        legend="Priority"
        error={errorFor('priority')}
        options={Object.entries(priorities).map(([value, label]) => ({ value, label }))}
        value={form.priority}
        onChange={(value) => set('priority', value)}
      />
      <TextareaField
        id="notes"
        label="Notes (optional)"
        hint="For the clinical team. The referrer does not see these."
        error={errorFor('notes')}
        value={form.notes}
        onChange={(value) => set('notes', value)}
      />
      <button className="nhsuk-button" type="submit">
        {isSending ? 'Recording…' : 'Record decision'}
      </button>
    </form>
  );
}
