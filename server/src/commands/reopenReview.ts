import { commonRefusals, reviewRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { reviewAssignments, reviews } from '../db/schema';
import { refuse } from '../errors';
import { roundOverRefusal } from '../policies/reviews';
import { findAssignment, lockAssignment } from '../queries/reviews';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * The secretariat sends a submitted review back to its reviewer, with the reason, while the round
 * is open; a new deadline is needed when the old one has passed.
 */
export async function reopenReview(
  ctx: CommandContext,
  { assignmentId, reason, deadline: newDeadline }: { assignmentId: number; reason: string; deadline: Date | null },
): Promise<void> {
  await lockAssignment(ctx.tx, assignmentId);
  const row = await findAssignment(ctx.tx, assignmentId);
  const roundOver = roundOverRefusal(row.call, '结果已发布，不能再退回重评');
  if (roundOver) throw roundOver;
  if (row.review?.status !== 'submitted') throw refuse(reviewRefusals.review_not_submitted);
  const deadline = newDeadline ?? row.assignment.deadline;
  if (deadline.getTime() <= ctx.now.getTime()) {
    throw refuse(commonRefusals.invalid_fields, {
      issues: [{ path: 'body.deadline', label: '评审截止时间', message: '原截止时间已过，请给出晚于现在的截止时间' }],
    });
  }
  await ctx.tx
    .update(reviews)
    .set({ status: 'draft', submittedAt: null, reopenedAt: ctx.now, reopenReason: reason, updatedAt: ctx.now })
    .where(eq(reviews.id, row.review.id));
  await ctx.tx.update(reviewAssignments).set({ deadline }).where(eq(reviewAssignments.id, assignmentId));
  await audit(ctx, {
    action: 'review.reopen',
    entity: 'review_assignment',
    entityId: assignmentId,
    before: { status: 'submitted', scores: row.review.scores, deadline: row.assignment.deadline },
    after: { status: 'draft', reason, deadline },
  });
}
