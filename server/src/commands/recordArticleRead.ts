import { secondsToCountAsRead } from '@zhijian/shared';
import { articleReads } from '../db/schema';
import { hasRead, type ArticleRow } from '../queries/bulletins';
import type { CommandContext } from './context';

/**
 * A reader reports how long they stayed on an article; once that is long enough for its length,
 * it counts as read (the first time only: the mark keeps when it was first read). Reading
 * traces are the reader's own, not audited.
 */
export async function recordArticleRead(
  ctx: CommandContext,
  { memberId, article, seconds }: { memberId: number; article: ArticleRow; seconds: number },
): Promise<{ read: boolean; secondsToRead: number }> {
  const secondsToRead = secondsToCountAsRead(article.plainText.length);
  if (seconds >= secondsToRead) {
    await ctx.tx.insert(articleReads).values({ memberId, articleId: article.id, readAt: ctx.now }).onConflictDoNothing();
  }
  return { read: await hasRead(ctx.tx, memberId, article.id), secondsToRead };
}
