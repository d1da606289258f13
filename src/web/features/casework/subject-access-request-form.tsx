import { type FormEvent, useRef, useState } from 'react';
import {
  type Requester,
  requesterLabels,
  requesters,
  type SubjectAccessChild,
  type SubjectAccessPreview,
} from '../../../contracts/records.js';
import { ApiError } from '../../api.js';
import { ErrorSummary, RadiosField, TextField, useFormErrors } from '../../components/form.js';
import { useNotice } from '../../components/notice.js';
import { problemLines } from '../mhst/mhst-forms.js';
import { useSession } from '../staff/use-session.js';
import { newIdempotencyKey } from '../triage/triage-view.js';
import {
  downloadExport,
  previewRequest,
  type RequestChoice,
  useRefreshRequests,
} from './subject-access-api.js';

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

function carerLabel(carer: SubjectAccessChild['carers'][number]): string {
  const notes = [
    carer.hasParentalResponsibility ? null : 'no parental responsibility',
    carer.doNotShare ? 'marked do not share' : null,
  ].filter(Boolean);
  return `${carer.name} (${carer.relationship})${notes.length ? `: ${notes.join(', ')}` : ''}`;
}

/** Who is asking and when, what will be withheld, and the downloads. */
export function RequestForm({ child }: { child: SubjectAccessChild }) {
  const [requester, setRequester] = useState<Requester | ''>('');
  const [carerId, setCarerId] = useState('');
  const [receivedOn, setReceivedOn] = useState(today());
  const [preview, setPreview] = useState<SubjectAccessPreview | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const keys = useRef<Record<string, string>>({});
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  const notice = useNotice();
  const session = useSession();
  const refresh = useRefreshRequests();

  function choice(): RequestChoice | null {
    const missing = [
      requester ? null : { field: 'requester', message: 'Choose who is asking' },
      requester === 'parent' && !carerId
        ? { field: 'carer', message: 'Choose which parent or carer is asking' }
        : null,
      /^\d{4}-\d{2}-\d{2}$/.test(receivedOn)
        ? null
        : { field: 'received-on', message: 'Enter the date the request was received' },
    ].filter((e) => e !== null);
    if (missing.length > 0 || !requester) {
      show(missing);
      return null;
    }
    return { childId: child.id, requester, ...(requester === 'parent' ? { carerId } : {}) };
  }

  function changed() {
    setPreview(null);
    setRefusal(null);
  }

  async function check(event: FormEvent) {
    event.preventDefault();
    const chosen = choice();
    if (!chosen || isBusy) return;
    setBusy(true);
    changed();
    try {
      setPreview(await previewRequest(chosen));
      clear();
    } catch (error) {
      if (error instanceof ApiError && error.problem.status === 409) {
        clear();
        setRefusal(error.problem.detail ?? error.problem.title);
      } else show(problemLines(error, 'requester'));
    } finally {
      setBusy(false);
    }
  }

  async function download(format: 'json' | 'pdf') {
    const chosen = choice();
    if (!chosen || isBusy) return;
    const body = { ...chosen, receivedOn, format };
    const signature = JSON.stringify(body);
    keys.current[signature] ??= newIdempotencyKey();
    setBusy(true);
    try {
      await downloadExport(body, {
        csrfToken: session.data?.csrfToken ?? '',
        idempotencyKey: keys.current[signature],
      });
      clear();
      void refresh();
      notice.announce({
        kind: 'saved',
        body: `The ${format === 'pdf' ? 'PDF' : 'JSON file'} has been downloaded. The request is in the list of past requests.`,
      });
    } catch (error) {
      show(
        problemLines(error, 'received-on', (name) => (name === 'receivedOn' ? 'received-on' : 'requester')),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={check} noValidate aria-labelledby="request-heading">
      <ErrorSummary errors={errors} ref={summaryRef} />
      {notice.element}
      <h2 id="request-heading">The request</h2>
      <RadiosField
        id="requester"
        legend="Who is asking?"
        options={requesters.map((r) => ({ value: r, label: requesterLabels[r] }))}
        value={requester}
        error={errorFor('requester')}
        onChange={(value) => {
          setRequester(value as Requester);
          changed();
        }}
      />
      {requester === 'parent' && (
        <RadiosField
          id="carer"
          legend="Which parent or carer?"
          hint="Only someone with parental responsibility, and not marked do not share, can be given a copy."
          options={child.carers.map((c) => ({ value: c.id, label: carerLabel(c) }))}
          value={carerId}
          error={errorFor('carer')}
          onChange={(value) => {
            setCarerId(value);
            changed();
          }}
        />
      )}
      <TextField
        id="received-on"
        label="Date the request was received"
        hint="You have one month from this date to reply."
        type="date"
        width={10}
        value={receivedOn}
        max={today()}
        error={errorFor('received-on')}
        onChange={(event) => setReceivedOn(event.target.value)}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={isBusy}>
        Check what will be withheld
      </button>
      {refusal && (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            This request must be refused
          </h3>
          <p>{refusal}</p>
        </div>
      )}
      {preview && <PreviewPanel preview={preview} onDownload={download} isBusy={isBusy} />}
    </form>
  );
}

function PreviewPanel({
  preview,
  onDownload,
  isBusy,
}: {
  preview: SubjectAccessPreview;
  onDownload: (format: 'json' | 'pdf') => void;
  isBusy: boolean;
}) {
  const { withheld } = preview;
  return (
    <section aria-labelledby="preview-heading" className="nhsuk-card">
      <div className="nhsuk-card__content">
        <h3 id="preview-heading" className="nhsuk-card__heading">
          What {preview.requester.toLowerCase()} will get
        </h3>
        <p>
          {preview.itemsIncluded} {preview.itemsIncluded === 1 ? 'item' : 'items'} from the record.{' '}
          {withheld.total === 0 ? 'Nothing will be withheld.' : `${withheld.total} withheld:`}
        </p>
        {withheld.total > 0 && (
          <>
            <ul>
              {withheld.byCategory.map((c) => (
                <li key={c.category}>
                  {c.label}: {c.count}
                </li>
              ))}
            </ul>
            <h4>Why</h4>
            <ul>
              {withheld.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            <p>{withheld.legalBasis}</p>
          </>
        )}
        <div className="nhsuk-button-group">
          <button className="nhsuk-button" type="button" disabled={isBusy} onClick={() => onDownload('pdf')}>
            Download PDF
          </button>
          <button
            className="nhsuk-button nhsuk-button--secondary"
            type="button"
            disabled={isBusy}
            onClick={() => onDownload('json')}
          >
            Download JSON
          </button>
        </div>
      </div>
    </section>
  );
}
