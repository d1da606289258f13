import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import type { Permission } from '../../access/permissions.js';
import { recordScope } from '../../access/scope.js';
import type {
  ArticleStatus,
  ReviewArticleInput,
  StaffArticle,
  WithdrawArticleInput,
} from '../../contracts/self-help.js';
import type { LanternDb } from '../../db/client.js';
import * as articles from '../../db/repositories/self-help.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { type ArticleMove, mayReview, nextArticleStatus } from '../../domain/online/self-help.js';
import { recordChange } from '../audit/record-change.js';
import { auditedArticle, loadArticle, staffArticle, staleArticle } from './article-drafts.js';
import type { ArticleDeps } from './article-reading.js';

// Pre-moderation: the writer sends an article for review; someone else with the review permission
// publishes it or sends it back with a comment; a reviewer may withdraw a published article.

const moveWords: Record<ArticleMove, string> = {
  submit: 'Only a draft can be sent for review.',
  publish: 'Only an article waiting for review can be published.',
  'send-back': 'Only an article waiting for review can be sent back.',
  withdraw: 'Only a published article can be withdrawn.',
};

/** Makes one move on an article, checking its version and status; audits it. */
async function move(
  ctx: ServiceContext,
  deps: ArticleDeps,
  permission: Permission,
  articleId: string,
  version: number,
  step: ArticleMove,
  check: (article: articles.ArticleWithPeople, userId: string) => void,
  change: (now: Date, userId: string) => Omit<Parameters<typeof articles.updateArticle>[3], 'updatedAt'>,
  audit?: Record<string, unknown>,
): Promise<StaffArticle> {
  await authorise(ctx, permission);
  const actor = staffOf(ctx);
  return withScope(deps.db, recordScope(actor), async (tx: LanternDb) => {
    const before = await loadArticle(ctx, tx, articleId);
    check(before, actor.userId);
    if (before.version !== version) throw staleArticle();
    const to = nextArticleStatus(before.status as ArticleStatus, step);
    if (!to) throw new AppError('conflict', moveWords[step]);
    const now = ctx.now();
    const after = await articles.updateArticle(
      tx,
      articleId,
      { version, status: before.status },
      { ...change(now, actor.userId), status: to, updatedAt: now },
    );
    if (!after) throw staleArticle();
    await recordChange(tx, ctx, {
      entity: 'self-help-article',
      entityId: articleId,
      action: step,
      before: auditedArticle(before),
      after: { ...auditedArticle(after), ...audit },
    });
    return staffArticle(ctx, await loadArticle(ctx, tx, articleId));
  });
}

export function submitArticle(ctx: ServiceContext, deps: ArticleDeps, articleId: string, version: number) {
  return move(
    ctx,
    deps,
    'online:write-content',
    articleId,
    version,
    'submit',
    (article, userId) => {
      if (article.writtenBy !== userId) {
        throw new AppError('forbidden', 'Only the writer can send their article for review.');
      }
    },
    (now) => ({ submittedAt: now, reviewedBy: null, reviewComment: null }),
  );
}

/** Publishes an article or sends it back with a comment: never the writer's own. */
export function reviewArticle(
  ctx: ServiceContext,
  deps: ArticleDeps,
  articleId: string,
  version: number,
  input: ReviewArticleInput,
) {
  const isPublish = input.decision === 'publish';
  return move(
    ctx,
    deps,
    'online:review-content',
    articleId,
    version,
    isPublish ? 'publish' : 'send-back',
    (article, userId) => {
      if (!mayReview(article, userId)) {
        throw new AppError('forbidden', 'You wrote this article, so someone else must review it.');
      }
    },
    (now, userId) => ({
      reviewedBy: userId,
      reviewComment: input.comment || null,
      ...(isPublish ? { publishedAt: now } : {}),
    }),
  );
}

export function withdrawArticle(
  ctx: ServiceContext,
  deps: ArticleDeps,
  articleId: string,
  version: number,
  input: WithdrawArticleInput,
) {
  return move(
    ctx,
    deps,
    'online:review-content',
    articleId,
    version,
    'withdraw',
    () => {},
    (now) => ({ withdrawnAt: now }),
    { withdrawReason: input.reason },
  );
}
