import { type FormEvent, useState } from 'react';
import type { Problem } from '../../../contracts/problem.js';
import { parseCalendarDate } from '../../../domain/people/child-details.js';
import { periodProblem } from '../../../domain/reporting/mhsds/period.js';
import { ErrorSummary, type FieldError, TextField, useFormErrors } from '../../components/form.js';
import { PageTitle } from '../../components/layout.js';

const fieldIds = { from: 'mhsds-from', to: 'mhsds-to' } as const;
const words: Record<string, string> = {
  'must be on or before the end of the period': 'The From date must be on or before the To date',
  'must be within 12 months of the start': 'The To date must be less than 12 months after the From date',
};

/** The errors for a period, checked here with the same rule as the server's. */
function periodErrors(from: string, to: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!parseCalendarDate(from))
    errors.push({ field: fieldIds.from, message: 'Enter the first day of the period' });
  if (!parseCalendarDate(to))
    errors.push({ field: fieldIds.to, message: 'Enter the last day of the period' });
  if (errors.length > 0) return errors;
  const problem = periodProblem(from, to);
  return problem
    ? [{ field: fieldIds[problem.field], message: words[problem.reason] ?? problem.reason }]
    : [];
}

/** The server's answer to a period it refused, as field errors. */
function serverErrors(problem: Problem | null): FieldError[] {
  return (problem?.invalidParams ?? []).map((p) => ({
    field: p.name === 'to' ? fieldIds.to : fieldIds.from,
    message:
      words[p.reason] ?? `Check the ${p.name === 'to' ? 'end' : 'start'} of the period: it ${p.reason}`,
  }));
}

/**
 * Chooses the export's period; it goes into the address, so a reload or a shared link keeps it.
 * It also sets the page's title, which starts "Error:" whenever the form shows an error.
 */
export function MhsdsPeriodForm({
  title,
  from,
  to,
  serverProblem,
  onChange,
}: {
  title: string;
  from: string;
  to: string;
  serverProblem: Problem | null;
  onChange: (params: Record<string, string>) => void;
}) {
  const [values, setValues] = useState({ from, to });
  const form = useFormErrors();
  const shown = form.errors.length > 0 ? form.errors : serverErrors(serverProblem);
  const errorFor = (field: string) => shown.find((e) => e.field === field)?.message;

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors = periodErrors(values.from, values.to);
    if (errors.length > 0) {
      form.show(errors);
      return;
    }
    form.clear();
    onChange({ from: values.from, to: values.to });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Choose the period" className="nhsuk-u-margin-bottom-4">
      <PageTitle title={title} hasError={shown.length > 0} />
      <ErrorSummary ref={form.summaryRef} errors={shown} />
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Period (up to 12 months)</legend>
        <div className="lantern-date-time">
          <TextField
            id={fieldIds.from}
            label="From"
            type="date"
            width={10}
            error={errorFor(fieldIds.from)}
            value={values.from}
            onChange={(e) => setValues({ ...values, from: e.target.value })}
          />
          <TextField
            id={fieldIds.to}
            label="To"
            type="date"
            width={10}
            error={errorFor(fieldIds.to)}
            value={values.to}
            onChange={(e) => setValues({ ...values, to: e.target.value })}
          />
        </div>
      </fieldset>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Show tables
      </button>
    </form>
  );
}
