import { articleFavourites } from '../db/schema';
import type { CommandContext } from './context';

/** Keeps an article in the member's 收藏; keeping it twice changes nothing. Not audited: the reader's own list. */
export async function favouriteArticle(
  ctx: CommandContext,
  { memberId, articleId }: { memberId: number; articleId: number },
): Promise<void> {
  await ctx.tx.insert(articleFavourites).values({ memberId, articleId, createdAt: ctx.now }).onConflictDoNothing();
}
