import { commonRefusals, deskRefusals } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { reviewAssignments } from '../db/schema';
import { refuse } from '../errors';
import { assertRoundOpen, conflictOf } from '../policies/reviews';
import { findCall } from '../queries/calls';
import { findEntry, type EntryRow } from '../queries/entries';
import { listReviewers } from '../queries/reviews';
import { findUnit } from '../queries/units';
import { addAssignment } from './addAssignment';
import type { CommandContext } from './context';
import { transitionEntry } from './transitionEntry';

/** A review deadline must lie ahead. */
export function assertFutureDeadline(deadline: Date, now: Date, path = 'body.deadline'): void {
  if (deadline.getTime() <= now.getTime()) {
    throw refuse(commonRefusals.invalid_fields, { issues: [{ path, label: '评审截止时间', message: '应晚于现在' }] });
  }
}

/** The first assignment moves a pre-screened entry into review. */
export async function startReviewIfPassed(ctx: CommandContext, entry: EntryRow): Promise<void> {
  if (entry.status === 'passed') await transitionEntry(ctx, { entry, action: 'start_review', bySecretariat: true });
}

/**
 * The secretariat assigns a reviewer by hand: to an entry that passed the pre-screen, while the
 * round is open, never twice, and a reviewer of the entry's own unit or 片组 only with the reason
 * recorded. Locks the call, then the entry, as every registration and assignment does.
 */
export async function assignReviewer(
  ctx: CommandContext,
  props: { entryId: number; reviewerId: number; deadline: Date; overrideReason: string | null },
): Promise<void> {
  assertFutureDeadline(props.deadline, ctx.now);
  const call = await findCall(ctx.tx, (await findEntry(ctx.tx, props.entryId)).callId, { lock: true });
  assertRoundOpen(call);
  const entry = await findEntry(ctx.tx, props.entryId, { lock: true });
  if (entry.status !== 'passed' && entry.status !== 'in_review') throw refuse(deskRefusals.entry_not_passed, { status: entry.status });
  const reviewer = (await listReviewers(ctx.tx)).find((r) => r.id === props.reviewerId);
  if (!reviewer) {
    throw refuse(commonRefusals.invalid_fields, {
      issues: [{ path: 'body.reviewerId', label: '评审专家', message: '所选人员不是评审专家' }],
    });
  }
  const unit = await findUnit(ctx.tx, entry.unitId);
  const conflict = conflictOf(reviewer, { unitId: unit.id, groupId: unit.groupId });
  if (conflict && !props.overrideReason) throw refuse(deskRefusals.reviewer_conflict_of_interest, { conflict });
  const [existing] = await ctx.tx
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.entryId, entry.id), eq(reviewAssignments.reviewerId, reviewer.id)));
  if (existing) throw refuse(deskRefusals.reviewer_already_assigned);
  await addAssignment(ctx, {
    entryId: entry.id,
    reviewerId: reviewer.id,
    deadline: props.deadline,
    overrideReason: conflict ? props.overrideReason : null,
    how: 'manual',
  });
  await startReviewIfPassed(ctx, entry);
}
