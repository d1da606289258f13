import { Fragment, type ReactNode } from 'react';
import { describedBy, HintAndError } from '../../components/form.js';

/**
 * Form fields the shared form components do not have yet, in the NHS.UK markup: checkboxes, a
 * textarea, the three-box date input and radios that reveal a follow-up question. With
 * `isPageHeading` the question is the page's h1, as on a one-question page.
 */
interface FieldProps {
  id: string;
  hint?: ReactNode;
  error?: string | undefined;
  isPageHeading?: boolean;
}

function Legend({ children, isPageHeading }: { children: ReactNode; isPageHeading: boolean | undefined }) {
  return isPageHeading ? (
    <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--l">
      <h1 className="nhsuk-fieldset__heading">{children}</h1>
    </legend>
  ) : (
    <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{children}</legend>
  );
}

const groupClass = (error: string | undefined) =>
  `nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`;

export interface Option {
  value: string;
  label: string;
  hint?: string;
  /** Shown under the option while it is chosen. */
  conditional?: ReactNode;
}

function Choices({
  type,
  id,
  options,
  isChecked,
  onToggle,
}: {
  type: 'radio' | 'checkbox';
  id: string;
  options: Option[];
  isChecked: (value: string) => boolean;
  onToggle: (value: string) => void;
}) {
  const block = type === 'radio' ? 'nhsuk-radios' : 'nhsuk-checkboxes';
  return (
    <div className={block}>
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${index + 1}`;
        const checked = isChecked(option.value);
        return (
          <Fragment key={option.value}>
            <div className={`${block}__item`}>
              <input
                className={`${block}__input`}
                id={optionId}
                name={id}
                type={type}
                value={option.value}
                checked={checked}
                onChange={() => onToggle(option.value)}
                aria-describedby={option.hint ? `${optionId}-item-hint` : undefined}
                aria-controls={option.conditional ? `conditional-${optionId}` : undefined}
              />
              <label className={`nhsuk-label ${block}__label`} htmlFor={optionId}>
                {option.label}
              </label>
              {option.hint && (
                <div className={`nhsuk-hint ${block}__hint`} id={`${optionId}-item-hint`}>
                  {option.hint}
                </div>
              )}
            </div>
            {option.conditional && (
              <div
                className={`${block}__conditional${checked ? '' : ` ${block}__conditional--hidden`}`}
                id={`conditional-${optionId}`}
              >
                {checked && option.conditional}
              </div>
            )}
          </Fragment>
        );
      })}
    </div>
  );
}

export function ChoiceField({
  id,
  legend,
  hint,
  error,
  isPageHeading,
  options,
  value,
  onChange,
}: FieldProps & { legend: ReactNode; options: Option[]; value: string; onChange: (value: string) => void }) {
  return (
    <div className={groupClass(error)}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <Legend isPageHeading={isPageHeading}>{legend}</Legend>
        <HintAndError id={id} hint={hint} error={error} />
        <Choices type="radio" id={id} options={options} isChecked={(v) => v === value} onToggle={onChange} />
      </fieldset>
    </div>
  );
}

export function CheckboxesField({
  id,
  legend,
  hint,
  error,
  isPageHeading,
  options,
  values,
  onChange,
}: FieldProps & {
  legend: ReactNode;
  options: Option[];
  values: string[];
  onChange: (values: string[]) => void;
}) {
  const toggle = (value: string) =>
    onChange(values.includes(value) ? values.filter((v) => v !== value) : [...values, value]);
  return (
    <div className={groupClass(error)}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <Legend isPageHeading={isPageHeading}>{legend}</Legend>
        <HintAndError id={id} hint={hint} error={error} />
        <Choices
          type="checkbox"
          id={id}
          options={options}
          isChecked={(v) => values.includes(v)}
          onToggle={toggle}
        />
      </fieldset>
    </div>
  );
}

export function TextareaField({
  id,
  label,
  hint,
  error,
  isPageHeading,
  value,
  onChange,
  rows = 5,
  maxLength,
}: FieldProps & {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength?: number;
}) {
  const labelElement = (
    <label className={`nhsuk-label ${isPageHeading ? 'nhsuk-label--l' : 'nhsuk-label--s'}`} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={groupClass(error)}>
      {isPageHeading ? <h1 className="nhsuk-label-wrapper">{labelElement}</h1> : labelElement}
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={rows}
        value={value}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

export function DateField({
  id,
  legend,
  hint,
  error,
  isPageHeading,
  value,
  onChange,
  isOwnBirthday = false,
}: FieldProps & {
  legend: ReactNode;
  /** Lets the browser offer the person's own date of birth; never for someone else's. */
  isOwnBirthday?: boolean;
  value: { day: string; month: string; year: string };
  onChange: (part: 'day' | 'month' | 'year', value: string) => void;
}) {
  // The error links to the first box, so the day box carries the field's id.
  const parts = [
    { part: 'day', label: 'Day', inputId: id, width: 2, autoComplete: 'bday-day' },
    { part: 'month', label: 'Month', inputId: `${id}-month`, width: 2, autoComplete: 'bday-month' },
    { part: 'year', label: 'Year', inputId: `${id}-year`, width: 4, autoComplete: 'bday-year' },
  ] as const;
  return (
    <div className={groupClass(error)}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <Legend isPageHeading={isPageHeading}>{legend}</Legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div className="nhsuk-date-input" id={`${id}-date`}>
          {parts.map(({ part, label, inputId, width, autoComplete }) => (
            <div className="nhsuk-date-input__item" key={part}>
              <div className="nhsuk-form-group">
                <label className="nhsuk-label nhsuk-date-input__label" htmlFor={inputId}>
                  {label}
                </label>
                <input
                  className={`nhsuk-input nhsuk-date-input__input nhsuk-input--width-${width}${error ? ' nhsuk-input--error' : ''}`}
                  id={inputId}
                  name={inputId}
                  type="text"
                  inputMode="numeric"
                  autoComplete={isOwnBirthday ? autoComplete : 'off'}
                  value={value[part]}
                  onChange={(e) => onChange(part, e.target.value)}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
