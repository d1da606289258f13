import { type FormEvent, useState } from 'react';
import { type OnlineSettings, OnlineSettingsInput } from '../../../contracts/online-accounts.js';
import { ApiError, sendJson } from '../../api.js';
import {
  ErrorSummary,
  type FieldError,
  SelectField,
  TextField,
  useFormErrors,
} from '../../components/form.js';

// The duty senior's settings form: opening sessions (add and remove), ages, chat limit, alert timing.

const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface Row {
  key: number;
  dayOfWeek: string;
  opens: string;
  closes: string;
}

const hhmm = (time: string) => time.slice(0, 5);

/** Turns a schema error's path into the id of the input it is about. */
function fieldOf(path: readonly PropertyKey[], rows: Row[]): string {
  if (path[0] === 'openingHours' && typeof path[1] === 'number') {
    return `session-${rows[path[1]]?.key ?? 0}-${String(path[2] ?? 'opens')}`;
  }
  return String(path[0] ?? 'minAge');
}

/**
 * What an error message starts with, so the summary names the field: "Session 2 closing time must
 * be a time such as 18:00", or "Session 2 must close after it opens" (the check across both times).
 */
function labelOf(path: readonly PropertyKey[], field: string, isAcrossFields: boolean): string {
  if (path[0] === 'openingHours' && typeof path[1] === 'number') {
    const session = `Session ${path[1] + 1}`;
    if (isAcrossFields) return session;
    return `${session} ${path[2] === 'closes' ? 'closing time' : 'opening time'}`;
  }
  return labels[field] ?? 'This answer';
}

const labels: Record<string, string> = {
  minAge: 'Youngest age',
  maxAge: 'Oldest age',
  chatLimit: 'Chats at once',
  alertAcknowledgeMinutes: 'Minutes to acknowledge an alert',
  furtherEscalationEmail: 'Further escalation email',
};

export function SettingsForm({
  settings,
  onSaved,
  onStale,
}: {
  settings: OnlineSettings;
  onSaved: (text: string) => void;
  onStale: () => void;
}) {
  const [rows, setRows] = useState<Row[]>(() =>
    settings.openingHours.map((s, key) => ({
      key,
      dayOfWeek: String(s.dayOfWeek),
      opens: hhmm(s.opens),
      closes: hhmm(s.closes),
    })),
  );
  const [nextKey, setNextKey] = useState(settings.openingHours.length);
  const [values, setValues] = useState({
    minAge: String(settings.minAge),
    maxAge: String(settings.maxAge),
    chatLimit: String(settings.chatLimit),
    alertAcknowledgeMinutes: String(settings.alertAcknowledgeMinutes),
    furtherEscalationEmail: settings.furtherEscalationEmail ?? '',
  });
  const [isBusy, setIsBusy] = useState(false);
  const form = useFormErrors();
  const setRow = (key: number, change: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const numberOf = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = {
      openingHours: rows.map((row) => ({
        dayOfWeek: Number(row.dayOfWeek),
        opens: row.opens.trim(),
        closes: row.closes.trim(),
      })),
      minAge: numberOf(values.minAge),
      maxAge: numberOf(values.maxAge),
      chatLimit: numberOf(values.chatLimit),
      alertAcknowledgeMinutes: numberOf(values.alertAcknowledgeMinutes),
      furtherEscalationEmail: values.furtherEscalationEmail.trim() || null,
    };
    const parsed = OnlineSettingsInput.safeParse(body);
    if (!parsed.success) {
      const errors = new Map<string, FieldError>();
      for (const issue of parsed.error.issues) {
        const field = fieldOf(issue.path, rows);
        const label = labelOf(issue.path, field, issue.code === 'custom');
        if (!errors.has(field)) errors.set(field, { field, message: `${label} ${issue.message}` });
      }
      return form.show([...errors.values()]);
    }
    setIsBusy(true);
    try {
      await sendJson('PUT', '/api/online/settings', parsed.data, { 'if-match': `"${settings.version}"` });
      form.clear();
      onSaved('The settings were saved.');
    } catch (error) {
      if (error instanceof ApiError && error.problem.status === 412) return onStale();
      const message =
        error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : 'Try again.';
      form.show([{ field: 'minAge', message }]);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary ref={form.summaryRef} errors={form.errors} />
      <fieldset className="nhsuk-fieldset">
        {/* A heading in the legend, so each session's h3 sits under an h2 (axe: heading-order). */}
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
          <h2 className="nhsuk-fieldset__heading">Opening hours</h2>
        </legend>
        <p className="nhsuk-hint">London time, 24-hour clock. Use 00:00 to close at midnight.</p>
        {rows.length === 0 && <p>No opening hours: young people will be told you are closed.</p>}
        {rows.map((row, index) => (
          <div className="lantern-settings-session" key={row.key}>
            <h3 className="nhsuk-heading-xs">Session {index + 1}</h3>
            <SelectField
              id={`session-${row.key}-dayOfWeek`}
              label="Day"
              value={row.dayOfWeek}
              onChange={(e) => setRow(row.key, { dayOfWeek: e.target.value })}
            >
              {days.map((day, i) => (
                <option key={day} value={String(i + 1)}>
                  {day}
                </option>
              ))}
            </SelectField>
            <TextField
              id={`session-${row.key}-opens`}
              label="Opens"
              width={5}
              value={row.opens}
              onChange={(e) => setRow(row.key, { opens: e.target.value })}
              error={form.errorFor(`session-${row.key}-opens`)}
            />
            <TextField
              id={`session-${row.key}-closes`}
              label="Closes"
              width={5}
              value={row.closes}
              onChange={(e) => setRow(row.key, { closes: e.target.value })}
              error={form.errorFor(`session-${row.key}-closes`)}
            />
            <button
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
              type="button"
              onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
            >
              Remove session {index + 1}
            </button>
          </div>
        ))}
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          onClick={() => {
            setRows((current) => [
              ...current,
              { key: nextKey, dayOfWeek: '1', opens: '18:00', closes: '22:00' },
            ]);
            setNextKey((k) => k + 1);
          }}
        >
          Add a session
        </button>
      </fieldset>
      <h2 className="nhsuk-heading-m">Who it is for, and how chats and alerts run</h2>
      {(['minAge', 'maxAge', 'chatLimit', 'alertAcknowledgeMinutes'] as const).map((name) => (
        <TextField
          key={name}
          id={name}
          label={labels[name]}
          hint={name === 'chatLimit' ? 'How many chats one counsellor may hold at once' : undefined}
          width={3}
          inputMode="numeric"
          value={values[name]}
          onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
          error={form.errorFor(name)}
        />
      ))}
      <TextField
        id="furtherEscalationEmail"
        label="Further escalation email (optional)"
        hint="Who hears when no duty senior acknowledges an alert in time, such as a manager on call"
        width={20}
        type="email"
        value={values.furtherEscalationEmail}
        onChange={(e) => setValues((v) => ({ ...v, furtherEscalationEmail: e.target.value }))}
        error={form.errorFor('furtherEscalationEmail')}
      />
      <button className="nhsuk-button" type="submit" disabled={isBusy}>
        Save settings
      </button>
    </form>
  );
}
