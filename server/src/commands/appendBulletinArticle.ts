import type { Block } from '@zhijian/shared';
import { eq, max } from 'drizzle-orm';
import { articleSearchFields } from '../bulletinSearch/articleSearchFields';
import type { Queryable } from '../db/client';
import { bulletinArticles } from '../db/schema';

/** Adds an article after the last one of an issue, with its search fields derived. */
export async function appendBulletinArticle(
  tx: Queryable,
  issueId: number,
  article: { title: string; section: string | null; blocks: Block[] },
) {
  const [last] = await tx
    .select({ position: max(bulletinArticles.position) })
    .from(bulletinArticles)
    .where(eq(bulletinArticles.issueId, issueId));
  const [created] = await tx
    .insert(bulletinArticles)
    .values({ issueId, position: (last?.position ?? 0) + 1, ...article, ...articleSearchFields(article.title, article.blocks) })
    .returning();
  return created!;
}
