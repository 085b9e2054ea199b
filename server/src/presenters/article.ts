import { issueLabel, secondsToCountAsRead, type Article } from '@zhijian/shared';
import { and, asc, eq } from 'drizzle-orm';
import type { CurrentUser } from '../auth/currentUser';
import type { Queryable } from '../db/client';
import { articleFavourites, articleReads, bulletinArticles, bulletinIssues } from '../db/schema';
import { notFound } from '../errors';
import { canSeeIssue } from '../policies/bulletins';

/** Loads an article the viewer may see (a draft's article is "not found" to members). */
export async function findVisibleArticle(db: Queryable, articleId: number, viewer: CurrentUser) {
  const [row] = await db
    .select({ article: bulletinArticles, issue: bulletinIssues })
    .from(bulletinArticles)
    .innerJoin(bulletinIssues, eq(bulletinIssues.id, bulletinArticles.issueId))
    .where(eq(bulletinArticles.id, articleId));
  if (!row || !canSeeIssue(viewer, row.issue)) throw notFound('文章');
  return row;
}

export async function presentArticle(db: Queryable, articleId: number, viewer: CurrentUser): Promise<Article> {
  const { article, issue } = await findVisibleArticle(db, articleId, viewer);
  const siblings = await db
    .select({ id: bulletinArticles.id, title: bulletinArticles.title })
    .from(bulletinArticles)
    .where(eq(bulletinArticles.issueId, issue.id))
    .orderBy(asc(bulletinArticles.position), asc(bulletinArticles.id));
  const index = siblings.findIndex((sibling) => sibling.id === article.id);
  const mine = and(eq(articleReads.memberId, viewer.id), eq(articleReads.articleId, article.id));
  const [read] = await db.select({ at: articleReads.readAt }).from(articleReads).where(mine);
  const [favourite] = await db
    .select({ at: articleFavourites.createdAt })
    .from(articleFavourites)
    .where(and(eq(articleFavourites.memberId, viewer.id), eq(articleFavourites.articleId, article.id)));
  return {
    id: article.id,
    issueId: issue.id,
    issueLabel: issueLabel(issue),
    issueStatus: issue.status,
    position: index + 1,
    title: article.title,
    section: article.section,
    blocks: article.blocks,
    prev: siblings[index - 1] ?? null,
    next: siblings[index + 1] ?? null,
    favourite: Boolean(favourite),
    read: Boolean(read),
    secondsToRead: secondsToCountAsRead(article.plainText.length),
  };
}
