import { reviewRefusals } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import { reviewAssignments } from '../db/schema';
import { refuse } from '../errors';
import { assertRoundOpen, authorizeAssignment, pickReviewers } from '../policies/reviews';
import { findCall } from '../queries/calls';
import { activeLoadInCall, askedPerEntry, findAssignment, listReviewers } from '../queries/reviews';
import { findUnit } from '../queries/units';
import { addAssignment } from './addAssignment';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * A reviewer declines (with the reason) before submitting; the entry is offered at once to the
 * least-loaded reviewer without a conflict who has not been asked yet. Under the call's lock, so
 * the replacement choice is consistent with concurrent assignments.
 */
export async function declineReview(
  ctx: CommandContext,
  { assignmentId, reason }: { assignmentId: number; reason: string },
): Promise<{ declined: true; reassigned: boolean }> {
  await findCall(ctx.tx, (await findAssignment(ctx.tx, assignmentId)).call.id, { lock: true });
  const row = await findAssignment(ctx.tx, assignmentId);
  authorizeAssignment(ctx.actor, row.assignment);
  if (row.review?.status === 'submitted') throw refuse(reviewRefusals.review_already_submitted, {}, '评分已提交，不能再谢绝');
  assertRoundOpen(row.call);
  await ctx.tx
    .update(reviewAssignments)
    .set({ status: 'declined', declineReason: reason, declinedAt: ctx.now })
    .where(eq(reviewAssignments.id, assignmentId));
  await audit(ctx, { action: 'review.decline', entity: 'review_assignment', entityId: assignmentId, after: { reason } });
  const unit = await findUnit(ctx.tx, row.entry.unitId);
  const { asked } = (await askedPerEntry(ctx.tx, [row.entry.id])).get(row.entry.id)!;
  const [next] = pickReviewers(
    await listReviewers(ctx.tx),
    { unitId: unit.id, groupId: unit.groupId },
    asked,
    await activeLoadInCall(ctx.tx, row.call.id),
    1,
  );
  if (next) {
    await addAssignment(ctx, {
      entryId: row.entry.id,
      reviewerId: next.id,
      deadline: row.assignment.deadline,
      overrideReason: null,
      how: 'declined_replacement',
    });
  }
  return { declined: true, reassigned: Boolean(next) };
}
