import { useParams } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { useNotice } from '../../components/notice.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { hasPermission } from '../triage/triage-view.js';
import { MeasureSection } from './measures-chart.js';
import { LinksList, SendLinkForm } from './measures-links.js';
import { useInstruments, useLinks, useMeasures, useRefreshMeasures } from './measures-queries.js';
import { SessionAnswersForm } from './measures-session-form.js';

/**
 * /staff/caseload/:referralId/questionnaires: a young person's scores over sessions (a headline per
 * measure, a chart and a table each), the paired first-to-last comparison, links to answer before
 * a session, and answers entered in the session.
 */
export function QuestionnairesPage() {
  const { referralId = '' } = useParams();
  const { allowed, gate, permissions } = useStaffAccess('caseload:read', 'see questionnaires');
  const measures = useMeasures(referralId, allowed);
  const links = useLinks(referralId, allowed);
  const instruments = useInstruments(allowed);
  const refresh = useRefreshMeasures();
  const notice = useNotice();
  if (gate) return gate;
  const back = webPaths.caseloadReferral.replace(':referralId', referralId);
  const title = 'Questionnaires and progress';
  if (measures.isError || links.isError || instruments.isError) {
    return <LoadError error={(measures.error ?? links.error ?? instruments.error) as Error} />;
  }
  if (!measures.data || !links.data || !instruments.data) return <p aria-live="polite">Loading…</p>;
  const canRecord = hasPermission(permissions, 'episode:record');
  const { series, paired, contactsAttended } = measures.data;

  return (
    <>
      <PageTitle title={title} />
      <BackLink to={back}>Back to the young person</BackLink>
      {notice.element}
      <h1>{title}</h1>
      <section aria-labelledby="scores-heading">
        <h2 id="scores-heading">Scores over sessions</h2>
        {series.length === 0 ? (
          <p>No questionnaires have been answered yet.</p>
        ) : (
          <>
            <ul className="nhsuk-list nhsuk-list--bullet">
              {series.map((s) => (
                <li key={`${s.instrumentId}-${s.respondent}`}>{s.headline}</li>
              ))}
            </ul>
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>
                Paired first-to-last comparison ({contactsAttended} attended{' '}
                {contactsAttended === 1 ? 'contact' : 'contacts'}): {paired.overallText}
              </p>
            </div>
            {series.map((s, index) => (
              <MeasureSection key={`${s.instrumentId}-${s.respondent}`} series={s} index={index} />
            ))}
          </>
        )}
      </section>
      <section aria-labelledby="links-heading">
        <h2 id="links-heading">Questionnaire links</h2>
        <LinksList
          referralId={referralId}
          links={links.data.items}
          canWithdraw={canRecord}
          onChanged={(words, isStale) => {
            void refresh();
            notice.announce({ kind: isStale ? 'stale' : 'saved', body: words });
          }}
        />
      </section>
      {canRecord && (
        <>
          <SendLinkForm
            referralId={referralId}
            instruments={instruments.data.items}
            onMade={() => void refresh()}
          />
          <SessionAnswersForm
            referralId={referralId}
            instruments={instruments.data.items}
            onSaved={(words) => {
              void refresh();
              notice.announce({ kind: 'saved', body: words });
            }}
          />
        </>
      )}
    </>
  );
}
