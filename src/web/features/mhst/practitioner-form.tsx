import { type FormEvent, useState } from 'react';
import type { TeamCapacity } from '../../../contracts/mhst.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, TextField, useFormErrors } from '../../components/form.js';
import { CheckboxesField } from '../triage/fields.js';
import {
  checkPractitioner,
  type PractitionerForm as Form,
  isStale,
  problemLines,
  splitLanguages,
} from './mhst-forms.js';
import { weekdays } from './mhst-view.js';

type Practitioner = TeamCapacity['practitioners'][number];
type School = TeamCapacity['schools'][number];

function startingForm(practitioner: Practitioner): Form {
  const days: Record<string, number[]> = {};
  for (const day of practitioner.schoolDays) {
    days[day.schoolUrn] = [...(days[day.schoolUrn] ?? []), day.weekday];
  }
  return {
    capacity: String(practitioner.capacity),
    gender: practitioner.gender ?? '',
    languages: splitLanguages(practitioner.languages.join(',')).join(', '),
    days,
  };
}

const weekdayOptions = Object.entries(weekdays).map(([value, label]) => ({ value, label }));

/**
 * A practitioner's caseload capacity, gender, languages and days in each school, which the
 * allocation suggestions use. Sent with If-Match: the profile's version ("0" before the first save).
 */
export function PractitionerForm({
  teamId,
  practitioner,
  schools,
  onSaved,
  onStale,
}: {
  teamId: string;
  practitioner: Practitioner;
  schools: School[];
  onSaved: (text: string) => void;
  onStale: () => void;
}) {
  const prefix = `p-${practitioner.userId}-`;
  const [form, setForm] = useState<Form>(() => startingForm(practitioner));
  const [isSending, setSending] = useState(false);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = checkPractitioner(form, prefix);
    if ('errors' in checked) {
      show(checked.errors);
      return;
    }
    setSending(true);
    try {
      await sendJson(
        'PUT',
        `/api/mhst/teams/${encodeURIComponent(teamId)}/practitioners/${encodeURIComponent(practitioner.userId)}`,
        checked.body,
        { 'if-match': `"${practitioner.version}"` },
      );
      clear();
      onSaved(`${practitioner.displayName}’s capacity and school days were saved.`);
    } catch (error) {
      if (isStale(error)) {
        clear();
        onStale();
      } else {
        show(
          problemLines(error, 'caseloadCapacity', (name) =>
            name === 'caseloadCapacity'
              ? `${prefix}capacity`
              : name === 'schoolDays'
                ? `${prefix}days-${schools[0]?.urn ?? ''}`
                : `${prefix}${name}`,
          ),
        );
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <TextField
        id={`${prefix}capacity`}
        label="Caseload capacity"
        hint="How many young people they can work with at once."
        width={3}
        inputMode="numeric"
        autoComplete="off"
        error={errorFor(`${prefix}capacity`)}
        value={form.capacity}
        onChange={(e) => setForm({ ...form, capacity: e.target.value })}
      />
      <TextField
        id={`${prefix}gender`}
        label="Gender (optional)"
        hint="Used when a young person asks to see a woman or a man."
        width={10}
        autoComplete="off"
        error={errorFor(`${prefix}gender`)}
        value={form.gender}
        onChange={(e) => setForm({ ...form, gender: e.target.value })}
      />
      <TextField
        id={`${prefix}languages`}
        label="Languages they speak"
        hint="Separate them with commas, such as English, Polish."
        width={20}
        autoComplete="off"
        error={errorFor(`${prefix}languages`)}
        value={form.languages}
        onChange={(e) => setForm({ ...form, languages: e.target.value })}
      />
      <h3 className="nhsuk-heading-s">Days in schools</h3>
      <div className="lantern-mhst-days">
        {schools.map((school) => (
          <CheckboxesField
            key={school.urn}
            id={`${prefix}days-${school.urn}`}
            legend={school.name}
            options={weekdayOptions}
            values={(form.days[school.urn] ?? []).map(String)}
            onChange={(values) =>
              setForm({ ...form, days: { ...form.days, [school.urn]: values.map(Number) } })
            }
          />
        ))}
      </div>
      <button className="nhsuk-button" type="submit">
        {isSending ? 'Saving…' : `Save ${practitioner.displayName}’s details`}
      </button>
    </form>
  );
}
