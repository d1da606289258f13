import { type ReactNode, useEffect, useRef, useState } from 'react';
import { describedBy, HintAndError, TextField } from '../../components/form.js';
import './schools.css';

// Pieces the schools pages share: a date-and-time question, and the banner that says what happened.

/** A date and a time on a clock in England, as one question; the date box carries the error's id. */
export function DateTimeField({
  id,
  legend,
  hint,
  error,
  date,
  time,
  onDate,
  onTime,
}: {
  id: string;
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
            id={`${id}-time`}
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

export interface Notice {
  kind: 'saved' | 'important';
  text: string;
}

/** A page's banner saying what just happened; focus moves to it so screen readers announce it. */
export function useNotice() {
  const [notice, setNotice] = useState<Notice | null>(null);
  // Bumped on every announcement, so the same words twice still move focus.
  const [shown, setShown] = useState(0);
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shown === 0) return;
    banner.current?.focus();
    banner.current?.scrollIntoView?.();
  }, [shown]);
  return {
    notice,
    banner,
    announce(next: Notice) {
      setNotice(next);
      setShown((n) => n + 1);
    },
  };
}

export function NoticeBanner({
  notice,
  banner,
}: {
  notice: Notice | null;
  banner: React.RefObject<HTMLDivElement | null>;
}) {
  if (!notice) return null;
  const isSaved = notice.kind === 'saved';
  return (
    <div
      className={`nhsuk-notification-banner${isSaved ? ' nhsuk-notification-banner--success' : ''}`}
      role="alert"
      aria-labelledby="notice-title"
      tabIndex={-1}
      ref={banner}
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="notice-title">
          {isSaved ? 'Saved' : 'Important'}
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">{notice.text}</p>
      </div>
    </div>
  );
}

/** A school's page header: what the page is, under the school's name. */
export function SchoolHeading({ schoolName, title }: { schoolName: string; title: string }) {
  return (
    <h1>
      <span className="nhsuk-caption-l">{schoolName}</span>
      {title}
    </h1>
  );
}
