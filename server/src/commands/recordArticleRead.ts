import { secondsToCountAsRead } from '@zhijian/shared';
import { articleReads } from '../db/schema';
import { hasRead, type ArticleRow } from '../queries/bulletins';
import { settingsAt } from '../queries/recordSettings';
import { awardPoints } from './awardPoints';
import type { CommandContext } from './context';

/** The ledger's source of 学习积分: an article, once per reader. */
export const ARTICLE_READ_SOURCE = 'article_read';

/** How far back a read reported late (made offline, sent from the device's outbox) may be dated. */
export const LATE_READ_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * When a reported read counts as made. The device's time is believed only within what cannot be
 * false: not after the server's clock (no credit in advance), not before the issue was published
 * (nobody read it earlier), not more than 7 days back (an outbox waits no longer; an older report
 * counts as of then). So a forged time can at most move the read, and its points, to another day
 * of the last week — the one-award-per-article rule and the day's and year's caps still hold.
 */
export function readTimeOf(reportedAt: Date | undefined, now: Date, publishedAt: Date | null): Date {
  if (!reportedAt) return now;
  const earliest = Math.max(now.getTime() - LATE_READ_WINDOW_MS, publishedAt?.getTime() ?? 0);
  return new Date(Math.min(now.getTime(), Math.max(earliest, reportedAt.getTime())));
}

/**
 * A reader reports how long they stayed on an article; once that is long enough for its length,
 * it counts as read (the first time only: the mark keeps when it was first read) and earns the
 * 学习积分 of the settings in force, within the day's and the year's caps. Reading traces are the
 * reader's own, not audited.
 */
export async function recordArticleRead(
  ctx: CommandContext,
  {
    memberId,
    article,
    seconds,
    readAt = ctx.now,
  }: { memberId: number; article: ArticleRow; seconds: number; /** From `readTimeOf`; now unless reported late. */ readAt?: Date },
): Promise<{ read: boolean; secondsToRead: number }> {
  const secondsToRead = secondsToCountAsRead(article.plainText.length);
  if (seconds >= secondsToRead) {
    const marked = await ctx.tx
      .insert(articleReads)
      .values({ memberId, articleId: article.id, readAt })
      .onConflictDoNothing()
      .returning({ articleId: articleReads.articleId });
    if (marked.length) {
      const settings = await settingsAt(ctx.tx, readAt);
      await awardPoints(ctx, {
        memberId,
        category: 'study',
        sourceType: ARTICLE_READ_SOURCE,
        sourceId: article.id,
        points: settings.points.study.perRead,
        reason: `学习积分：阅读「${article.title}」`,
        at: readAt,
        settings,
      });
    }
  }
  return { read: await hasRead(ctx.tx, memberId, article.id), secondsToRead };
}
