import { reviewAssignments } from '../db/schema';
import type { ReviewAssignmentRow } from '../queries/reviews';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * Asks a reviewer to review an entry, by the given deadline. Callers have checked the round and
 * conflicts of interest; the unique key (entry, reviewer) holds that nobody is asked twice.
 */
export async function addAssignment(
  ctx: CommandContext,
  props: {
    entryId: number;
    reviewerId: number;
    deadline: Date;
    /** Why a reviewer with a conflict of interest is assigned anyway. */
    overrideReason: string | null;
    /** How the reviewer was chosen, for the audit log: manual, auto, declined_replacement. */
    how: 'manual' | 'auto' | 'declined_replacement';
  },
): Promise<ReviewAssignmentRow> {
  const [created] = await ctx.tx
    .insert(reviewAssignments)
    .values({
      entryId: props.entryId,
      reviewerId: props.reviewerId,
      deadline: props.deadline,
      conflictOverrideReason: props.overrideReason,
      assignedBy: ctx.actor?.id ?? null,
      assignedAt: ctx.now,
    })
    .returning();
  await audit(ctx, {
    action: 'review.assign',
    entity: 'review_assignment',
    entityId: created!.id,
    after: {
      entryId: props.entryId,
      reviewerId: props.reviewerId,
      deadline: props.deadline,
      overrideReason: props.overrideReason,
      how: props.how,
    },
  });
  return created!;
}
