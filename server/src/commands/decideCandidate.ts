import { awardRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { awardCandidates } from '../db/schema';
import { refuse } from '../errors';
import { findCandidate, findReview } from '../queries/awards';
import { audit } from './audit';
import type { CommandContext } from './context';

/** The committee (秘书处) selects or passes over a recommended candidate, with its note; it may change its mind until 公示. */
export async function decideCandidate(
  ctx: CommandContext,
  { candidateId, selected, note }: { candidateId: number; selected: boolean; note: string },
) {
  const candidate = await findCandidate(ctx.tx, candidateId);
  const review = await findReview(ctx.tx, candidate.reviewId, { lock: true });
  if (review.status !== 'open') throw refuse(awardRefusals.wrong_status, { status: review.status });
  if (candidate.recommendedAt === null) throw refuse(awardRefusals.not_recommended);
  await ctx.tx
    .update(awardCandidates)
    .set({ selected, decisionNote: note, decidedBy: ctx.actor?.id ?? null, decidedAt: ctx.now })
    .where(eq(awardCandidates.id, candidate.id));
  await audit(ctx, {
    action: 'awards.decide',
    entity: 'award_candidate',
    entityId: candidate.id,
    before: { selected: candidate.selected },
    after: { selected, note },
  });
}
