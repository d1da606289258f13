import { useParams } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { useNotice } from '../../components/notice.js';
import { SummaryList } from '../triage/fields.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { formatDateTime } from '../triage/triage-view.js';
import { useConcern, useRefresh } from './notes-queries.js';
import { ConcernActionForm, ConcernActions, ConcernStatusTag, categoryWords } from './safeguarding-parts.js';
import './notes-page.css';

/** One safeguarding concern for the lead: what was raised, what has been done, and the next action. */
export function SafeguardingConcernPage() {
  const { concernId = '' } = useParams();
  const { allowed, gate } = useStaffAccess('safeguarding:manage', 'see safeguarding concerns');
  const found = useConcern(concernId, allowed);
  const refresh = useRefresh('safeguarding');
  const notice = useNotice();
  if (gate) return gate;
  if (found.isPending) return <p aria-live="polite">Loading…</p>;
  if (found.isError) return <LoadError error={found.error} />;
  const c = found.data;
  return (
    <>
      <PageTitle title={`Safeguarding concern for ${c.reference}`} />
      <BackLink to={webPaths.safeguardingBoard}>Safeguarding concerns</BackLink>
      {notice.element}
      <h1>
        <span className="nhsuk-caption-l">
          {c.reference}
          <span className="nhsuk-u-visually-hidden">,</span> {c.childName}
        </span>
        Safeguarding concern
      </h1>
      <p>
        <ConcernStatusTag status={c.status} />
      </p>
      <SummaryList
        rows={[
          ['About', categoryWords(c.category)],
          ['Raised', `${formatDateTime(c.raisedAt)} by ${c.raisedByName}`],
          ['The concern', c.concern],
          ['Done straight away', c.immediateAction || 'Nothing recorded'],
          ['Safeguarding lead', c.leadName ?? 'Not yet acknowledged'],
          ...(c.outcome ? [['Outcome', c.outcome] as [string, string]] : []),
        ]}
      />
      <ConcernActions concern={c} headingLevel={2} />
      <ConcernActionForm
        key={c.version}
        concern={c}
        onSaved={(text) => {
          void refresh();
          notice.announce({ kind: 'saved', body: text });
        }}
        onStale={() => {
          void refresh();
          notice.announce({
            kind: 'stale',
            body: 'Someone else recorded an action on this concern. Here is the latest: check it and try again.',
          });
        }}
      />
    </>
  );
}
