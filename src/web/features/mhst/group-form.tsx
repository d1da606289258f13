import { type FormEvent, useState } from 'react';
import { ErrorSummary, TextField, useFormErrors } from '../../components/form.js';
import { ConditionalRadios, TextareaField } from '../triage/fields.js';
import { checkGroup, type GroupForm as Form, isStale, problemLines } from './mhst-forms.js';
import { type AllocationTarget, postAllocation } from './suggestion-cards.js';

const empty: Form = { choice: '', newName: '', reason: '' };

/** Puts the young person on a group's waiting list: a group the team already runs, or a new one. */
export function GroupForm({
  target,
  groups,
  currentGroup,
  onAllocated,
  onStale,
}: {
  target: AllocationTarget;
  groups: string[];
  currentGroup: string | null;
  onAllocated: (groupName: string) => void;
  onStale: () => void;
}) {
  const [form, setForm] = useState<Form>(empty);
  const [isSending, setSending] = useState(false);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  const options = [
    ...groups.filter((group) => group !== currentGroup).map((group) => ({ value: group, label: group })),
    { value: 'new', label: 'A new group' },
  ];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = checkGroup(form);
    if ('errors' in checked) {
      show(checked.errors);
      return;
    }
    setSending(true);
    try {
      await postAllocation(target, checked.body);
      clear();
      setForm(empty);
      onAllocated(checked.body.groupName);
    } catch (error) {
      if (isStale(error)) {
        clear();
        onStale();
      } else {
        show(
          problemLines(error, 'reason', (name) =>
            name === 'groupName'
              ? form.choice === 'new'
                ? 'group-new-name'
                : 'group-choice'
              : 'group-reason',
          ),
        );
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <section aria-labelledby="group-heading">
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} ref={summaryRef} />
        <ConditionalRadios
          id="group-choice"
          legend={<span id="group-heading">Or put them on a group waiting list</span>}
          error={errorFor('group-choice')}
          options={options}
          value={form.choice}
          onChange={(choice) => setForm({ ...form, choice })}
          reveal={(value) =>
            value === 'new' ? (
              <TextField
                id="group-new-name"
                label="Name of the new group"
                hint="For example, “Worry group, Year 7, spring term”."
                width={20}
                autoComplete="off"
                error={errorFor('group-new-name')}
                value={form.newName}
                onChange={(e) => setForm({ ...form, newName: e.target.value })}
              />
            ) : null
          }
        />
        <TextareaField
          id="group-reason"
          label="Reason for the group"
          hint="For example, what the group offers that fits what they asked for."
          error={errorFor('group-reason')}
          value={form.reason}
          onChange={(reason) => setForm({ ...form, reason })}
          rows={3}
        />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          {isSending ? 'Saving…' : 'Put on the group waiting list'}
        </button>
      </form>
    </section>
  );
}
