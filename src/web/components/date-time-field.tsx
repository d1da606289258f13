import type { ReactNode } from 'react';
import { describedBy, HintAndError, TextField } from './form.js';

/**
 * A date and a time on a clock in England, as one question; the date box carries the error's id, so
 * the error summary's link lands on it. The time box is `${id}-time` unless `timeId` names it.
 */
export function DateTimeField({
  id,
  timeId = `${id}-time`,
  legend,
  hint,
  error,
  date,
  time,
  onDate,
  onTime,
}: {
  id: string;
  timeId?: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  date: string;
  time: string;
  onDate: (value: string) => void;
  onTime: (value: string) => void;
}) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div className="lantern-date-time">
          <TextField
            id={id}
            label="Date"
            type="date"
            width={10}
            value={date}
            onChange={(e) => onDate(e.target.value)}
          />
          <TextField
            id={timeId}
            label="Time (UK time)"
            type="time"
            width={10}
            value={time}
            onChange={(e) => onTime(e.target.value)}
          />
        </div>
      </fieldset>
    </div>
  );
}
