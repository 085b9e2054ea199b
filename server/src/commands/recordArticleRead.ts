import { secondsToCountAsRead } from '@zhijian/shared';
import { articleReads } from '../db/schema';
import { hasRead, type ArticleRow } from '../queries/bulletins';
import { settingsAt } from '../queries/recordSettings';
import { awardPoints } from './awardPoints';
import type { CommandContext } from './context';

/** The ledger's source of 学习积分: an article, once per reader. */
export const ARTICLE_READ_SOURCE = 'article_read';

/**
 * A reader reports how long they stayed on an article; once that is long enough for its length,
 * it counts as read (the first time only: the mark keeps when it was first read) and earns the
 * 学习积分 of the settings in force, within the day's and the year's caps. Reading traces are the
 * reader's own, not audited.
 */
export async function recordArticleRead(
  ctx: CommandContext,
  { memberId, article, seconds }: { memberId: number; article: ArticleRow; seconds: number },
): Promise<{ read: boolean; secondsToRead: number }> {
  const secondsToRead = secondsToCountAsRead(article.plainText.length);
  if (seconds >= secondsToRead) {
    const marked = await ctx.tx
      .insert(articleReads)
      .values({ memberId, articleId: article.id, readAt: ctx.now })
      .onConflictDoNothing()
      .returning({ articleId: articleReads.articleId });
    if (marked.length) {
      const settings = await settingsAt(ctx.tx, ctx.now);
      await awardPoints(ctx, {
        memberId,
        category: 'study',
        sourceType: ARTICLE_READ_SOURCE,
        sourceId: article.id,
        points: settings.points.study.perRead,
        reason: `学习积分：阅读「${article.title}」`,
        at: ctx.now,
        settings,
      });
    }
  }
  return { read: await hasRead(ctx.tx, memberId, article.id), secondsToRead };
}
