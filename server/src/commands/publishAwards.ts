import { AWARD_KINDS, AWARD_LABELS, awardRefusals, honourTitle, placementRefusals, type Block } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { awardReviews, honours } from '../db/schema';
import { refuse } from '../errors';
import { countObjections, findReview, listWinners, type AwardCandidateRow } from '../queries/awards';
import { findIssue } from '../queries/bulletins';
import { appendBulletinArticle } from './appendBulletinArticle';
import { audit } from './audit';
import type { CommandContext } from './context';

const text = (value: string, bold = false) => [{ text: value, bold }];

/** The list as a 简报 article: one heading per award, one line per winner (unit first for a member). */
export function winnersArticle(year: number, winners: AwardCandidateRow[]): { title: string; blocks: Block[] } {
  const blocks: Block[] = [{ type: 'paragraph', spans: text(`经片组推荐、评审委员会评审并公示，${year} 年度评优结果如下：`) }];
  for (const award of AWARD_KINDS) {
    const of = winners.filter((winner) => winner.award === award);
    if (of.length === 0) continue;
    blocks.push({ type: 'heading', level: 2, spans: text(`${AWARD_LABELS[award]}（${of.length}）`) });
    for (const winner of of) {
      blocks.push({ type: 'listItem', spans: text(winner.memberId === null ? winner.name : `${winner.unitName} ${winner.name}`) });
    }
  }
  return { title: `${year} 年度先进集体、优秀会员和优秀信息员名单`, blocks };
}

/**
 * After 公示 ended by the clock and every objection is answered: honours on each winner's card (a
 * unit's on its record), the list appended to a draft 简报 issue, the review published — in one
 * transaction, under the review's and the issue's locks.
 */
export async function publishAwards(ctx: CommandContext, { reviewId, issueId }: { reviewId: number; issueId: number }) {
  const review = await findReview(ctx.tx, reviewId, { lock: true });
  if (review.status !== 'publicity') throw refuse(awardRefusals.wrong_status, { status: review.status });
  if (ctx.now < review.publicityEndsAt!) throw refuse(awardRefusals.publicity_not_over, { endsAt: review.publicityEndsAt!.toISOString() });
  const { unanswered } = await countObjections(ctx.tx, review.id);
  if (unanswered > 0) throw refuse(awardRefusals.objections_unanswered, { count: unanswered });
  const issue = await findIssue(ctx.tx, issueId, { lock: true });
  if (issue.status !== 'draft') throw refuse(placementRefusals.issue_not_draft);

  const winners = await listWinners(ctx.tx, review.id);
  await ctx.tx.insert(honours).values(
    winners.map((winner) => ({
      year: review.year,
      award: winner.award,
      title: honourTitle(review.year, winner.award),
      memberId: winner.memberId,
      unitId: winner.unitId,
      candidateId: winner.id,
      createdAt: ctx.now,
    })),
  );
  const article = await appendBulletinArticle(ctx, {
    issueId: issue.id,
    article: { ...winnersArticle(review.year, winners), section: '协会动态' },
  });
  await ctx.tx
    .update(awardReviews)
    .set({ status: 'published', publishedAt: ctx.now, bulletinArticleId: article.id })
    .where(eq(awardReviews.id, review.id));
  await audit(ctx, {
    action: 'awards.publish',
    entity: 'award_review',
    entityId: review.id,
    after: { winners: winners.length, issueId: issue.id, articleId: article.id },
  });
}
