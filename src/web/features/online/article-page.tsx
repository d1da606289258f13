import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { articleTopicNames, type PublishedArticle } from '../../../contracts/self-help.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { ApiError, getJson } from '../../api.js';
import { LoadError } from '../triage/staff-access.js';
import { dayAndMonth, selfHelpPaths } from './self-help-api.js';
import { YoungPersonFrame } from './young-person-frame.js';

const back = { to: webPaths.selfHelp, label: 'Self-help' };

/** One self-help article, as plain paragraphs of text (never HTML). */
export function ArticlePage() {
  const { slug = '' } = useParams();
  const article = useQuery({
    queryKey: ['online', 'article', slug],
    queryFn: ({ signal }) => getJson<PublishedArticle>(selfHelpPaths.article(slug), signal),
    retry: (count, error) => !(error instanceof ApiError && error.problem.status === 404) && count < 2,
  });
  if (article.isPending) {
    return (
      <YoungPersonFrame title="Self-help" back={back}>
        <p aria-live="polite">Loading…</p>
      </YoungPersonFrame>
    );
  }
  if (article.isError) {
    const isGone = article.error instanceof ApiError && article.error.problem.status === 404;
    return (
      <YoungPersonFrame title={isGone ? 'Guide not found' : 'Self-help'} back={back}>
        {isGone ? (
          <p>
            We cannot find this guide. It may have been taken down.{' '}
            <Link to={webPaths.selfHelp}>See all guides</Link>.
          </p>
        ) : (
          <LoadError error={article.error} />
        )}
      </YoungPersonFrame>
    );
  }
  const { data } = article;
  return (
    <YoungPersonFrame title={data.title} back={back}>
      <p className="nhsuk-body-l">{data.summary}</p>
      <ArticleParagraphs paragraphs={data.paragraphs} />
      <p className="nhsuk-body-s">
        Topic: {articleTopicNames[data.topic]}. Checked by our team and put up on{' '}
        {dayAndMonth(data.publishedAt)}.
      </p>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          Want to talk about this? <Link to={webPaths.onlineChat}>Chat to a counsellor</Link> or{' '}
          <Link to={webPaths.onlineMessages}>send us a message</Link>.
        </p>
      </div>
    </YoungPersonFrame>
  );
}

/** Paragraphs as text: a single line break inside one is kept as a line break. */
export function ArticleParagraphs({ paragraphs }: { paragraphs: readonly string[] }) {
  // Paragraphs have no ids of their own, and their order is fixed for the article shown.
  return paragraphs.map((paragraph, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
    <p key={index}>
      {paragraph.split('\n').map((line, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
        <span key={n}>
          {n > 0 && <br />}
          {line}
        </span>
      ))}
    </p>
  ));
}
