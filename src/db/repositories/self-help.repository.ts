import { and, desc, eq, inArray, like, ne, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { LanternDb } from '../client.js';
import { users } from '../schema/identity.js';
import { onlineServices, selfHelpArticles } from '../schema/online.js';

// The only code that queries self_help_articles. Articles hold no child's data (no row-level
// security): the services say who may see which status, and these functions filter by it.

export type ArticleRow = typeof selfHelpArticles.$inferSelect;
export type ArticleWithPeople = ArticleRow & {
  writerName: string;
  reviewerName: string | null;
};

/** The online support services an organisation runs. */
export async function servicesOfOrganisation(tx: LanternDb, organisationId: string) {
  return tx
    .select({ id: onlineServices.id })
    .from(onlineServices)
    .where(eq(onlineServices.organisationId, organisationId))
    .orderBy(onlineServices.createdAt);
}

/** Published articles, newest first, of one service or all. */
export async function listPublished(
  tx: LanternDb,
  filter: { topic?: string | undefined; serviceId?: string | undefined },
): Promise<ArticleRow[]> {
  return tx
    .select()
    .from(selfHelpArticles)
    .where(
      and(
        eq(selfHelpArticles.status, 'published'),
        filter.topic ? eq(selfHelpArticles.topic, filter.topic) : undefined,
        filter.serviceId ? eq(selfHelpArticles.serviceId, filter.serviceId) : undefined,
      ),
    )
    .orderBy(desc(selfHelpArticles.publishedAt), selfHelpArticles.title);
}

/** A published article by its slug (the most recently published, if two services share it). */
export async function findPublishedBySlug(
  tx: LanternDb,
  slug: string,
  serviceId: string | undefined,
): Promise<ArticleRow | null> {
  const [row] = await tx
    .select()
    .from(selfHelpArticles)
    .where(
      and(
        eq(selfHelpArticles.status, 'published'),
        eq(selfHelpArticles.slug, slug),
        serviceId ? eq(selfHelpArticles.serviceId, serviceId) : undefined,
      ),
    )
    .orderBy(desc(selfHelpArticles.publishedAt))
    .limit(1);
  return row ?? null;
}

const writer = alias(users, 'writer');
const reviewer = alias(users, 'reviewer');

function withPeople(tx: LanternDb) {
  return tx
    .select({ article: selfHelpArticles, writerName: writer.displayName, reviewerName: reviewer.displayName })
    .from(selfHelpArticles)
    .innerJoin(onlineServices, eq(onlineServices.id, selfHelpArticles.serviceId))
    .innerJoin(writer, eq(writer.id, selfHelpArticles.writtenBy))
    .leftJoin(reviewer, eq(reviewer.id, selfHelpArticles.reviewedBy));
}

type Joined = { article: ArticleRow; writerName: string; reviewerName: string | null };
const flatten = (row: Joined): ArticleWithPeople => ({
  ...row.article,
  writerName: row.writerName,
  reviewerName: row.reviewerName,
});

/** Every article of an organisation's services (any status, or one), most recently changed first. */
export async function listForOrganisation(
  tx: LanternDb,
  organisationId: string,
  statuses?: readonly string[],
): Promise<ArticleWithPeople[]> {
  const rows = await withPeople(tx)
    .where(
      and(
        eq(onlineServices.organisationId, organisationId),
        statuses ? inArray(selfHelpArticles.status, [...statuses]) : undefined,
      ),
    )
    .orderBy(desc(selfHelpArticles.updatedAt));
  return rows.map(flatten);
}

/** One article, if it belongs to one of the organisation's services. */
export async function findForOrganisation(
  tx: LanternDb,
  organisationId: string,
  articleId: string,
): Promise<ArticleWithPeople | null> {
  const [row] = await withPeople(tx).where(
    and(eq(onlineServices.organisationId, organisationId), eq(selfHelpArticles.id, articleId)),
  );
  return row ? flatten(row) : null;
}

/** Slugs of a service that start with `slug`, apart from one article's own. */
export async function slugsLike(
  tx: LanternDb,
  serviceId: string,
  slug: string,
  exceptId?: string,
): Promise<Set<string>> {
  const rows = await tx
    .select({ slug: selfHelpArticles.slug })
    .from(selfHelpArticles)
    .where(
      and(
        eq(selfHelpArticles.serviceId, serviceId),
        or(eq(selfHelpArticles.slug, slug), like(selfHelpArticles.slug, `${slug}-%`)),
        exceptId ? ne(selfHelpArticles.id, exceptId) : undefined,
      ),
    );
  return new Set(rows.map((r) => r.slug));
}

export async function insertArticle(
  tx: LanternDb,
  article: Pick<
    ArticleRow,
    'serviceId' | 'slug' | 'title' | 'summary' | 'body' | 'topic' | 'writtenBy' | 'updatedAt'
  >,
): Promise<ArticleRow> {
  const [row] = await tx.insert(selfHelpArticles).values(article).returning();
  if (!row) throw new Error('article not stored');
  return row;
}

/**
 * Changes an article if it is still at `version` (and in `status`), moving the version on. Null when
 * someone else changed it first.
 */
export async function updateArticle(
  tx: LanternDb,
  articleId: string,
  expected: { version: number; status: string },
  change: Partial<
    Pick<
      ArticleRow,
      | 'slug'
      | 'title'
      | 'summary'
      | 'body'
      | 'topic'
      | 'status'
      | 'submittedAt'
      | 'reviewedBy'
      | 'reviewComment'
      | 'publishedAt'
      | 'withdrawnAt'
    >
  > & { updatedAt: Date },
): Promise<ArticleRow | null> {
  const [row] = await tx
    .update(selfHelpArticles)
    .set({ ...change, version: expected.version + 1 })
    .where(
      and(
        eq(selfHelpArticles.id, articleId),
        eq(selfHelpArticles.version, expected.version),
        eq(selfHelpArticles.status, expected.status),
      ),
    )
    .returning();
  return row ?? null;
}
