import type { ArticleInput } from '@zhijian/shared';
import { articleSearchFields } from '../bulletinSearch/articleSearchFields';
import { bulletinArticles } from '../db/schema';
import { lastArticlePosition, type ArticleRow } from '../queries/bulletins';
import type { CommandContext } from './context';

/**
 * Adds an article after the last one of an issue, with its search fields derived. A step of other
 * commands (adding an article, adopting a news item), which hold the issue's row lock so two appends
 * cannot take the same position, and which audit the change as what they did. It needs only the
 * transaction and the time.
 */
export async function appendBulletinArticle(
  ctx: Pick<CommandContext, 'tx' | 'now'>,
  { issueId, article }: { issueId: number; article: ArticleInput },
): Promise<ArticleRow> {
  const position = (await lastArticlePosition(ctx.tx, issueId)) + 1;
  const [created] = await ctx.tx
    .insert(bulletinArticles)
    .values({
      issueId,
      position,
      ...article,
      ...articleSearchFields(article.title, article.blocks),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  return created!;
}
