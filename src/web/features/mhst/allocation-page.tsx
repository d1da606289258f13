import { Link, useParams } from 'react-router';
import type { AllocationView } from '../../../contracts/mhst.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { useNotice } from '../../components/notice.js';
import { SummaryList } from '../triage/fields.js';
import { needWords, priorityWords } from '../triage/referral-words.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { formatDate, statusWords } from '../triage/triage-view.js';
import { ClocksSection } from './clocks-section.js';
import { GroupForm } from './group-form.js';
import { AllocationHistory, RagTag } from './mhst-parts.js';
import { useAllocationView, useRefreshMhst } from './mhst-queries.js';
import { isAtRiskShown, waitingListPath } from './mhst-view.js';
import { PreferencesForm } from './preferences-form.js';
import { SuggestionCards } from './suggestion-cards.js';

const contents = [
  ['clocks-heading', 'Waiting time'],
  ['preferences-heading', 'The young person’s preferences'],
  ['suggestions-heading', 'Suggested practitioners'],
  ['group-heading', 'Group waiting list'],
  ['history-heading', 'Allocation history'],
] as const;

/** One referral ready to allocate: who they are, how long they have waited, and who might help. */
export function AllocationPage() {
  const { teamId = '', referralId = '' } = useParams();
  const { allowed, gate } = useStaffAccess('allocation:manage', 'allocate referrals');
  const view = useAllocationView(teamId, referralId, allowed);
  const refresh = useRefreshMhst();
  const notice = useNotice();
  if (gate) return gate;
  if (view.isPending) return <p aria-live="polite">Loading…</p>;
  if (view.isError) return <LoadError error={view.error} />;
  const v = view.data;
  const r = v.referral;
  const current = v.history.find((row) => row.endedAt === null) ?? null;
  const target = { teamId, referralId, version: r.version };

  function done(text: string) {
    void refresh();
    notice.announce({
      kind: 'saved',
      body: (
        <>
          <p className="nhsuk-notification-banner__heading">{text}</p>
          <p>
            <Link className="nhsuk-notification-banner__link" to={waitingListPath(teamId)}>
              Back to the waiting list
            </Link>
          </p>
        </>
      ),
    });
  }

  function stale() {
    void refresh();
    notice.announce({
      kind: 'stale',
      body: 'Someone else changed this referral while you were looking at it, so it was not allocated. Here is the latest: check it and try again.',
    });
  }

  return (
    <>
      <PageTitle title={`Allocate ${r.reference}`} />
      <BackLink to={waitingListPath(teamId)}>Waiting list</BackLink>
      {notice.element}
      <h1>
        <span className="nhsuk-caption-l">{r.childName}</span>
        Allocate referral {r.reference}
      </h1>
      <p className="lantern-tags">
        <RagTag rag={r.rag} />
        {(r.isUrgent || r.priority === 'urgent' || r.priority === 'emergency') && (
          <strong className="nhsuk-tag nhsuk-tag--red">
            {r.priority === 'emergency' ? 'Emergency' : 'Urgent'}
          </strong>
        )}
        {isAtRiskShown(r) && (
          <strong className="nhsuk-tag nhsuk-tag--yellow">At risk of passing 4 weeks</strong>
        )}
      </p>
      <ChildSummary view={v} currentText={currentWords(current)} />
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
      <ClocksSection clocks={v.clocks} recorded={null} now={new Date()} />
      <PreferencesForm
        key={`${v.preferences.practitionerGender}-${v.preferences.language}`}
        teamId={teamId}
        referralId={referralId}
        preferences={v.preferences}
        onSaved={done}
      />
      <SuggestionCards
        target={target}
        suggestions={v.suggestions}
        currentName={current?.kind === 'practitioner' ? current.practitionerName : null}
        onAllocated={(name) => done(`${r.reference} was allocated to ${name}.`)}
        onStale={stale}
      />
      <GroupForm
        target={target}
        groups={v.groups}
        currentGroup={current?.kind === 'group-waiting-list' ? current.groupName : null}
        onAllocated={(group) => done(`${r.reference} was put on the waiting list for ${group}.`)}
        onStale={stale}
      />
      <AllocationHistory history={v.history} headingId="history-heading" />
    </>
  );
}

function currentWords(current: AllocationView['history'][number] | null): string {
  if (!current) return 'Not allocated yet';
  if (current.kind === 'practitioner') return current.practitionerName ?? 'A practitioner';
  return `Group waiting list: ${current.groupName ?? 'unnamed group'}`;
}

/** What the allocator needs to know about the child: no more clinical detail than needs and priority. */
function ChildSummary({ view, currentText }: { view: AllocationView; currentText: string }) {
  const r = view.referral;
  return (
    <SummaryList
      rows={[
        ['Name', r.childName],
        ['Age', String(r.age)],
        ['School', r.schoolName ?? 'Not given'],
        ['Received', formatDate(r.receivedAt)],
        ['Priority', priorityWords(r.priority, r.isUrgent ? 'Marked urgent by the referrer' : 'Not set')],
        ['Needs', r.presentingNeeds.map((need) => needWords(need)).join('\n') || 'Not given'],
        ['Status', statusWords(r.status)],
        ['Allocated to', currentText],
      ]}
    />
  );
}
