import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ArticleDraftInput,
  ArticleIdParams,
  ArticleList,
  ArticleQuery,
  ArticleSlugParams,
  CloseGoalInput,
  EditArticleInput,
  Goal,
  GoalInput,
  GoalList,
  GoalParams,
  GoalRatingInput,
  JournalEntry,
  JournalEntryInput,
  JournalEntryParams,
  JournalHidden,
  JournalList,
  MoodEntry,
  MoodHistory,
  MoodInput,
  PublishedArticle,
  ReviewArticleInput,
  StaffArticle,
  StaffArticleList,
  StaffArticleQuery,
  WithdrawArticleInput,
} from '../../contracts/self-help.js';
import {
  createArticleDraft,
  editArticleDraft,
  listStaffArticles,
  readStaffArticle,
} from '../../services/online/article-drafts.js';
import { listPublishedArticles, readPublishedArticle } from '../../services/online/article-reading.js';
import { reviewArticle, submitArticle, withdrawArticle } from '../../services/online/article-review.js';
import { closeGoal, listGoals, rateGoal, setGoal } from '../../services/online/goal-tracking.js';
import {
  hideJournalEntry,
  listJournalEntries,
  writeJournalEntry,
} from '../../services/online/journal-entries.js';
import { moodHistory, recordMood } from '../../services/online/mood-entries.js';
import { expectedVersion, IdempotencyKey, IfMatch, withEtag } from './headers.js';
import { errors } from './mhst.routes.js';
import type { OnlineRouteOptions } from './online-route-options.js';
import { publicOperation, signedInOperation, youngPersonOperation } from './security.js';

const ifMatchAndKey = IfMatch.extend(IdempotencyKey.shape);

/**
 * Self-help: the service's reviewed articles (public once published), and a young person's own
 * journal, moods and goals. No route lets anyone comment in public or message another young person.
 */
export const selfHelpRoutes: FastifyPluginAsyncZod<OnlineRouteOptions> = async (app, { db }) => {
  const deps = { db };
  const op = (summary: string) => ({ summary, tags: ['self-help'], ...signedInOperation });
  const open = (summary: string) => ({ summary, tags: ['self-help'], ...publicOperation });
  const mine = (summary: string) => ({ summary, tags: ['self-help'], ...youngPersonOperation });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  // ---- Articles anyone may read ----
  app.get(
    '/api/online/articles',
    {
      schema: {
        ...open('Published self-help articles, newest first, by topic'),
        querystring: ArticleQuery,
        response: { 200: ArticleList, ...errors },
      },
    },
    (request) => listPublishedArticles(request.ctx, deps, request.query),
  );
  app.get(
    '/api/online/articles/:slug',
    {
      schema: {
        ...open('One published self-help article, as plain paragraphs'),
        params: ArticleSlugParams,
        querystring: ArticleQuery.pick({ serviceId: true }),
        response: { 200: PublishedArticle, ...errors },
      },
    },
    (request) => readPublishedArticle(request.ctx, deps, request.params.slug, request.query.serviceId),
  );

  // ---- Articles as staff write and review them ----
  app.get(
    '/api/online/articles/drafts',
    {
      schema: {
        ...op('Every article of your organisation’s online support, by status'),
        querystring: StaffArticleQuery,
        response: { 200: StaffArticleList, ...errors },
      },
    },
    (request) => listStaffArticles(request.ctx, deps, request.query.status),
  );
  app.post(
    '/api/online/articles/drafts',
    {
      config: { idempotent: true },
      schema: {
        ...op('Start a self-help article (a draft)'),
        headers: IdempotencyKey,
        body: ArticleDraftInput,
        response: { 200: StaffArticle, ...errors },
      },
    },
    (request, reply) => withEtag(reply, createArticleDraft(request.ctx, deps, request.body)),
  );
  app.get(
    '/api/online/articles/drafts/:articleId',
    {
      schema: {
        ...op('One article, any status, with what you may do with it'),
        params: ArticleIdParams,
        response: { 200: StaffArticle, ...errors },
      },
    },
    (request, reply) => withEtag(reply, readStaffArticle(request.ctx, deps, request.params.articleId)),
  );
  app.put(
    '/api/online/articles/drafts/:articleId',
    {
      schema: {
        ...op('Change your own draft (If-Match: the article version)'),
        params: ArticleIdParams,
        headers: IfMatch,
        body: EditArticleInput,
        response: { 200: StaffArticle, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        editArticleDraft(
          request.ctx,
          deps,
          request.params.articleId,
          expectedVersion(request.headers['if-match']),
          request.body,
        ),
      ),
  );
  app.post(
    '/api/online/articles/drafts/:articleId/submission',
    {
      schema: {
        ...op('Send your draft for review by someone else (If-Match: the article version)'),
        params: ArticleIdParams,
        headers: ifMatchAndKey,
        body: z.object({}).optional(),
        response: { 200: StaffArticle, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        submitArticle(
          request.ctx,
          deps,
          request.params.articleId,
          expectedVersion(request.headers['if-match']),
        ),
      ),
  );
  app.post(
    '/api/online/articles/drafts/:articleId/review',
    {
      schema: {
        ...op('Publish an article someone else wrote, or send it back with a comment (If-Match)'),
        params: ArticleIdParams,
        headers: ifMatchAndKey,
        body: ReviewArticleInput,
        response: { 200: StaffArticle, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        reviewArticle(
          request.ctx,
          deps,
          request.params.articleId,
          expectedVersion(request.headers['if-match']),
          request.body,
        ),
      ),
  );
  app.post(
    '/api/online/articles/drafts/:articleId/withdrawal',
    {
      schema: {
        ...op('Take a published article down, saying why (If-Match: the article version)'),
        params: ArticleIdParams,
        headers: ifMatchAndKey,
        body: WithdrawArticleInput,
        response: { 200: StaffArticle, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        withdrawArticle(
          request.ctx,
          deps,
          request.params.articleId,
          expectedVersion(request.headers['if-match']),
          request.body,
        ),
      ),
  );

  // ---- A young person's own journal, moods and goals ----
  app.get(
    '/api/online/journal',
    { schema: { ...mine('Your journal, newest first'), response: { 200: JournalList, ...errors } } },
    (request) => listJournalEntries(request.ctx, deps),
  );
  app.post(
    '/api/online/journal',
    {
      config: { idempotent: true },
      schema: {
        ...mine('Write in your journal (only you can read it)'),
        headers: IdempotencyKey,
        body: JournalEntryInput,
        response: { 200: JournalEntry, ...errors },
      },
    },
    (request) => writeJournalEntry(request.ctx, deps, request.body),
  );
  app.post(
    '/api/online/journal/:entryId/hide',
    {
      schema: {
        ...mine('Hide a journal entry (it is kept, never deleted)'),
        params: JournalEntryParams,
        response: { 200: JournalHidden, ...errors },
      },
    },
    (request) => hideJournalEntry(request.ctx, deps, request.params.entryId),
  );
  app.get(
    '/api/online/moods',
    {
      schema: {
        ...mine('How you have felt over the last 30 days'),
        response: { 200: MoodHistory, ...errors },
      },
    },
    (request) => moodHistory(request.ctx, deps),
  );
  app.post(
    '/api/online/moods',
    {
      config: { idempotent: true },
      schema: {
        ...mine('Say how you feel today, 1 (awful) to 5 (great)'),
        headers: IdempotencyKey,
        body: MoodInput,
        response: { 200: MoodEntry, ...errors },
      },
    },
    (request) => recordMood(request.ctx, deps, request.body),
  );
  app.get(
    '/api/online/goals',
    { schema: { ...mine('Your goals and their ratings'), response: { 200: GoalList, ...errors } } },
    (request) => listGoals(request.ctx, deps),
  );
  app.post(
    '/api/online/goals',
    {
      config: { idempotent: true },
      schema: {
        ...mine('Set a goal in your own words'),
        headers: IdempotencyKey,
        body: GoalInput,
        response: { 200: Goal, ...errors },
      },
    },
    (request, reply) => withEtag(reply, setGoal(request.ctx, deps, request.body)),
  );
  app.post(
    '/api/online/goals/:goalId/ratings',
    {
      config: { idempotent: true },
      schema: {
        ...mine('Rate a goal from 0 (not at all) to 10 (fully there)'),
        params: GoalParams,
        headers: IdempotencyKey,
        body: GoalRatingInput,
        response: { 200: Goal, ...errors },
      },
    },
    (request, reply) => withEtag(reply, rateGoal(request.ctx, deps, request.params.goalId, request.body)),
  );
  app.put(
    '/api/online/goals/:goalId',
    {
      schema: {
        ...mine('Mark a goal achieved or stopped (If-Match: the goal version)'),
        params: GoalParams,
        headers: IfMatch,
        body: CloseGoalInput,
        response: { 200: Goal, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        closeGoal(
          request.ctx,
          deps,
          request.params.goalId,
          expectedVersion(request.headers['if-match']),
          request.body,
        ),
      ),
  );
};
