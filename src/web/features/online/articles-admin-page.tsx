import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  articleStatusNames,
  articleTopicNames,
  type StaffArticleList,
} from '../../../contracts/self-help.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { getJson } from '../../api.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { formatDate } from '../triage/triage-view.js';
import { selfHelpPaths } from './self-help-api.js';

export const articlePath = (id: string) => webPaths.onlineArticle.replace(':articleId', id);

/** Staff: the service's self-help articles by status, waiting for review first. */
export function ArticlesAdminPage() {
  const { allowed, gate } = useStaffAccess('online:write-content', 'write self-help articles');
  const list = useQuery({
    queryKey: ['online', 'staff-articles'],
    queryFn: ({ signal }) => getJson<StaffArticleList>(selfHelpPaths.drafts, signal),
    enabled: allowed,
  });
  if (gate) return gate;
  const order = ['in-review', 'draft', 'published', 'withdrawn'] as const;
  return (
    <>
      <PageTitle title="Self-help articles" />
      <BackLink to={webPaths.counsellorQueue}>Online support</BackLink>
      <h1>Self-help articles</h1>
      <p>
        Articles are published only after someone other than the writer reviews them. Young people can read
        them but cannot comment on them or message each other.
      </p>
      <Link className="nhsuk-button" to={articlePath('new')}>
        Write an article
      </Link>
      {list.isPending ? (
        <p aria-live="polite">Loading…</p>
      ) : list.isError ? (
        <LoadError error={list.error} />
      ) : (
        order.map((status) => {
          const items = list.data.items.filter((a) => a.status === status);
          return (
            <section key={status} aria-labelledby={`status-${status}`}>
              <h2 id={`status-${status}`}>
                {articleStatusNames[status]} ({items.length})
              </h2>
              {items.length === 0 ? (
                <p>None.</p>
              ) : (
                <ResponsiveTable
                  caption={`${articleStatusNames[status]} articles`}
                  headings={['Title', 'Topic', 'Writer', 'Last changed']}
                >
                  {items.map((a) => (
                    <tr className="nhsuk-table__row" key={a.id}>
                      <Cell heading="Title">
                        <Link to={articlePath(a.id)}>{a.title}</Link>
                        {a.can.review && (
                          <strong className="nhsuk-tag nhsuk-tag--yellow">You can review this</strong>
                        )}
                      </Cell>
                      <Cell heading="Topic">{articleTopicNames[a.topic]}</Cell>
                      <Cell heading="Writer">{a.writtenBy.name}</Cell>
                      <Cell heading="Last changed">{formatDate(a.updatedAt)}</Cell>
                    </tr>
                  ))}
                </ResponsiveTable>
              )}
            </section>
          );
        })
      )}
    </>
  );
}
