import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { articleStatusNames, articleTopicNames, type StaffArticle } from '../../../contracts/self-help.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { getJson } from '../../api.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { useNotice } from '../../components/notice.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { formatDateTime } from '../triage/triage-view.js';
import { ArticleParagraphs } from './article-page.js';
import { articlePath } from './articles-admin-page.js';
import { selfHelpPaths } from './self-help-api.js';
import { ArticleForm } from './self-help-article-form.js';
import { ReviewForm, SubmitForReview, WithdrawForm } from './self-help-review.js';

const staleWords =
  'Someone else changed this article first. This is the latest version: check it and try again.';

/** Staff: write a new article, change your draft, send it for review, review someone else's, or withdraw one. */
export function ArticleEditPage() {
  const { articleId = 'new' } = useParams();
  const isNew = articleId === 'new';
  const { allowed, gate } = useStaffAccess('online:write-content', 'write self-help articles');
  const client = useQueryClient();
  const navigate = useNavigate();
  const notice = useNotice();
  const key = ['online', 'staff-article', articleId];
  const article = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => getJson<StaffArticle>(selfHelpPaths.draft(articleId), signal),
    enabled: allowed && !isNew,
  });
  if (gate) return gate;

  const back = <BackLink to={webPaths.onlineArticles}>Self-help articles</BackLink>;
  if (isNew) {
    return (
      <>
        <PageTitle title="Write an article" />
        {back}
        <h1>Write an article</h1>
        <ArticleForm
          article={null}
          onSaved={(saved) => {
            void client.invalidateQueries({ queryKey: ['online', 'staff-articles'] });
            navigate(articlePath(saved.id));
          }}
          onStale={() => {}}
        />
      </>
    );
  }
  if (article.isPending) return <p aria-live="polite">Loading…</p>;
  if (article.isError) return <LoadError error={article.error} />;

  const a = article.data;
  const done = (saved: StaffArticle, message: string) => {
    client.setQueryData(key, saved);
    void client.invalidateQueries({ queryKey: ['online', 'staff-articles'] });
    notice.announce({ kind: 'saved', body: message });
  };
  const stale = () => {
    void client.invalidateQueries({ queryKey: key });
    notice.announce({ kind: 'stale', body: staleWords });
  };
  return (
    <>
      <PageTitle title={a.title} />
      {back}
      {notice.element}
      <h1>{a.title}</h1>
      <p>
        <strong className="nhsuk-tag">{articleStatusNames[a.status]}</strong>
      </p>
      <dl className="nhsuk-summary-list">
        <Row name="Topic" value={articleTopicNames[a.topic]} />
        <Row name="Written by" value={a.writtenBy.name} />
        {a.reviewedBy && <Row name="Reviewed by" value={a.reviewedBy.name} />}
        {a.reviewComment && <Row name="Review comment" value={a.reviewComment} />}
        {a.publishedAt && <Row name="Published" value={formatDateTime(a.publishedAt)} />}
        {a.withdrawnAt && <Row name="Withdrawn" value={formatDateTime(a.withdrawnAt)} />}
      </dl>

      {a.can.edit ? (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">Change the draft</h2>
          <ArticleForm
            key={a.version}
            article={a}
            onSaved={(saved) => done(saved, 'Draft saved.')}
            onStale={stale}
          />
        </section>
      ) : null}
      {a.can.submit && <SubmitForReview article={a} onDone={done} onStale={stale} />}
      {a.status === 'in-review' && !a.can.review && (
        <p>This article is waiting for someone other than its writer to review it.</p>
      )}

      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">How young people will see it</h2>
        <div className="nhsuk-inset-text">
          <p className="nhsuk-body-l">{a.summary}</p>
          <ArticleParagraphs paragraphs={a.paragraphs} />
        </div>
      </section>

      {a.can.review && (
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">Review</h2>
          <ReviewForm key={a.version} article={a} onDone={done} onStale={stale} />
        </section>
      )}
      {a.can.withdraw && (
        <section aria-labelledby="withdraw-heading">
          <h2 id="withdraw-heading">Take it down</h2>
          <WithdrawForm key={a.version} article={a} onDone={done} onStale={stale} />
        </section>
      )}
    </>
  );
}

function Row({ name, value }: { name: string; value: string }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{name}</dt>
      <dd className="nhsuk-summary-list__value">{value}</dd>
    </div>
  );
}
