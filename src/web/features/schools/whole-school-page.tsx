import { useParams } from 'react-router';
import { BackLink, PageTitle } from '../../components/layout.js';
import { type Notice, useNotice } from '../../components/notice.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { hasPermission } from '../triage/triage-view.js';
import { AddActionForm, TierSection } from './plan-actions.js';
import { AdviceRecordForm, GroupSessionRecordForm, LinkMeetingRecordForm } from './school-work-forms.js';
import { RecentAdvice, RecentLinkMeetings, RecentSessions } from './school-work-lists.js';
import { SchoolHeading } from './schools-parts.js';
import { useRefreshSchool, useWholeSchool } from './schools-queries.js';
import { schoolPath } from './schools-view.js';

const contents = [
  ['plan', "The school's plan"],
  ['sessions', 'Sessions'],
  ['advice', 'Advice to school staff'],
  ['link-meetings', 'School Link meetings'],
] as const;

/**
 * A school's whole-school approach: its plan in the four tiers of the graduated model, and the
 * sessions, advice and School Link meetings that are part of it, with forms to record each.
 */
export function WholeSchoolPage() {
  const { urn = '' } = useParams();
  const { allowed, gate, permissions } = useStaffAccess(
    'school-work:read',
    "see a school's whole-school work",
  );
  const view = useWholeSchool(urn, allowed);
  const refresh = useRefreshSchool(urn);
  const notice = useNotice();
  if (gate) return gate;
  if (view.isPending) return <p aria-live="polite">Loading…</p>;
  if (view.isError) return <LoadError error={view.error} />;
  const w = view.data;
  const canRecord = hasPermission(permissions, 'school-work:record');

  function changed(next: Notice) {
    void refresh();
    notice.announce(next);
  }

  return (
    <>
      <PageTitle title={`${w.school.name}: whole-school approach`} />
      <BackLink to={schoolPath(urn)}>School dashboard</BackLink>
      {notice.element}
      <SchoolHeading schoolName={w.school.name} title="Whole-school approach" />
      <p>
        How the school looks after its pupils' mental health: its plan in the four tiers of support, and the
        sessions, advice and meetings that are part of it.
      </p>
      <p>
        {w.leads.length === 0
          ? 'The school has no senior mental health lead in Lantern yet.'
          : `Senior mental health lead: ${w.leads.map((lead) => lead.name).join(', ')}.`}
      </p>
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

      <section aria-labelledby="plan">
        <h2 id="plan">The school's plan</h2>
        {w.tiers.map((tier) => (
          <TierSection key={tier.tier} urn={urn} tier={tier} canRecord={canRecord} onChanged={changed} />
        ))}
        {canRecord && <AddActionForm urn={urn} tiers={w.tiers} onAdded={changed} />}
      </section>

      <section aria-labelledby="sessions">
        <h2 id="sessions">Sessions</h2>
        <RecentSessions sessions={w.groupSessions} />
        {canRecord && <GroupSessionRecordForm urn={urn} onRecorded={changed} />}
      </section>

      <section aria-labelledby="advice">
        <h2 id="advice">Advice to school staff</h2>
        <RecentAdvice consultations={w.consultations} />
        {canRecord && <AdviceRecordForm urn={urn} onRecorded={changed} />}
      </section>

      <section aria-labelledby="link-meetings">
        <h2 id="link-meetings">School Link meetings</h2>
        <RecentLinkMeetings meetings={w.linkMeetings} />
        {canRecord && <LinkMeetingRecordForm urn={urn} onRecorded={changed} />}
      </section>
    </>
  );
}
