import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { ReferralChanged } from '../../../contracts/triage.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { openStatuses, type ReferralStatus } from '../../../domain/referrals/triage-decisions.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { useNotice } from '../../components/notice.js';
import { useTeams } from '../staff/admin-queries.js';
import { DecisionForm } from './decision-form.js';
import { SummaryList } from './fields.js';
import { LeadWorkerSection } from './lead-worker-form.js';
import { PossibleDuplicates } from './merge-form.js';
import { DecisionHistory, MdtDiscussions, OtherReferrals, ReferrerAnswers } from './referral-history.js';
import {
  AnswersSection,
  CarersSection,
  ChildSection,
  ConsentSection,
  ReferrerSection,
  RiskSection,
} from './referral-sections.js';
import { priorityWords, thriveWords } from './referral-words.js';
import { LoadError, useStaffAccess } from './staff-access.js';
import { triageKeys, useRefreshTriage, useServices, useTriageReferral } from './triage-queries.js';
import {
  formatDateTime,
  hasPermission,
  sourceWords,
  statusWords,
  waitingCue,
  workingDaysSince,
} from './triage-view.js';

const contents = [
  ['risk-heading', 'Risk'],
  ['child-heading', 'Child or young person'],
  ['carers-heading', 'Parents and carers'],
  ['answers-heading', 'What the referral says'],
  ['decisions-heading', 'Decisions'],
  ['lead-worker-heading', 'Lead worker'],
  ['decide', 'Record a decision'],
] as const;

/** One referral at triage: everything known about it, what has been decided, and the decision form. */
export function TriageReferralPage() {
  const { referralId = '' } = useParams();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { allowed, gate, permissions } = useStaffAccess('referral:triage', 'triage referrals');
  const referral = useTriageReferral(referralId, allowed);
  const services = useServices(allowed);
  const teams = useTeams(allowed && hasPermission(permissions, 'team:read'));
  const refresh = useRefreshTriage();
  const notice = useNotice();
  if (gate) return gate;
  if (referral.isPending) return <p aria-live="polite">Loading…</p>;
  if (referral.isError) return <LoadError error={referral.error} />;
  const r = referral.data;

  function saved(text: string) {
    return (next: ReferralChanged) => {
      if (!openStatuses.includes(next.status as ReferralStatus)) {
        // A closed referral may have moved to another team, out of this clinician's sight.
        client.removeQueries({ queryKey: triageKeys.referral(next.id) });
        void refresh();
        navigate(webPaths.triageQueue, {
          state: { notice: `${text} Referral ${r.reference}: ${next.statusText}.` },
        });
        return;
      }
      void refresh();
      notice.announce({ kind: 'saved', title: 'Saved', body: text });
    };
  }

  function stale() {
    void refresh();
    notice.announce({
      kind: 'stale',
      body: 'Someone else recorded a decision on this referral while you were looking at it. Here is the latest.',
    });
  }

  const cue = waitingCue(r.daysWaiting, workingDaysSince(r.receivedAt, new Date()));
  const isOpen = openStatuses.includes(r.status as ReferralStatus);
  const serviceNames = new Map((services.data ?? []).map((s) => [s.slug, s.name]));
  const childName = `${r.child.givenName} ${r.child.familyName}`;

  return (
    <>
      <PageTitle title={`Referral ${r.reference}`} />
      <BackLink to={webPaths.triageQueue}>Triage queue</BackLink>
      {notice.element}
      <h1>
        <span className="nhsuk-caption-l">{childName}</span>
        Referral {r.reference}
      </h1>
      <p className="lantern-tags">
        {(r.isUrgent || r.priority === 'urgent' || r.priority === 'emergency') && (
          <strong className="nhsuk-tag nhsuk-tag--red">
            {r.priority === 'emergency' ? 'Emergency' : 'Urgent'}
          </strong>
        )}
        <strong className="nhsuk-tag nhsuk-tag--blue">{statusWords(r.status)}</strong>
        {isOpen && <strong className={cue.tagClass}>{cue.label}</strong>}
        {r.possibleDuplicates.length > 0 && (
          <strong className="nhsuk-tag nhsuk-tag--yellow">Possible duplicate</strong>
        )}
      </p>
      <SummaryList
        rows={[
          ['Status', statusWords(r.status)],
          ['Received', formatDateTime(r.receivedAt)],
          ['Waiting', isOpen ? cue.words : 'Decided'],
          ['Source', sourceWords(r.source)],
          [
            'Priority',
            r.priority
              ? priorityWords(r.priority)
              : r.isUrgent
                ? 'Marked urgent by the referrer'
                : 'Not set yet',
          ],
          ['THRIVE grouping', thriveWords(r.thriveGrouping)],
        ]}
      />
      <nav className="nhsuk-contents-list" aria-label="On this page">
        <h2 className="nhsuk-u-visually-hidden">On this page</h2>
        <ol className="nhsuk-contents-list__list">
          {contents.map(([id, label]) => (
            <li className="nhsuk-contents-list__item" key={id}>
              <a className="nhsuk-contents-list__link" href={`#${id}`}>
                {label}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <RiskSection risk={r.risk} />
      <ChildSection referral={r} />
      <CarersSection carers={r.carers} />
      <AnswersSection referral={r} />
      <ConsentSection consent={r.consent} />
      <ReferrerSection referrer={r.referrer} />
      <OtherReferrals referrals={r.otherReferrals} />
      <PossibleDuplicates referral={r} onChanged={() => void refresh()} />
      <ReferrerAnswers information={r.information} />
      <DecisionHistory decisions={r.decisions} serviceNames={serviceNames} />
      <MdtDiscussions discussions={r.mdt} />
      <LeadWorkerSection referral={r} onSaved={saved('The lead worker was saved.')} onStale={stale} />
      <section id="decide" aria-label="Record a decision">
        {isOpen ? (
          <DecisionForm
            referral={r}
            services={services.data ?? []}
            teams={teams.data?.teams ?? null}
            onSaved={saved('The decision was recorded.')}
            onStale={stale}
          />
        ) : (
          <>
            <h2>Record a decision</h2>
            <p>
              This referral already has an outcome: {statusWords(r.status).toLowerCase()}. The decisions are
              listed above.
            </p>
          </>
        )}
      </section>
    </>
  );
}
