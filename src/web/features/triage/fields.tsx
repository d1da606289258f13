import { Fragment, type ReactNode } from 'react';
import { describedBy, HintAndError } from '../../components/form.js';
import './triage.css';

// Fields the shared form components do not have yet (checkboxes, a text area, conditional radios),
// in the same NHS.UK markup: the error message sits under the label and is linked by aria-describedby.

const groupClass = (error: string | undefined) =>
  `nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`;

export function TextareaField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  rows = 4,
  maxLength,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength?: number;
}) {
  return (
    <div className={groupClass(error)}>
      <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={rows}
        maxLength={maxLength}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

export function CheckboxesField({
  id,
  legend,
  hint,
  error,
  options,
  values,
  onChange,
  isColumns = false,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: { value: string; label: string; hint?: string }[];
  values: string[];
  onChange: (values: string[]) => void;
  isColumns?: boolean;
}) {
  return (
    <div className={groupClass(error)}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div className={`nhsuk-checkboxes${isColumns ? ' lantern-radios-columns' : ''}`}>
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index + 1}`;
            const checked = values.includes(option.value);
            return (
              <div className="nhsuk-checkboxes__item" key={option.value}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={optionId}
                  name={id}
                  type="checkbox"
                  value={option.value}
                  checked={checked}
                  aria-describedby={option.hint ? `${optionId}-item-hint` : undefined}
                  onChange={() =>
                    onChange(checked ? values.filter((v) => v !== option.value) : [...values, option.value])
                  }
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint && (
                  <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${optionId}-item-hint`}>
                    {option.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** Radios where the chosen option can reveal more questions under it (NHS.UK conditional reveal). */
export function ConditionalRadios({
  id,
  legend,
  error,
  options,
  value,
  onChange,
  reveal,
}: {
  id: string;
  legend: ReactNode;
  error?: string | undefined;
  options: { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  reveal: (value: string) => ReactNode;
}) {
  return (
    <div className={groupClass(error)}>
      <fieldset className="nhsuk-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
          <h2 className="nhsuk-fieldset__heading">{legend}</h2>
        </legend>
        <HintAndError id={id} error={error} />
        <div className="nhsuk-radios nhsuk-radios--conditional">
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index + 1}`;
            const shown = value === option.value ? reveal(option.value) : null;
            return (
              <Fragment key={option.value}>
                <div className="nhsuk-radios__item">
                  <input
                    className="nhsuk-radios__input"
                    id={optionId}
                    name={id}
                    type="radio"
                    value={option.value}
                    checked={value === option.value}
                    onChange={() => onChange(option.value)}
                  />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={optionId}>
                    {option.label}
                  </label>
                </div>
                {shown && <div className="nhsuk-radios__conditional">{shown}</div>}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** An NHS.UK summary list of label and value rows; values are text or elements, never HTML strings. */
export function SummaryList({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="nhsuk-summary-list">
      {rows.map(([key, value]) => (
        <div className="nhsuk-summary-list__row" key={key}>
          <dt className="nhsuk-summary-list__key">{key}</dt>
          <dd className="nhsuk-summary-list__value lantern-pre-line">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
