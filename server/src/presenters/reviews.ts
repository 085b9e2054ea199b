import { weightedScore, type ReviewAssignment, type ReviewQueueItem } from '@zhijian/shared';
import { canEditReview } from '../policies/reviews';
import type { AssignmentDetailRows, AssignmentWithReview, ReviewQueueRow } from '../queries/reviews';
import { presentEntryFiles } from './entryFiles';

/** Submitted weighted scores of one entry: what its mean is made of. */
export function submittedScores(assignments: readonly AssignmentWithReview[], entryId: number): number[] {
  return assignments.filter((a) => a.entryId === entryId && a.status === 'active' && a.weightedScore !== null).map((a) => a.weightedScore!);
}

/** A line of the reviewer's queue: by registration number, without anything naming the unit. */
export function presentReviewQueueItem(row: ReviewQueueRow, now: Date): ReviewQueueItem {
  return {
    assignmentId: row.assignment.id,
    entryId: row.entry.id,
    registrationNumber: row.entry.registrationNumber,
    title: row.entry.title,
    category: row.entry.category,
    callTitle: row.callTitle,
    deadline: row.assignment.deadline.toISOString(),
    overdue: now.getTime() >= row.assignment.deadline.getTime(),
    reviewStatus: row.review?.status ?? 'none',
    weightedScore: row.review?.status === 'submitted' ? weightedScore(row.rubric, row.review.scores) : null,
  };
}

/**
 * An entry as its reviewer sees it: title, category, text and files by number only. The unit, the
 * author, the contact person and the uploaded file names are left out on purpose (blind review).
 */
export function presentReviewAssignment(row: AssignmentDetailRows, now: Date): ReviewAssignment {
  const { assignment, entry, call, review } = row;
  return {
    assignmentId: assignment.id,
    deadline: assignment.deadline.toISOString(),
    overdue: now.getTime() >= assignment.deadline.getTime(),
    canEdit: canEditReview(row, now),
    call: { id: call.id, title: call.title, kind: call.kind, rubric: call.rubric },
    entry: {
      id: entry.id,
      registrationNumber: entry.registrationNumber,
      title: entry.title,
      category: entry.category,
      topicTitle: row.topicTitle,
      summary: entry.summary,
      body: entry.body,
      ...presentEntryFiles(row.files, true),
    },
    review: review
      ? {
          scores: review.scores,
          opinion: review.opinion,
          status: review.status,
          weightedScore: review.status === 'submitted' ? weightedScore(call.rubric, review.scores) : null,
          submittedAt: review.submittedAt?.toISOString() ?? null,
          reopenReason: review.reopenReason,
        }
      : null,
  };
}
