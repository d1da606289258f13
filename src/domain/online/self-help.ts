import type { ArticleStatus } from '../../contracts/self-help.js';
import { moodLabels } from '../../contracts/self-help.js';
import { londonDate } from '../people/child-details.js';

// Rules of self-help (ADR 0021): an article is published only after someone other than its writer
// reviews it; moods and goals are summed up in plain sentences a 12-year-old can read.

export type ArticleMove = 'submit' | 'publish' | 'send-back' | 'withdraw';

/** The allowed moves of an article: from which statuses, and where each one goes. */
export const articleTransitions: Record<ArticleMove, { from: readonly ArticleStatus[]; to: ArticleStatus }> =
  {
    submit: { from: ['draft'], to: 'in-review' },
    publish: { from: ['in-review'], to: 'published' },
    'send-back': { from: ['in-review'], to: 'draft' },
    withdraw: { from: ['published'], to: 'withdrawn' },
  };

/** Where a move takes an article, or null when the move is not allowed from its status. */
export function nextArticleStatus(status: ArticleStatus, move: ArticleMove): ArticleStatus | null {
  const rule = articleTransitions[move];
  return rule.from.includes(status) ? rule.to : null;
}

/** Only a draft can be edited: what a reviewer approved is what is published. */
export const isEditable = (status: ArticleStatus) => status === 'draft';

/** A reviewer is never the writer: pre-moderation means a second person. */
export function mayReview(article: { writtenBy: string }, reviewerId: string): boolean {
  return article.writtenBy !== reviewerId;
}

/** What a member of staff may do with an article now, for the page's buttons. */
export function articleActions(
  article: { status: ArticleStatus; writtenBy: string },
  userId: string,
  permissions: { canWrite: boolean; canReview: boolean },
) {
  const isWriter = article.writtenBy === userId;
  return {
    edit: permissions.canWrite && isWriter && isEditable(article.status),
    submit: permissions.canWrite && isWriter && nextArticleStatus(article.status, 'submit') !== null,
    review:
      permissions.canReview &&
      mayReview(article, userId) &&
      nextArticleStatus(article.status, 'publish') !== null,
    withdraw: permissions.canReview && nextArticleStatus(article.status, 'withdraw') !== null,
  };
}

/** Words the article list uses after /articles/: "drafts" is taken by the staff list. */
const reservedSlugs = new Set(['drafts']);

/** A URL name from a title: lower-case letters and digits joined by single hyphens. */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  if (!slug) return 'article';
  return reservedSlugs.has(slug) ? `${slug}-article` : slug;
}

/** The first of slug, slug-2, slug-3… that is not taken. */
export function freeSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n += 1) {
    const candidate = `${slug}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The body's paragraphs: split at blank lines, trimmed, none empty. Shown as text, never HTML. */
export function paragraphsOf(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}

// ---- Mood ----

export function moodLabel(mood: number): string {
  return moodLabels[mood as keyof typeof moodLabels] ?? 'Unknown';
}

export interface MoodPoint {
  mood: number;
  recordedAt: Date;
}

/** The last `days` days in England, oldest first, each with the last mood recorded that day. */
export function dailyMoods(entries: readonly MoodPoint[], now: Date, days = 30) {
  const lastByDay = new Map<string, MoodPoint>();
  for (const entry of entries) {
    const day = londonDate(entry.recordedAt);
    const seen = lastByDay.get(day);
    if (!seen || seen.recordedAt <= entry.recordedAt) lastByDay.set(day, entry);
  }
  const result: { day: string; mood: number | null; label: string | null }[] = [];
  // Step back from midday today, so the clock change never skips or repeats a day.
  const today = londonDate(now);
  const noon = new Date(`${today}T12:00:00Z`).getTime();
  for (let back = days - 1; back >= 0; back -= 1) {
    const day = londonDate(new Date(noon - back * 86_400_000));
    const mood = lastByDay.get(day)?.mood ?? null;
    result.push({ day, mood, label: mood === null ? null : moodLabel(mood) });
  }
  return result;
}

const dayWord = (n: number) => (n === 1 ? 'day' : 'days');

/** "You felt good or great on 9 of the last 14 days", or what is true when some days are blank. */
export function moodSentence(entries: readonly MoodPoint[], now: Date, days = 14): string {
  const recent = dailyMoods(entries, now, days).filter((d) => d.mood !== null);
  const good = recent.filter((d) => (d.mood ?? 0) >= 4).length;
  if (recent.length === 0) return `You have not said how you feel in the last ${days} days.`;
  if (recent.length === days) return `You felt good or great on ${good} of the last ${days} days.`;
  return `You said how you felt on ${recent.length} of the last ${days} days. You felt good or great on ${good} of those ${dayWord(recent.length)}.`;
}

// ---- Goals ----

export type GoalClosing = 'achieved' | 'stopped';

/** A goal can be rated and closed only while it is open; closing is once. */
export function mayChangeGoal(goal: { closedAs: string | null }): boolean {
  return goal.closedAs === null;
}

/** A plain sentence about a goal's ratings (oldest first). */
export function goalSentence(
  goal: { closedAs: string | null },
  ratings: readonly { rating: number }[],
): string {
  const first = ratings[0];
  const last = ratings[ratings.length - 1];
  const closing =
    goal.closedAs === 'achieved'
      ? ' You did it!'
      : goal.closedAs === 'stopped'
        ? ' You stopped this goal.'
        : '';
  if (!first || !last) return `You have not rated this goal yet.${closing}`;
  if (ratings.length === 1) return `You rated this goal ${first.rating} out of 10.${closing}`;
  const change =
    last.rating > first.rating ? 'up' : last.rating < first.rating ? 'down' : 'the same as at the start';
  const moved = change === 'the same as at the start' ? change : `${change} from ${first.rating}`;
  return `Your latest rating is ${last.rating} out of 10, ${moved}.${closing}`;
}
