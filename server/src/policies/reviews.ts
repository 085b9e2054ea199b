import { callRefusals, reviewRefusals, type ConflictOfInterest } from '@zhijian/shared';
import type { CurrentUser } from '../auth/currentUser';
import { forbidden, refuse, type AppError } from '../errors';
import type { AssignmentRow, ReviewerRow } from '../queries/reviews';

/** A reviewer may not judge their own unit's entry, nor one from their own 片组. */
export function conflictOf(
  reviewer: Pick<ReviewerRow, 'unitId' | 'groupId'>,
  entryUnit: { unitId: number; groupId: number },
): ConflictOfInterest | null {
  if (reviewer.unitId === entryUnit.unitId) return 'same_unit';
  if (reviewer.groupId !== null && reviewer.groupId === entryUnit.groupId) return 'same_group';
  return null;
}

/**
 * The least-loaded reviewers without a conflict who have not been asked about this entry yet
 * (a reviewer who declined is not asked again). Ties go to the reviewer registered first, so the
 * choice is reproducible.
 */
export function pickReviewers(
  reviewers: readonly ReviewerRow[],
  entryUnit: { unitId: number; groupId: number },
  alreadyAsked: ReadonlySet<number>,
  load: ReadonlyMap<number, number>,
  needed: number,
): ReviewerRow[] {
  return reviewers
    .filter((r) => !alreadyAsked.has(r.id) && conflictOf(r, entryUnit) === null)
    .sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || a.id - b.id)
    .slice(0, Math.max(0, needed));
}

type RoundState = { resultsPublishedAt: Date | null; reviewRoundClosedAt: Date | null };

/** Why the review round is over, or null while it is open (after pre-screen, before results). */
export function roundOverRefusal(call: RoundState, published = '结果已发布，评审已结束'): AppError | null {
  if (call.resultsPublishedAt)
    return refuse(callRefusals.results_published, { publishedAt: call.resultsPublishedAt.toISOString() }, published);
  if (call.reviewRoundClosedAt) return refuse(callRefusals.review_round_closed, { closedAt: call.reviewRoundClosedAt.toISOString() });
  return null;
}

/** Reviewers are assigned, and may decline, while the round is open. */
export function assertRoundOpen(call: RoundState): void {
  const refusal = roundOverRefusal(call);
  if (refusal) throw refusal;
}

/** A reviewer reaches only their own, active assignments (the acting person of a command, or the caller). */
export function authorizeAssignment(
  user: Pick<CurrentUser, 'id'> | null,
  assignment: { reviewerId: number; status: 'active' | 'declined' },
): void {
  if (!user || assignment.reviewerId !== user.id || assignment.status !== 'active') throw forbidden('这份报送没有分配给您评审');
}

/** Whether the reviewer may still change their review. */
export function canEditReview(row: Pick<AssignmentRow, 'assignment' | 'review' | 'call'>, now: Date): boolean {
  return (
    row.assignment.status === 'active' &&
    row.review?.status !== 'submitted' &&
    now.getTime() < row.assignment.deadline.getTime() &&
    !row.call.reviewRoundClosedAt &&
    !row.call.resultsPublishedAt
  );
}

/** Refuses a change of a review that can no longer change, saying why. */
export function assertReviewEditable(row: Pick<AssignmentRow, 'assignment' | 'review' | 'call'>, now: Date): void {
  if (canEditReview(row, now)) return;
  const roundOver = roundOverRefusal(row.call);
  if (roundOver) throw roundOver;
  if (row.review?.status === 'submitted') throw refuse(reviewRefusals.review_already_submitted);
  throw refuse(reviewRefusals.review_deadline_passed, { deadline: row.assignment.deadline.toISOString() });
}
