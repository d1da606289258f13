import { z } from 'zod';

// Self-help in online support (ADR 0021): the service's articles, published only after a second
// person's review, and a young person's own journal, moods and goals. There is no public commenting
// and no messaging between young people anywhere in it.

export const articleTopics = [
  'anxiety',
  'low-mood',
  'sleep',
  'friendships',
  'exams',
  'self-harm',
  'family',
  'other',
] as const;
export type ArticleTopic = (typeof articleTopics)[number];

/** Topic names as young people see them. */
export const articleTopicNames: Record<ArticleTopic, string> = {
  anxiety: 'Worry and anxiety',
  'low-mood': 'Feeling low',
  sleep: 'Sleep',
  friendships: 'Friends and feeling lonely',
  exams: 'Exams and school',
  'self-harm': 'Self-harm',
  family: 'Family',
  other: 'Other',
};

export const articleStatuses = ['draft', 'in-review', 'published', 'withdrawn'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export const articleStatusNames: Record<ArticleStatus, string> = {
  draft: 'Draft',
  'in-review': 'Waiting for review',
  published: 'Published',
  withdrawn: 'Withdrawn',
};

const HTML_TAG = /<\/?[a-z!][^>]*>/i;
const plainText = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, min > 1 ? `must be at least ${min} characters` : 'must not be empty')
    .max(max, `must be ${max} characters or fewer`)
    .refine((text) => !HTML_TAG.test(text), 'must be plain words, without HTML');

// ---- Articles, as anyone reads them ----

export const ArticleQuery = z.object({
  topic: z.enum(articleTopics).optional(),
  /** Which service's articles; a signed-in young person's own service when left out. */
  serviceId: z.uuid().optional(),
});

export const ArticleSlugParams = z.object({ slug: z.string().min(1).max(80) });

export const ArticleCard = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  topic: z.enum(articleTopics),
  publishedAt: z.string(),
});
export type ArticleCard = z.infer<typeof ArticleCard>;

export const ArticleList = z.object({ items: z.array(ArticleCard) });
export type ArticleList = z.infer<typeof ArticleList>;

export const PublishedArticle = ArticleCard.extend({
  /** The body as plain paragraphs: shown as text, never as HTML. */
  paragraphs: z.array(z.string()),
});
export type PublishedArticle = z.infer<typeof PublishedArticle>;

// ---- Articles, as staff write and review them ----

export const ArticleIdParams = z.object({ articleId: z.uuid() });
export const StaffArticleQuery = z.object({ status: z.enum(articleStatuses).optional() });

export const ArticleDraftInput = z.object({
  title: plainText(120, 3),
  summary: plainText(300, 10),
  topic: z.enum(articleTopics),
  /** Plain paragraphs separated by a blank line. */
  body: plainText(20_000, 20),
  /** Which of the organisation's services; its only one when left out. */
  serviceId: z.uuid().optional(),
});
export type ArticleDraftInput = z.infer<typeof ArticleDraftInput>;

export const EditArticleInput = ArticleDraftInput.omit({ serviceId: true });
export type EditArticleInput = z.infer<typeof EditArticleInput>;

export const ReviewArticleInput = z
  .object({
    decision: z.enum(['publish', 'send-back']),
    comment: z.string().trim().max(2000, 'must be 2000 characters or fewer').optional(),
  })
  .superRefine((input, issue) => {
    if (input.decision === 'send-back' && !input.comment) {
      issue.addIssue({ code: 'custom', path: ['comment'], message: 'must say what to change' });
    }
  });
export type ReviewArticleInput = z.infer<typeof ReviewArticleInput>;

export const WithdrawArticleInput = z.object({
  reason: z.string().trim().min(3, 'must say why').max(500, 'must be 500 characters or fewer'),
});
export type WithdrawArticleInput = z.infer<typeof WithdrawArticleInput>;

export const StaffArticle = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  topic: z.enum(articleTopics),
  body: z.string(),
  paragraphs: z.array(z.string()),
  status: z.enum(articleStatuses),
  writtenBy: z.object({ id: z.uuid(), name: z.string() }),
  reviewedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  reviewComment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** What the asking member of staff may do with it now. */
  can: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean(), withdraw: z.boolean() }),
});
export type StaffArticle = z.infer<typeof StaffArticle>;

export const StaffArticleList = z.object({ items: z.array(StaffArticle) });
export type StaffArticleList = z.infer<typeof StaffArticleList>;

// ---- Journal: the young person's alone ----

export const JournalEntryInput = z.object({ body: plainText(5000) });
export const JournalEntryParams = z.object({ entryId: z.uuid() });
export const JournalEntry = z.object({ id: z.uuid(), body: z.string(), writtenAt: z.string() });
export type JournalEntry = z.infer<typeof JournalEntry>;
export const JournalList = z.object({ items: z.array(JournalEntry) });
export type JournalList = z.infer<typeof JournalList>;
export const JournalHidden = z.object({ id: z.uuid(), hiddenAt: z.string() });

// ---- Mood ----

/** The words for each mood, 1 to 5: no pictures or emoji, so a screen reader reads them all. */
export const moodLabels = { 1: 'Awful', 2: 'Not good', 3: 'OK', 4: 'Good', 5: 'Great' } as const;
export type MoodValue = keyof typeof moodLabels;

export const MoodInput = z.object({
  mood: z
    .number({ error: 'must be a number from 1 to 5' })
    .int('must be a whole number from 1 to 5')
    .min(1, 'must be from 1 (awful) to 5 (great)')
    .max(5, 'must be from 1 (awful) to 5 (great)'),
  note: z.string().trim().max(500, 'must be 500 characters or fewer').optional(),
});
export type MoodInput = z.infer<typeof MoodInput>;

export const MoodEntry = z.object({
  id: z.uuid(),
  mood: z.number().int(),
  label: z.string(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});
export type MoodEntry = z.infer<typeof MoodEntry>;

export const MoodDay = z.object({
  /** YYYY-MM-DD in England. */
  day: z.string(),
  /** The last mood recorded that day, or null. */
  mood: z.number().int().nullable(),
  label: z.string().nullable(),
});
export type MoodDay = z.infer<typeof MoodDay>;

export const MoodHistory = z.object({
  /** The last 30 days, oldest first. */
  days: z.array(MoodDay),
  /** Every mood recorded in those days, newest first. */
  entries: z.array(MoodEntry),
  /** A plain sentence about the last 14 days. */
  sentence: z.string(),
});
export type MoodHistory = z.infer<typeof MoodHistory>;

// ---- Goals ----

export const goalClosings = ['achieved', 'stopped'] as const;

export const GoalInput = z.object({ goal: plainText(300, 3) });
export const GoalParams = z.object({ goalId: z.uuid() });
export const GoalRatingInput = z.object({
  rating: z
    .number({ error: 'must be a number from 0 to 10' })
    .int('must be a whole number from 0 to 10')
    .min(0, 'must be from 0 to 10')
    .max(10, 'must be from 0 to 10'),
});
export const CloseGoalInput = z.object({ closedAs: z.enum(goalClosings) });

export const Goal = z.object({
  id: z.uuid(),
  goal: z.string(),
  setAt: z.string(),
  closedAs: z.enum(goalClosings).nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  /** Oldest first. */
  ratings: z.array(z.object({ rating: z.number().int(), ratedAt: z.string() })),
  sentence: z.string(),
});
export type Goal = z.infer<typeof Goal>;
export const GoalList = z.object({ items: z.array(Goal) });
export type GoalList = z.infer<typeof GoalList>;
