import { type FormEvent, useRef, useState } from 'react';
import type { GroupCandidates, GroupSessionSaved } from '../../../contracts/group-therapy.js';
import { attendStatuses } from '../../../domain/waiting/clocks.js';
import { sendJson } from '../../api.js';
import { DateTimeField } from '../../components/date-time-field.js';
import { ErrorSummary, SelectField, TextField, useFormErrors } from '../../components/form.js';
import { attendWords } from '../mhst/clock-words.js';
import { problemLines } from '../mhst/mhst-forms.js';
import { keyFor, newIdempotencyKey } from '../triage/triage-view.js';
import {
  attendeeFieldId,
  checkGroupSession,
  emptyGroupSession,
  type GroupSessionForm,
  groupField,
} from './group-therapy-view.js';

const statusWords = { 'group-waiting-list': 'group waiting list', 'in-intervention': 'in intervention' };

/**
 * Records one group therapy session: the programme, when and where, and for each young person
 * expected whether they came. A retry never records it twice.
 */
export function GroupSessionFormSection({
  teamId,
  candidates,
  onSaved,
}: {
  teamId: string;
  candidates: GroupCandidates;
  onSaved: (text: string) => void;
}) {
  const [form, setForm] = useState<GroupSessionForm>(emptyGroupSession);
  const [isSending, setSending] = useState(false);
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  const people = [...candidates.items].sort(
    (a, b) => Number(b.status === 'group-waiting-list') - Number(a.status === 'group-waiting-list'),
  );

  function tick(referralId: string, isTicked: boolean) {
    const attendees = { ...form.attendees };
    if (isTicked) attendees[referralId] = '';
    else delete attendees[referralId];
    setForm({ ...form, attendees });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = checkGroupSession(form, teamId, people);
    if ('errors' in checked) {
      show(checked.errors);
      return;
    }
    attempt.current = keyFor(attempt.current, checked.body, newIdempotencyKey);
    setSending(true);
    try {
      const saved = await sendJson<GroupSessionSaved>('POST', '/api/group-therapy/sessions', checked.body, {
        'idempotency-key': attempt.current.key,
      });
      attempt.current = null;
      clear();
      setForm(emptyGroupSession);
      onSaved(
        `Group session recorded: ${checked.body.programme}, for ${saved.contacts} young ${
          saved.contacts === 1 ? 'person' : 'people'
        }.`,
      );
    } catch (error) {
      show(problemLines(error, 'startsAt', groupField));
    } finally {
      setSending(false);
    }
  }

  const attendeesError = errorFor('group-attendees');
  return (
    <form onSubmit={submit} noValidate aria-labelledby="record-heading">
      <h2 id="record-heading">Record a session</h2>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <TextField
        id="group-programme"
        label="Programme"
        hint='For example, "Managing worry" or "Feeling low"'
        width={20}
        error={errorFor('group-programme')}
        value={form.programme}
        onChange={(e) => setForm({ ...form, programme: e.target.value })}
      />
      <DateTimeField
        id="group-date"
        timeId="group-time"
        legend="When was it?"
        error={errorFor('group-date')}
        date={form.date}
        time={form.time}
        onDate={(date) => setForm({ ...form, date })}
        onTime={(time) => setForm({ ...form, time })}
      />
      <SelectField
        id="group-school"
        label="Where was it?"
        error={errorFor('group-school')}
        value={form.school}
        onChange={(e) => setForm({ ...form, school: e.target.value })}
      >
        <option value="">Not at a school</option>
        {candidates.schools.map((school) => (
          <option key={school.urn} value={school.urn}>
            {school.name}
          </option>
        ))}
      </SelectField>
      <div className={`nhsuk-form-group${attendeesError ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset
          className="nhsuk-fieldset"
          aria-describedby={`group-attendees-hint${attendeesError ? ' group-attendees-error' : ''}`}
        >
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Who was expected?</legend>
          <div className="nhsuk-hint" id="group-attendees-hint">
            Tick each young person, then say whether they came. Only young people on your team’s group waiting
            list or in intervention whom you can see are listed.
          </div>
          {attendeesError && (
            <span className="nhsuk-error-message" id="group-attendees-error">
              <span className="nhsuk-u-visually-hidden">Error:</span> {attendeesError}
            </span>
          )}
          {people.length === 0 ? (
            <p>There is nobody to choose yet.</p>
          ) : (
            <div className="nhsuk-checkboxes">
              {people.map((person, index) => {
                const id = index === 0 ? 'group-attendees' : `group-attendee-${person.referralId}`;
                const isTicked = person.referralId in form.attendees;
                const statusId = attendeeFieldId(person.referralId);
                return (
                  <div key={person.referralId}>
                    <div className="nhsuk-checkboxes__item">
                      <input
                        className="nhsuk-checkboxes__input"
                        id={id}
                        type="checkbox"
                        checked={isTicked}
                        onChange={(e) => tick(person.referralId, e.target.checked)}
                      />
                      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                        {person.childName}
                        <span className="nhsuk-hint nhsuk-u-margin-bottom-0">
                          {person.reference}, {statusWords[person.status]}
                          {person.groupName ? `: ${person.groupName}` : ''}
                        </span>
                      </label>
                    </div>
                    {isTicked && (
                      <div className="nhsuk-checkboxes__conditional">
                        <SelectField
                          id={statusId}
                          label={`Did ${person.childName} come?`}
                          error={errorFor(statusId)}
                          value={form.attendees[person.referralId] ?? ''}
                          onChange={(e) =>
                            setForm({
                              ...form,
                              attendees: {
                                ...form.attendees,
                                [person.referralId]: attendStatuses.find((s) => s === e.target.value) ?? '',
                              },
                            })
                          }
                        >
                          <option value="">Choose</option>
                          {attendStatuses.map((s) => (
                            <option key={s} value={s}>
                              {attendWords[s]}
                            </option>
                          ))}
                        </SelectField>
                      </div>
                    )}
                  </div>
                );
              })}
            </div>
          )}
        </fieldset>
      </div>
      <button className="nhsuk-button" type="submit">
        {isSending ? 'Recording…' : 'Record session'}
      </button>
    </form>
  );
}
