import { and, eq, gt, sql } from 'drizzle-orm';
import { bulletinArticles } from '../db/schema';
import { findArticle, findIssue } from '../queries/bulletins';
import { audit } from './audit';
import type { CommandContext } from './context';
import { auditedArticle } from './updateBulletinArticle';

/** Removes an article and closes the gap, so positions stay 1…n. */
export async function removeBulletinArticle(ctx: CommandContext, { articleId }: { articleId: number }): Promise<void> {
  const { issueId } = await findArticle(ctx.tx, articleId);
  // Under the issue's row lock, read the article again: its position is settled until commit.
  await findIssue(ctx.tx, issueId, { lock: true });
  const article = await findArticle(ctx.tx, articleId);
  await ctx.tx.delete(bulletinArticles).where(eq(bulletinArticles.id, article.id));
  await ctx.tx
    .update(bulletinArticles)
    .set({ position: sql`${bulletinArticles.position} - 1` })
    .where(and(eq(bulletinArticles.issueId, issueId), gt(bulletinArticles.position, article.position)));
  await audit(ctx, {
    action: 'bulletin.article_remove',
    entity: 'bulletin_article',
    entityId: article.id,
    before: auditedArticle(article),
  });
}
