import { reviewRefusals, scoreProblems, weightedScore, type ReviewInput } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { reviews } from '../db/schema';
import { refuse } from '../errors';
import { assertReviewEditable, authorizeAssignment } from '../policies/reviews';
import { findAssignment, lockAssignment } from '../queries/reviews';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * A reviewer saves their scores and opinion as a draft, or submits them: only their own active
 * assignment, before its deadline, while the round is open and the review is not yet submitted.
 * A draft may leave criteria out; a submission scores every one and gives an opinion.
 */
export async function saveReview(
  ctx: CommandContext,
  { assignmentId, input, submit }: { assignmentId: number; input: ReviewInput; submit: boolean },
): Promise<void> {
  await lockAssignment(ctx.tx, assignmentId);
  const row = await findAssignment(ctx.tx, assignmentId);
  authorizeAssignment(ctx.actor, row.assignment);
  assertReviewEditable(row, ctx.now);
  const problems = scoreProblems(row.call.rubric, input.scores, submit);
  if (problems.length) {
    throw refuse(reviewRefusals.scores_invalid, {
      issues: problems.map((p) => ({ path: `body.scores.${p.key}`, message: p.message })),
    });
  }
  if (submit && input.opinion.length < 2) throw refuse(reviewRefusals.opinion_required);
  const values = {
    scores: input.scores,
    opinion: input.opinion,
    status: submit ? ('submitted' as const) : ('draft' as const),
    submittedAt: submit ? ctx.now : null,
    updatedAt: ctx.now,
  };
  if (row.review) await ctx.tx.update(reviews).set(values).where(eq(reviews.id, row.review.id));
  else await ctx.tx.insert(reviews).values({ assignmentId, ...values });
  if (submit) {
    await audit(ctx, {
      action: 'review.submit',
      entity: 'review_assignment',
      entityId: assignmentId,
      after: { scores: input.scores, weightedScore: weightedScore(row.call.rubric, input.scores) },
    });
  }
}
