import { type FormEvent, useState } from 'react';
import type { PlanAction, WholeSchool } from '../../../contracts/schools.js';
import { planActionStatuses } from '../../../domain/schools/whole-school.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, RadiosField, SelectField, TextField, useFormErrors } from '../../components/form.js';
import type { Notice } from '../../components/notice.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { TextareaField } from '../triage/fields.js';
import { formatCalendarDate } from '../triage/triage-view.js';
import { checkPlanAction, emptyPlanAction, type PlanActionForm, planActionUpdate } from './schools-forms.js';
import { schoolApi, useCreate } from './schools-queries.js';
import { planStatus, problemLines, statusOf } from './schools-view.js';

type Tier = WholeSchool['tiers'][number];

/** One tier of the graduated model: who leads it, and the school's actions in it. */
export function TierSection({
  urn,
  tier,
  canRecord,
  onChanged,
}: {
  urn: string;
  tier: Tier;
  canRecord: boolean;
  onChanged: (notice: Notice) => void;
}) {
  const headings = ['What will be done', 'Who will do it', 'Due', 'Status'];
  return (
    <section aria-labelledby={`tier-${tier.tier}`}>
      <h3 id={`tier-${tier.tier}`}>
        Tier {tier.tier}: {tier.name}
      </h3>
      <p>{tier.description}</p>
      <p className="nhsuk-body-s">Led by: {tier.ledBy}.</p>
      {tier.actions.length === 0 ? (
        <p>No actions in this tier yet.</p>
      ) : (
        <ResponsiveTable caption={`Tier ${tier.tier} actions`} headings={headings}>
          {tier.actions.map((action) => (
            <tr className="nhsuk-table__row" key={action.id}>
              <Cell heading="What will be done">
                <span className="lantern-pre-line">{action.action}</span>
              </Cell>
              <Cell heading="Who will do it">{action.owner}</Cell>
              <Cell heading="Due">{action.dueOn ? formatCalendarDate(action.dueOn) : 'No date'}</Cell>
              <Cell heading="Status">
                {canRecord ? (
                  <StatusForm
                    key={`${action.id}-${action.version}`}
                    urn={urn}
                    action={action}
                    onChanged={onChanged}
                  />
                ) : (
                  <strong className={planStatus(action.status).tag}>{planStatus(action.status).label}</strong>
                )}
              </Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </section>
  );
}

/**
 * Changes how far an action has got. Sent with If-Match: the version on screen, so if someone else
 * changed the action first the server answers 412 and the page shows theirs instead.
 */
function StatusForm({
  urn,
  action,
  onChanged,
}: {
  urn: string;
  action: PlanAction;
  onChanged: (notice: Notice) => void;
}) {
  const [status, setStatus] = useState<PlanAction['status']>(action.status);
  const [isSending, setSending] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const id = `status-${action.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    setSending(true);
    try {
      const saved = await sendJson<PlanAction>(
        'PUT',
        schoolApi(urn, `plan-actions/${encodeURIComponent(action.id)}`),
        planActionUpdate(action, status),
        { 'if-match': `"${action.version}"` },
      );
      setError(undefined);
      onChanged({
        kind: 'saved',
        title: 'Saved',
        body: `“${saved.action}” is now ${planStatus(saved.status).label.toLowerCase()}.`,
      });
    } catch (problem) {
      if (statusOf(problem) === 412) {
        setError(undefined);
        onChanged({
          kind: 'stale',
          body: 'Someone else changed this action while you were looking at it. Here is the latest: check it and try again.',
        });
      } else {
        setError(problemLines(problem, 'status')[0]?.message);
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <SelectField
        id={id}
        label={
          <>
            Status<span className="nhsuk-u-visually-hidden"> of “{action.action}”</span>
          </>
        }
        error={error}
        value={status}
        onChange={(e) => setStatus(e.target.value as PlanAction['status'])}
      >
        {planActionStatuses.map((value) => (
          <option value={value} key={value}>
            {planStatus(value).label}
          </option>
        ))}
      </SelectField>
      <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit">
        {isSending ? 'Saving…' : 'Save status'}
        <span className="nhsuk-u-visually-hidden"> of “{action.action}”</span>
      </button>
    </form>
  );
}

const prefix = 'plan-';

/** Adds an action to the school's plan, in one tier. */
export function AddActionForm({
  urn,
  tiers,
  onAdded,
}: {
  urn: string;
  tiers: Tier[];
  onAdded: (notice: Notice) => void;
}) {
  const [form, setForm] = useState<PlanActionForm>(emptyPlanAction);
  const [isSending, setSending] = useState(false);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  const create = useCreate();
  const set = (patch: Partial<PlanActionForm>) => setForm((current) => ({ ...current, ...patch }));
  const err = (field: string) => errorFor(prefix + field);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = checkPlanAction(form, prefix);
    if ('errors' in checked) {
      show(checked.errors);
      return;
    }
    setSending(true);
    try {
      const added = await create<PlanAction>(schoolApi(urn, 'plan-actions'), checked.body);
      clear();
      setForm(emptyPlanAction);
      onAdded({ kind: 'saved', title: 'Saved', body: `Added to tier ${added.tier}: “${added.action}”.` });
    } catch (error) {
      show(problemLines(error, 'action', prefix, ['tier', 'action', 'owner', 'dueOn']));
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-action-heading">
      <h3 id="add-action-heading">Add an action to the plan</h3>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <RadiosField
        id={`${prefix}tier`}
        legend="Which tier is it in?"
        error={err('tier')}
        options={tiers.map((tier) => ({
          value: String(tier.tier),
          label: `Tier ${tier.tier}: ${tier.name}`,
        }))}
        value={form.tier}
        onChange={(tier) => set({ tier })}
      />
      <TextareaField
        id={`${prefix}action`}
        label="What will be done?"
        hint="For example, a mental health week for Year 9 in the spring term."
        error={err('action')}
        value={form.action}
        onChange={(action) => set({ action })}
        rows={3}
      />
      <TextField
        id={`${prefix}owner`}
        label="Who will do it?"
        hint="A role or a team, such as the SENCo or the mental health support team."
        width={20}
        error={err('owner')}
        value={form.owner}
        onChange={(e) => set({ owner: e.target.value })}
      />
      <TextField
        id={`${prefix}dueOn`}
        label="Due date (optional)"
        type="date"
        width={10}
        error={err('dueOn')}
        value={form.dueOn}
        onChange={(e) => set({ dueOn: e.target.value })}
      />
      <button className="nhsuk-button" type="submit">
        {isSending ? 'Adding…' : 'Add action'}
      </button>
    </form>
  );
}
