import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { sendJson } from '../../api.js';
import { DateTimeField } from '../../components/date-time-field.js';
import { ErrorSummary, TextField, useFormErrors } from '../../components/form.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { CheckboxesField } from './fields.js';
import { LoadError, useStaffAccess } from './staff-access.js';
import { checkMeeting, commonAgencies, type MeetingForm } from './triage-forms.js';
import { useMdtMeetings, useRefreshTriage, useTriageQueue } from './triage-queries.js';
import {
  formatDate,
  formatDateTime,
  hasPermission,
  keyFor,
  mdtMeetingPath,
  newIdempotencyKey,
  problemLines,
} from './triage-view.js';

const empty: MeetingForm = { date: '', time: '', agencies: [], otherAgencies: '', referralIds: [] };

/** Multi-agency meetings: the list, and a form to arrange one with referrals awaiting discussion. */
export function MdtMeetingsPage() {
  const navigate = useNavigate();
  const { allowed, gate, permissions } = useStaffAccess('mdt:manage', 'manage multi-agency meetings');
  const meetings = useMdtMeetings(allowed);
  const canSeeQueue = allowed && hasPermission(permissions, 'referral:triage');
  const awaiting = useTriageQueue('awaiting-mdt', canSeeQueue);
  const refresh = useRefreshTriage();
  const [form, setForm] = useState<MeetingForm>(empty);
  const [hasOther, setHasOther] = useState(false);
  const [isSending, setSending] = useState(false);
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const { errors, errorFor, show, summaryRef } = useFormErrors();
  if (gate) return gate;

  async function create(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = checkMeeting({ ...form, otherAgencies: hasOther ? form.otherAgencies : '' });
    if ('errors' in checked) {
      show(checked.errors);
      return;
    }
    attempt.current = keyFor(attempt.current, checked.body, newIdempotencyKey);
    setSending(true);
    try {
      const meeting = await sendJson<{ id: string }>('POST', '/api/mdt/meetings', checked.body, {
        'idempotency-key': attempt.current.key,
      });
      attempt.current = null;
      await refresh();
      navigate(mdtMeetingPath(meeting.id));
    } catch (error) {
      show(problemLines(error, 'heldAt'));
    } finally {
      setSending(false);
    }
  }

  const list = meetings.data?.meetings ?? [];
  const upcoming = [...list].sort((a, b) => Date.parse(b.heldAt) - Date.parse(a.heldAt));
  return (
    <>
      <PageTitle title="Multi-agency meetings" hasError={errors.length > 0} />
      <BackLink to={webPaths.staffHome}>Your account</BackLink>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <h1>Multi-agency (MDT) meetings</h1>
      <p>
        Referrals that need more than one agency are discussed here. After the meeting, record the triage
        decision on each referral's page.
      </p>
      <h2>Meetings</h2>
      {meetings.isPending && <p aria-live="polite">Loading…</p>}
      {meetings.isError && <LoadError error={meetings.error} />}
      {meetings.data && list.length === 0 && <p>No meetings have been arranged yet.</p>}
      {list.length > 0 && (
        <ResponsiveTable
          caption="Meetings, latest first"
          headings={['When', 'Agencies present', 'Referrals']}
        >
          {upcoming.map((meeting) => (
            <tr className="nhsuk-table__row" key={meeting.id}>
              <Cell heading="When">
                <Link to={mdtMeetingPath(meeting.id)}>{formatDateTime(meeting.heldAt)}</Link>
              </Cell>
              <Cell heading="Agencies present">{meeting.agenciesPresent.join(', ')}</Cell>
              <Cell heading="Referrals">{meeting.items}</Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
      <form onSubmit={create} noValidate>
        <h2>Arrange a meeting</h2>
        <DateTimeField
          id="heldAt"
          legend="When is it?"
          error={errorFor('heldAt')}
          date={form.date}
          time={form.time}
          onDate={(date) => setForm({ ...form, date })}
          onTime={(time) => setForm({ ...form, time })}
        />
        <CheckboxesField
          id="agenciesPresent"
          legend="Agencies present"
          hint="Choose all that apply."
          error={errorFor('agenciesPresent')}
          options={[...commonAgencies, 'Other'].map((agency) => ({ value: agency, label: agency }))}
          values={hasOther ? [...form.agencies, 'Other'] : form.agencies}
          onChange={(values) => {
            setHasOther(values.includes('Other'));
            setForm({ ...form, agencies: values.filter((v) => v !== 'Other') });
          }}
          isColumns
        />
        {hasOther && (
          <TextField
            id="otherAgencies"
            label="Other agencies"
            hint="Separate them with commas, such as Housing, Police."
            width={20}
            value={form.otherAgencies}
            onChange={(e) => setForm({ ...form, otherAgencies: e.target.value })}
          />
        )}
        {canSeeQueue && (awaiting.data?.items.length ?? 0) > 0 && (
          <CheckboxesField
            id="referralIds"
            legend="Referrals to discuss (optional)"
            hint="Referrals waiting for a multi-agency meeting. You can add more later."
            error={errorFor('referralIds')}
            options={(awaiting.data?.items ?? []).map((item) => ({
              value: item.id,
              label: `${item.reference}: ${item.childName}`,
              hint: `Received ${formatDate(item.receivedAt)}, waiting ${item.daysWaiting} days`,
            }))}
            values={form.referralIds}
            onChange={(values) => setForm({ ...form, referralIds: values })}
          />
        )}
        {canSeeQueue && awaiting.data?.items.length === 0 && <p>No referrals are waiting for a meeting.</p>}
        <button className="nhsuk-button" type="submit">
          {isSending ? 'Arranging…' : 'Arrange meeting'}
        </button>
      </form>
    </>
  );
}
