import { Link, useParams } from 'react-router';
import type { EpisodeView } from '../../../contracts/episodes.js';
import { webPaths } from '../../../contracts/web-paths.js';
import {
  dischargeOutcomes,
  dischargeReasons,
  episodeStatuses,
  interventions,
} from '../../../domain/casework/episode.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { useChangeNotice } from '../../components/notice.js';
import { useRefreshMhst } from '../mhst/mhst-queries.js';
import { SummaryList } from '../triage/fields.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { formatDate, hasPermission, statusWords } from '../triage/triage-view.js';
import { AssessmentForm, AssessmentHistory, RiskPanel } from './episode-assessment.js';
import { AddGoalForm, GoalsList, InterventionForm } from './episode-goals.js';
import { useEpisode } from './episode-queries.js';

const interventionOptions = Object.entries(interventions).map(([value, label]) => ({ value, label }));

export function interventionWords(code: string | null): string {
  return code && Object.hasOwn(interventions, code)
    ? interventions[code as keyof typeof interventions]
    : 'Not chosen yet';
}

/** How the episode stands, in words: open since when, or how and when it closed. */
export function EpisodeSummary({ view }: { view: EpisodeView }) {
  const e = view.episode;
  const rows: [string, string][] = [
    ['Status', episodeStatuses[e.status]],
    ['Opened', e.openedAt ? formatDate(e.openedAt) : 'Not known'],
    ['Intervention', interventionWords(e.intervention)],
    ['Referral status', statusWords(view.referralStatus)],
  ];
  if (e.status !== 'open') {
    rows.push(['Closed', e.closedAt ? formatDate(e.closedAt) : 'Before episodes were recorded']);
    if (e.closeReason) rows.push(['Why it closed', dischargeReasons[e.closeReason]]);
    if (e.closeOutcome) rows.push(['How things went', dischargeOutcomes[e.closeOutcome]]);
    if (e.closeSummary) rows.push(['Summary', e.closeSummary]);
  }
  for (const o of view.onwardReferrals) {
    rows.push([`Referred on (${formatDate(o.referredAt)})`, `${o.serviceName}: ${o.reason}`]);
  }
  return <SummaryList rows={rows} />;
}

/** The episode of care: risk first, then assessments, care-plan goals and the intervention. */
export function EpisodePage() {
  const { referralId = '' } = useParams();
  const { allowed, gate, permissions } = useStaffAccess('caseload:read', 'see a case record');
  const found = useEpisode(referralId, allowed);
  const refresh = useRefreshMhst();
  const notice = useChangeNotice(
    refresh,
    'Someone else changed this episode while you were looking at it. Here is the latest: check it and try again.',
  );
  const { saved, stale } = notice;
  if (gate) return gate;
  if (found.isPending) return <p aria-live="polite">Loading…</p>;
  if (found.isError) return <LoadError error={found.error} />;
  const view = found.data;
  const isOpen = view.episode.status === 'open';
  const canRecord = isOpen && hasPermission(permissions, 'episode:record');

  return (
    <>
      <PageTitle title={`Episode of care ${view.reference}`} />
      <BackLink to={webPaths.caseloadReferral.replace(':referralId', referralId)}>
        Back to the record
      </BackLink>
      {notice.element}
      <h1>
        <span className="nhsuk-caption-l">
          {view.reference} · {view.name}
        </span>
        Episode of care
      </h1>
      <EpisodeSummary view={view} />
      <RiskPanel assessment={view.assessments[0]} />
      {!isOpen && <p>This episode has closed. Its record is kept and can no longer be changed.</p>}
      {canRecord && (
        <p>
          <Link to={webPaths.closeEpisode.replace(':referralId', referralId)}>
            Step up, step down or discharge
          </Link>
        </p>
      )}
      <GoalsList
        referralId={referralId}
        goals={view.goals}
        isOpen={canRecord}
        onSaved={saved}
        onStale={stale}
      />
      {canRecord && <AddGoalForm referralId={referralId} onSaved={saved} />}
      {canRecord && (
        <InterventionForm
          key={view.episode.version}
          referralId={referralId}
          version={view.episode.version}
          current={view.episode.intervention}
          options={interventionOptions}
          onSaved={saved}
          onStale={stale}
        />
      )}
      {canRecord && <AssessmentForm referralId={referralId} onSaved={saved} />}
      <AssessmentHistory assessments={view.assessments} />
    </>
  );
}
