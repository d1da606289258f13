import { authorise, permissionsOf, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type {
  ArticleDraftInput,
  ArticleStatus,
  ArticleTopic,
  EditArticleInput,
  StaffArticle,
  StaffArticleList,
} from '../../contracts/self-help.js';
import type { LanternDb } from '../../db/client.js';
import * as articles from '../../db/repositories/self-help.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { articleActions, freeSlug, isEditable, paragraphsOf, slugOf } from '../../domain/online/self-help.js';
import { recordChange } from '../audit/record-change.js';
import type { ArticleDeps } from './article-reading.js';

// Staff writing self-help articles: any status is visible to the organisation's content writers
// and reviewers; only the writer edits their own draft. Articles hold no child's data, so reading
// them writes no access-log row; every change writes an audit row.

const iso = (at: Date | null) => (at ? at.toISOString() : null);

export const noSuchArticle = () => new AppError('not-found', 'There is no such article.');

export function staffArticle(ctx: ServiceContext, row: articles.ArticleWithPeople): StaffArticle {
  const actor = staffOf(ctx);
  const permissions = permissionsOf(actor);
  const status = row.status as ArticleStatus;
  return {
    id: row.id,
    serviceId: row.serviceId,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    topic: row.topic as ArticleTopic,
    body: row.body,
    paragraphs: paragraphsOf(row.body),
    status,
    writtenBy: { id: row.writtenBy, name: row.writerName },
    reviewedBy: row.reviewedBy ? { id: row.reviewedBy, name: row.reviewerName ?? 'Unknown' } : null,
    reviewComment: row.reviewComment,
    submittedAt: iso(row.submittedAt),
    publishedAt: iso(row.publishedAt),
    withdrawnAt: iso(row.withdrawnAt),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    can: articleActions({ status, writtenBy: row.writtenBy }, actor.userId, {
      canWrite: permissions.has('online:write-content'),
      canReview: permissions.has('online:review-content'),
    }),
  };
}

/** The article as the audit log keeps it: what changed, no people's data. */
export const auditedArticle = (row: articles.ArticleRow) => ({
  status: row.status,
  slug: row.slug,
  title: row.title,
  summary: row.summary,
  topic: row.topic,
  body: row.body,
  reviewComment: row.reviewComment,
  version: row.version,
});

/** Loads an article of the caller's organisation with its people, or 404. */
export async function loadArticle(ctx: ServiceContext, tx: LanternDb, articleId: string) {
  const found = await articles.findForOrganisation(tx, staffOf(ctx).organisationId, articleId);
  if (!found) throw noSuchArticle();
  return found;
}

export async function listStaffArticles(
  ctx: ServiceContext,
  deps: ArticleDeps,
  status?: ArticleStatus,
): Promise<StaffArticleList> {
  await authorise(ctx, 'online:write-content');
  const actor = staffOf(ctx);
  const rows = await withScope(deps.db, recordScope(actor), (tx) =>
    articles.listForOrganisation(tx, actor.organisationId, status ? [status] : undefined),
  );
  return { items: rows.map((row) => staffArticle(ctx, row)) };
}

export async function readStaffArticle(
  ctx: ServiceContext,
  deps: ArticleDeps,
  articleId: string,
): Promise<StaffArticle> {
  await authorise(ctx, 'online:write-content');
  const row = await withScope(deps.db, recordScope(ctx.actor), (tx) => loadArticle(ctx, tx, articleId));
  return staffArticle(ctx, row);
}

export async function createArticleDraft(
  ctx: ServiceContext,
  deps: ArticleDeps,
  input: ArticleDraftInput,
): Promise<StaffArticle> {
  await authorise(ctx, 'online:write-content');
  const actor = staffOf(ctx);
  const now = ctx.now();
  return withScope(deps.db, recordScope(actor), async (tx) => {
    const services = await articles.servicesOfOrganisation(tx, actor.organisationId);
    const service = input.serviceId ? services.find((s) => s.id === input.serviceId) : services[0];
    if (!service) {
      throw new AppError('not-found', 'Your organisation has no such online support service.', [
        { name: 'serviceId', reason: 'is not one of your organisation’s online support services' },
      ]);
    }
    const base = slugOf(input.title);
    const slug = freeSlug(base, await articles.slugsLike(tx, service.id, base));
    const row = await articles.insertArticle(tx, {
      serviceId: service.id,
      slug,
      title: input.title,
      summary: input.summary,
      topic: input.topic,
      body: input.body,
      writtenBy: actor.userId,
      updatedAt: now,
    });
    await recordChange(tx, ctx, {
      entity: 'self-help-article',
      entityId: row.id,
      action: 'draft',
      after: auditedArticle(row),
    });
    return staffArticle(ctx, await loadArticle(ctx, tx, row.id));
  });
}

/** Changes a draft (the writer's own only); a stale version is a 412. */
export async function editArticleDraft(
  ctx: ServiceContext,
  deps: ArticleDeps,
  articleId: string,
  version: number,
  input: EditArticleInput,
): Promise<StaffArticle> {
  await authorise(ctx, 'online:write-content');
  const actor = staffOf(ctx);
  return withScope(deps.db, recordScope(actor), async (tx) => {
    const before = await loadArticle(ctx, tx, articleId);
    if (before.writtenBy !== actor.userId) {
      throw new AppError(
        'forbidden',
        'Only the writer can change a draft. Send them a comment in review instead.',
      );
    }
    if (before.version !== version) throw staleArticle();
    if (!isEditable(before.status as ArticleStatus)) {
      throw new AppError('conflict', 'Only a draft can be changed. This article is not a draft now.');
    }
    const base = slugOf(input.title);
    const slug = freeSlug(base, await articles.slugsLike(tx, before.serviceId, base, articleId));
    const after = await articles.updateArticle(
      tx,
      articleId,
      { version, status: before.status },
      { ...input, slug, updatedAt: ctx.now() },
    );
    if (!after) throw staleArticle();
    await recordChange(tx, ctx, {
      entity: 'self-help-article',
      entityId: articleId,
      action: 'edit',
      before: auditedArticle(before),
      after: auditedArticle(after),
    });
    return staffArticle(ctx, await loadArticle(ctx, tx, articleId));
  });
}

export const staleArticle = () =>
  new AppError('precondition-failed', 'Someone else changed this article first. Reload to see the latest.');
