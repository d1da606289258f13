import { forwardRef, type ReactNode, useEffect, useRef, useState } from 'react';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * The errors of one form, in the NHS.UK pattern: `show` lists them in the summary and moves focus
 * there, so screen reader and keyboard users hear them at once; `errorFor` gives a field its own.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<FieldError[]>([]);
  // Bumped by every show(), so showing the same errors again still moves focus to the summary.
  const [shown, setShown] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  // Focus once React has drawn the summary: a requestAnimationFrame can run before it exists.
  useEffect(() => {
    if (shown > 0) summaryRef.current?.focus();
  }, [shown]);
  return {
    errors,
    summaryRef,
    errorFor: (field: string) => errors.find((error) => error.field === field)?.message,
    show(next: FieldError[]) {
      setErrors(next);
      setShown((n) => n + 1);
    },
    clear: () => setErrors([]),
  };
}

/** Lists every error at the top of the page, each linking to its field (NHS.UK error summary). */
export const ErrorSummary = forwardRef<HTMLDivElement, { errors: FieldError[] }>(function ErrorSummary(
  { errors },
  ref,
) {
  if (errors.length === 0) return null;
  return (
    <div className="nhsuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading" id="error-summary-title">
          There is a problem
        </h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errors.map((error) => (
              <li key={error.field}>
                <a href={`#${error.field}`}>{error.message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
});

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}

/** The ids of a field's hint and error, for its aria-describedby. */
export function describedBy(id: string, hint: ReactNode, error: string | undefined) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <div className="nhsuk-hint" id={`${id}-hint`}>
      {hint}
    </div>
  ) : null;
}

function ErrorMessage({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <span className="nhsuk-error-message" id={`${id}-error`}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {error}
    </span>
  ) : null;
}

/** A field's hint, then its error message, in the NHS.UK markup. */
export function HintAndError({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: ReactNode;
  error?: string | undefined;
}) {
  return (
    <>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
    </>
  );
}

export function TextField({
  id,
  label,
  hint,
  error,
  width,
  ...input
}: FieldProps & { width: 2 | 3 | 4 | 5 | 10 | 20 } & Omit<
    React.InputHTMLAttributes<HTMLInputElement>,
    'id'
  >) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      <input
        className={`nhsuk-input nhsuk-input--width-${width}${error ? ' nhsuk-input--error' : ''}`}
        id={id}
        name={id}
        type="text"
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </div>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  children,
  ...select
}: FieldProps & { children: ReactNode } & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      <select
        className={`nhsuk-select${error ? ' nhsuk-select--error' : ''}`}
        id={id}
        name={id}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}

export function RadiosField({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  isColumns = false,
}: Omit<FieldProps, 'label'> & {
  legend: ReactNode;
  options: { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  isColumns?: boolean;
}) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} error={error} />
        <div className={`nhsuk-radios${isColumns ? ' lantern-radios-columns' : ''}`}>
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div className="nhsuk-radios__item" key={option.value}>
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
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
