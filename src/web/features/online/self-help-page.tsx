import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import {
  type ArticleList,
  type ArticleTopic,
  articleTopicNames,
  articleTopics,
} from '../../../contracts/self-help.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { getJson } from '../../api.js';
import { LoadError } from '../triage/staff-access.js';
import { selfHelpPaths } from './self-help-api.js';
import { YoungPersonFrame } from './young-person-frame.js';
import { useYoungPersonQuery } from './young-person-session.js';

const isTopic = (value: string | null): value is ArticleTopic =>
  value !== null && (articleTopics as readonly string[]).includes(value);

/** Self-help: the service's articles (anyone may read them), by topic, and the young person's own tools. */
export function SelfHelpPage() {
  const [params] = useSearchParams();
  const chosen = params.get('topic');
  const topic = isTopic(chosen) ? chosen : null;
  const me = useYoungPersonQuery();
  const articles = useQuery({
    queryKey: ['online', 'articles', topic],
    queryFn: ({ signal }) =>
      getJson<ArticleList>(`${selfHelpPaths.articles}${topic ? `?topic=${topic}` : ''}`, signal),
  });

  return (
    <YoungPersonFrame title="Self-help" back={{ to: webPaths.onlineHome, label: 'Lantern Online' }}>
      <p className="nhsuk-body-l">Short guides about feelings and the things that can help.</p>
      <p>Our team writes them. Someone else on the team checks each one before it goes up.</p>

      <nav aria-labelledby="topics-heading">
        <h2 id="topics-heading" className="nhsuk-heading-s">
          Choose a topic
        </h2>
        <ul className="nhsuk-list">
          <li>
            {topic ? (
              <Link to={webPaths.selfHelp}>All topics</Link>
            ) : (
              <strong aria-current="page">All topics</strong>
            )}
          </li>
          {articleTopics.map((t) => (
            <li key={t}>
              {t === topic ? (
                <strong aria-current="page">{articleTopicNames[t]}</strong>
              ) : (
                <Link to={`${webPaths.selfHelp}?topic=${t}`}>{articleTopicNames[t]}</Link>
              )}
            </li>
          ))}
        </ul>
      </nav>

      <h2>{topic ? articleTopicNames[topic] : 'All guides'}</h2>
      {articles.isPending ? (
        <p aria-live="polite">Loading…</p>
      ) : articles.isError ? (
        <LoadError error={articles.error} />
      ) : articles.data.items.length === 0 ? (
        <p>There are no guides about this yet.</p>
      ) : (
        <ul className="nhsuk-list">
          {articles.data.items.map((article) => (
            <li key={article.slug} className="nhsuk-card nhsuk-card--clickable">
              <div className="nhsuk-card__content">
                <h3 className="nhsuk-card__heading nhsuk-heading-m">
                  <Link
                    className="nhsuk-card__link"
                    to={webPaths.selfHelpArticle.replace(':slug', article.slug)}
                  >
                    {article.title}
                  </Link>
                </h3>
                <p className="nhsuk-card__description">{article.summary}</p>
              </div>
            </li>
          ))}
        </ul>
      )}

      <h2>Your own tools</h2>
      <p>
        Only you can read your journal. Your counsellors can see how you feel and your goals, so they can help
        you better.
      </p>
      <ul className="nhsuk-list">
        <li>
          <Link to={webPaths.journal}>Your journal</Link>: write down what is on your mind
        </li>
        <li>
          <Link to={webPaths.mood}>How you feel</Link>: keep track of your mood each day
        </li>
        <li>
          <Link to={webPaths.onlineGoals}>Your goals</Link>: set goals and see how you are getting on
        </li>
      </ul>
      {me.data === null && <p>You need to sign in to use these. You do not need to give your name.</p>}
    </YoungPersonFrame>
  );
}
