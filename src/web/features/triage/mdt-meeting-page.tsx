import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { AddToAgendaInput } from '../../../contracts/triage.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, SelectField, useFormErrors } from '../../components/form.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { MdtOutcomeForm } from './mdt-outcome-form.js';
import { ActionList } from './referral-history.js';
import { LoadError, useStaffAccess } from './staff-access.js';
import {
  type Meeting,
  triageKeys,
  useMdtMeeting,
  useRefreshTriage,
  useTriageQueue,
} from './triage-queries.js';
import {
  formatDateTime,
  hasPermission,
  issueLines,
  problemLines,
  statusWords,
  triageReferralPath,
} from './triage-view.js';

type Item = Meeting['agenda'][number];

function AgendaItem({
  meetingId,
  item,
  onSaved,
}: {
  meetingId: string;
  item: Item;
  onSaved: (m: Meeting) => void;
}) {
  return (
    <li className="nhsuk-card">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-m">
          <Link to={triageReferralPath(item.referralId)}>
            {item.reference}: {item.childName}
          </Link>
        </h3>
        <p>Status: {statusWords(item.status)}</p>
        {item.sharedDecision ? (
          <>
            <h4 className="nhsuk-heading-s">What the agencies agreed</h4>
            <p className="lantern-pre-line">{item.sharedDecision}</p>
            {item.actions.length > 0 ? (
              <ActionList actions={item.actions} />
            ) : (
              <p>No actions were recorded.</p>
            )}
            <p>
              Now{' '}
              <Link to={triageReferralPath(item.referralId)}>
                record the triage decision for {item.reference}
              </Link>{' '}
              on the referral's page.
            </p>
          </>
        ) : (
          <MdtOutcomeForm
            meetingId={meetingId}
            itemId={item.itemId}
            childName={item.childName}
            onSaved={onSaved}
          />
        )}
      </div>
    </li>
  );
}

/** One multi-agency meeting: its agenda, adding referrals, and recording what was agreed for each. */
export function MdtMeetingPage() {
  const { meetingId = '' } = useParams();
  const client = useQueryClient();
  const { allowed, gate, permissions } = useStaffAccess('mdt:manage', 'manage multi-agency meetings');
  const meeting = useMdtMeeting(meetingId, allowed);
  const canSeeQueue = allowed && hasPermission(permissions, 'referral:triage');
  const awaiting = useTriageQueue('awaiting-mdt', canSeeQueue);
  const refresh = useRefreshTriage();
  const [referralId, setReferralId] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  if (gate) return gate;
  if (meeting.isPending) return <p aria-live="polite">Loading…</p>;
  if (meeting.isError) return <LoadError error={meeting.error} />;
  const m = meeting.data;
  const onAgenda = new Set(m.agenda.map((item) => item.referralId));
  const addable = (awaiting.data?.items ?? []).filter((item) => !onAgenda.has(item.id));

  function saved(next: Meeting, text: string) {
    client.setQueryData(triageKeys.meeting(next.id), next);
    void refresh();
    setMessage(text);
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    const parsed = AddToAgendaInput.safeParse({ referralId });
    if (!parsed.success) {
      show(issueLines(parsed.error.issues).map((line) => ({ ...line, message: 'Choose a referral to add' })));
      return;
    }
    try {
      const next = await sendJson<Meeting>(
        'POST',
        `/api/mdt/meetings/${encodeURIComponent(m.id)}/agenda`,
        parsed.data,
      );
      clear();
      const added = addable.find((item) => item.id === referralId);
      setReferralId('');
      saved(
        next,
        `Added ${added ? `${added.reference}: ${added.childName}` : 'the referral'} to the agenda.`,
      );
    } catch (error) {
      show(problemLines(error, 'referralId'));
    }
  }

  return (
    <>
      <PageTitle title={`Meeting on ${formatDateTime(m.heldAt)}`} hasError={errors.length > 0} />
      <BackLink to={webPaths.mdtMeetings}>Multi-agency meetings</BackLink>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <h1>
        <span className="nhsuk-caption-l">Multi-agency (MDT) meeting</span>
        {formatDateTime(m.heldAt)}
      </h1>
      <p>Agencies present: {m.agenciesPresent.join(', ')}.</p>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          Record here what the agencies agreed and who will do what. The triage decision itself (accept,
          signpost, decline) is then recorded on each referral's page.
        </p>
      </div>
      <p role="status">{message}</p>
      <h2>Agenda</h2>
      {m.agenda.length === 0 ? (
        <p>No referrals are on the agenda yet.</p>
      ) : (
        <ol className="nhsuk-list">
          {m.agenda.map((item) => (
            <AgendaItem
              key={item.itemId}
              meetingId={m.id}
              item={item}
              onSaved={(next) => saved(next, `Saved the outcome for ${item.reference}.`)}
            />
          ))}
        </ol>
      )}
      <h2>Add a referral</h2>
      {!canSeeQueue && <p>You need permission to see the triage queue to add referrals.</p>}
      {canSeeQueue && awaiting.data && addable.length === 0 && (
        <p>No other referrals are waiting for a multi-agency meeting.</p>
      )}
      {canSeeQueue && addable.length > 0 && (
        <form onSubmit={add} noValidate>
          <SelectField
            id="referralId"
            label="Referral waiting for a multi-agency meeting"
            error={errorFor('referralId')}
            value={referralId}
            onChange={(e) => setReferralId(e.target.value)}
          >
            <option value="">Choose a referral</option>
            {addable.map((item) => (
              <option value={item.id} key={item.id}>
                {item.reference}: {item.childName}, waiting {item.daysWaiting} days
              </option>
            ))}
          </SelectField>
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            Add to the agenda
          </button>
        </form>
      )}
    </>
  );
}
