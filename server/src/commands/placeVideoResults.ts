import { placementRefusals, videoRefusals, type Block } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { videoRounds } from '../db/schema';
import { refuse } from '../errors';
import { findIssue } from '../queries/bulletins';
import { findRound, type RoundResultRow } from '../queries/videos';
import { appendBulletinArticle } from './appendBulletinArticle';
import { audit } from './audit';
import type { CommandContext } from './context';

const text = (value: string): Block => ({ type: 'paragraph', spans: [{ text: value, bold: false }] });

/** The round's top videos as one 简报 article: the theme, then one line per video with its unit and figures. */
export function resultBlocks(theme: string, rows: RoundResultRow[]): Block[] {
  const lines = rows.map((row) =>
    text(`第${row.rank}名\u3000${row.unitName}《${row.title}》：综合得分 ${row.total.toFixed(1)}，点赞 ${row.publishedLikes} 次`),
  );
  return theme ? [text(theme), ...lines] : lines;
}

/** Appends the top videos to a draft issue (under its lock), once per issue per round. */
export async function placeVideoResults(
  ctx: CommandContext,
  { roundId, issueId, rows }: { roundId: number; issueId: number; rows: RoundResultRow[] },
): Promise<{ issueId: number; articleId: number; videoIds: number[] }> {
  if (rows.length === 0) throw refuse(videoRefusals.nothing_to_place);
  const issue = await findIssue(ctx.tx, issueId, { lock: true });
  if (issue.status !== 'draft') throw refuse(placementRefusals.issue_not_draft);
  const round = await findRound(ctx.tx, roundId, { lock: true });
  if (round.placedIssueId === issue.id) throw refuse(placementRefusals.already_in_issue, { issueId: issue.id });
  const article = await appendBulletinArticle(ctx, {
    issueId: issue.id,
    article: { title: `网络击鼓传花·${round.title}优秀视频`, section: '协会动态', blocks: resultBlocks(round.theme, rows) },
  });
  await ctx.tx.update(videoRounds).set({ placedIssueId: issue.id }).where(eq(videoRounds.id, round.id));
  const videoIds = rows.map((row) => row.videoId);
  await audit(ctx, {
    action: 'video_round.place',
    entity: 'video_round',
    entityId: round.id,
    after: { issueId: issue.id, articleId: article.id, videoIds },
  });
  return { issueId: issue.id, articleId: article.id, videoIds };
}
