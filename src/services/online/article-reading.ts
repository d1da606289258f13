import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { ArticleCard, ArticleList, ArticleTopic, PublishedArticle } from '../../contracts/self-help.js';
import type { LanternDb } from '../../db/client.js';
import * as articles from '../../db/repositories/self-help.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { paragraphsOf } from '../../domain/online/self-help.js';

// Reading the service's published self-help articles: anyone may, signed in or not. Only published
// articles are ever answered here; a draft, one in review or a withdrawn one is "not found".

export interface ArticleDeps {
  db: LanternDb;
}

/** The service to show: the one asked for, else a signed-in young person's own, else all. */
function serviceFor(ctx: ServiceContext, serviceId: string | undefined): string | undefined {
  if (serviceId) return serviceId;
  return ctx.actor.kind === 'young-person' ? ctx.actor.serviceId : undefined;
}

export function articleCard(row: articles.ArticleRow): ArticleCard {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    topic: row.topic as ArticleTopic,
    publishedAt: (row.publishedAt ?? row.updatedAt).toISOString(),
  };
}

export async function listPublishedArticles(
  ctx: ServiceContext,
  deps: ArticleDeps,
  query: { topic?: ArticleTopic | undefined; serviceId?: string | undefined },
): Promise<ArticleList> {
  await authorise(ctx, 'self-help:read');
  const rows = await withScope(deps.db, recordScope(ctx.actor), (tx) =>
    articles.listPublished(tx, { topic: query.topic, serviceId: serviceFor(ctx, query.serviceId) }),
  );
  return { items: rows.map(articleCard) };
}

export async function readPublishedArticle(
  ctx: ServiceContext,
  deps: ArticleDeps,
  slug: string,
  serviceId?: string,
): Promise<PublishedArticle> {
  await authorise(ctx, 'self-help:read');
  const row = await withScope(deps.db, recordScope(ctx.actor), (tx) =>
    articles.findPublishedBySlug(tx, slug, serviceFor(ctx, serviceId)),
  );
  if (!row) throw new AppError('not-found', 'There is no such article. It may have been taken down.');
  return { ...articleCard(row), paragraphs: paragraphsOf(row.body) };
}
