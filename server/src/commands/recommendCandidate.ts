import { assess, awardRefusals } from '@zhijian/shared';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { awardCandidates } from '../db/schema';
import { refuse } from '../errors';
import { findCandidate, findReview } from '../queries/awards';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * A 片组 leader recommends a candidate of their own 片组. The review's row lock serialises
 * recommendations, so two at once cannot both take the last place of the 片组's quota.
 */
export async function recommendCandidate(
  ctx: CommandContext,
  { candidateId, groupId, note }: { candidateId: number; groupId: number; note: string },
) {
  const candidate = await findCandidate(ctx.tx, candidateId);
  const review = await findReview(ctx.tx, candidate.reviewId, { lock: true });
  if (review.status !== 'open') throw refuse(awardRefusals.wrong_status, { status: review.status });
  if (candidate.groupId !== groupId) throw refuse(awardRefusals.not_your_group);
  const current = await findCandidate(ctx.tx, candidateId, { lock: true });
  if (current.recommendedAt !== null) throw refuse(awardRefusals.already_recommended);
  if (!assess(current.figures, review.rules).eligible) throw refuse(awardRefusals.not_eligible);
  const [{ taken }] = (await ctx.tx
    .select({ taken: sql<number>`count(*)::int` })
    .from(awardCandidates)
    .where(
      and(
        eq(awardCandidates.reviewId, review.id),
        eq(awardCandidates.award, current.award),
        eq(awardCandidates.groupId, groupId),
        isNotNull(awardCandidates.recommendedAt),
      ),
    )) as [{ taken: number }];
  if (taken >= review.rules.recommendLimit) throw refuse(awardRefusals.recommend_limit_reached, { limit: review.rules.recommendLimit });
  await ctx.tx
    .update(awardCandidates)
    .set({ recommendedBy: ctx.actor?.id ?? null, recommendedAt: ctx.now, recommendationNote: note })
    .where(eq(awardCandidates.id, current.id));
  await audit(ctx, { action: 'awards.recommend', entity: 'award_candidate', entityId: current.id, after: { note } });
}
