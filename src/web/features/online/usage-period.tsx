import { type FormEvent, useState } from 'react';
import {
  type UsagePreset,
  usagePeriod,
  usagePresetLabels,
  usagePresets,
} from '../../../domain/online/usage.js';
import { RadiosField, TextField } from '../../components/form.js';

export type UsageChoice = UsagePreset | 'custom';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The period in the address (?period=…, and from and to for a custom one); this month by default. */
export function parseUsagePeriod(params: URLSearchParams, today: string) {
  const asked = params.get('period') ?? 'this-month';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (asked === 'custom' && isoDate.test(from) && isoDate.test(to)) {
    return { choice: 'custom' as UsageChoice, from, to };
  }
  const preset = (usagePresets as readonly string[]).includes(asked) ? (asked as UsagePreset) : 'this-month';
  return { choice: preset as UsageChoice, ...usagePeriod(preset, today) };
}

/** Chooses the period; the choice goes into the address, so a reload or a shared link keeps it. */
export function UsagePeriodForm({
  choice,
  from,
  to,
  error,
  onChange,
}: {
  choice: UsageChoice;
  from: string;
  to: string;
  error: string | undefined;
  onChange: (params: Record<string, string>) => void;
}) {
  const [values, setValues] = useState({ choice, from, to });
  const [problem, setProblem] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (values.choice !== 'custom') {
      setProblem(undefined);
      onChange({ period: values.choice });
      return;
    }
    if (!isoDate.test(values.from) || !isoDate.test(values.to)) {
      setProblem('Enter the first and last day of the period');
      return;
    }
    setProblem(undefined);
    onChange({ period: 'custom', from: values.from, to: values.to });
  }

  const options = [
    ...usagePresets.map((preset) => ({ value: preset, label: usagePresetLabels[preset] })),
    { value: 'custom', label: 'Choose the dates' },
  ];
  return (
    <form onSubmit={submit} noValidate aria-label="Choose the period" className="nhsuk-u-margin-bottom-4">
      <RadiosField
        id="usage-period"
        legend="Period"
        options={options}
        value={values.choice}
        onChange={(next) => setValues({ ...values, choice: next as UsageChoice })}
      />
      {values.choice === 'custom' && (
        <div className="lantern-date-time">
          <TextField
            id="usage-from"
            label="From"
            type="date"
            width={10}
            error={problem ?? error}
            value={values.from}
            onChange={(e) => setValues({ ...values, from: e.target.value })}
          />
          <TextField
            id="usage-to"
            label="To"
            type="date"
            width={10}
            value={values.to}
            onChange={(e) => setValues({ ...values, to: e.target.value })}
          />
        </div>
      )}
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Show figures
      </button>
    </form>
  );
}
