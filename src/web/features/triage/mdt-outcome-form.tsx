import { type FormEvent, useState } from 'react';
import { sendJson } from '../../api.js';
import { ErrorSummary, TextField, useFormErrors } from '../../components/form.js';
import { TextareaField } from './fields.js';
import { type ActionForm, checkOutcome, emptyAction } from './triage-forms.js';
import type { Meeting } from './triage-queries.js';
import { problemLines } from './triage-view.js';

/**
 * The shared decision for one agenda item, and who will do what by when. Field ids carry the
 * item's id so that several items' forms can be on the page at once.
 */
export function MdtOutcomeForm({
  meetingId,
  itemId,
  childName,
  onSaved,
}: {
  meetingId: string;
  itemId: string;
  childName: string;
  onSaved: (meeting: Meeting) => void;
}) {
  const prefix = `item-${itemId}-`;
  const [sharedDecision, setSharedDecision] = useState('');
  const [actions, setActions] = useState<ActionForm[]>([{ ...emptyAction }]);
  const [isSending, setSending] = useState(false);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  const setAction = (index: number, change: Partial<ActionForm>) =>
    setActions(actions.map((action, i) => (i === index ? { ...action, ...change } : action)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = checkOutcome(sharedDecision, actions, prefix);
    if ('errors' in checked) {
      show(checked.errors);
      return;
    }
    setSending(true);
    try {
      const meeting = await sendJson<Meeting>(
        'POST',
        `/api/mdt/meetings/${encodeURIComponent(meetingId)}/agenda/${encodeURIComponent(itemId)}/outcome`,
        checked.body,
      );
      clear();
      onSaved(meeting);
    } catch (error) {
      show(problemLines(error, 'sharedDecision', prefix));
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <TextareaField
        id={`${prefix}sharedDecision`}
        label={`What did the agencies agree for ${childName}?`}
        error={errorFor(`${prefix}sharedDecision`)}
        value={sharedDecision}
        onChange={setSharedDecision}
        rows={3}
      />
      {actions.map((action, index) => {
        const id = (field: keyof ActionForm) => `${prefix}actions.${index}.${field}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved; removing one re-renders the rest
          <fieldset className="nhsuk-fieldset" key={index}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
              Action {index + 1} (optional)
            </legend>
            <TextField
              id={id('description')}
              label="What will be done"
              width={20}
              error={errorFor(id('description'))}
              value={action.description}
              onChange={(e) => setAction(index, { description: e.target.value })}
            />
            <TextField
              id={id('ownerName')}
              label="Who will do it"
              width={20}
              autoComplete="off"
              error={errorFor(id('ownerName'))}
              value={action.ownerName}
              onChange={(e) => setAction(index, { ownerName: e.target.value })}
            />
            <TextField
              id={id('ownerAgency')}
              label="Their agency"
              width={20}
              error={errorFor(id('ownerAgency'))}
              value={action.ownerAgency}
              onChange={(e) => setAction(index, { ownerAgency: e.target.value })}
            />
            <TextField
              id={id('dueOn')}
              label="Due by"
              type="date"
              width={10}
              error={errorFor(id('dueOn'))}
              value={action.dueOn}
              onChange={(e) => setAction(index, { dueOn: e.target.value })}
            />
            {actions.length > 1 && (
              <button
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                type="button"
                onClick={() => setActions(actions.filter((_, i) => i !== index))}
              >
                Remove action {index + 1}
              </button>
            )}
          </fieldset>
        );
      })}
      <div className="nhsuk-button-group">
        {actions.length < 20 && (
          <button
            className="nhsuk-button nhsuk-button--secondary"
            type="button"
            onClick={() => setActions([...actions, { ...emptyAction }])}
          >
            Add another action
          </button>
        )}
        <button className="nhsuk-button" type="submit">
          {isSending ? 'Saving…' : 'Save the outcome'}
        </button>
      </div>
    </form>
  );
}
