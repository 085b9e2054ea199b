import { and, eq } from 'drizzle-orm';
import { articleFavourites } from '../db/schema';
import type { CommandContext } from './context';

/** Takes an article out of the member's 收藏; one that was not there stays not there. */
export async function unfavouriteArticle(
  ctx: CommandContext,
  { memberId, articleId }: { memberId: number; articleId: number },
): Promise<void> {
  await ctx.tx.delete(articleFavourites).where(and(eq(articleFavourites.memberId, memberId), eq(articleFavourites.articleId, articleId)));
}
