import { weightedScore, type ReviewAssignment } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { calls, entries, researchTopics, reviewAssignments, reviews } from '../db/schema';
import { notFound } from '../errors';
import { filesOf, splitFiles } from './entryFile';

export async function loadAssignment(db: Queryable, id: number) {
  const [row] = await db
    .select({ assignment: reviewAssignments, entry: entries, call: calls, review: reviews, topicTitle: researchTopics.title })
    .from(reviewAssignments)
    .innerJoin(entries, eq(entries.id, reviewAssignments.entryId))
    .innerJoin(calls, eq(calls.id, entries.callId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .leftJoin(researchTopics, eq(researchTopics.id, entries.topicId))
    .where(eq(reviewAssignments.id, id));
  if (!row) throw notFound('评审任务');
  return row;
}

export type AssignmentRow = Awaited<ReturnType<typeof loadAssignment>>;

/** Whether the reviewer may still change their review. */
export function reviewEditable(row: AssignmentRow, now: Date): boolean {
  return (
    row.assignment.status === 'active' &&
    row.review?.status !== 'submitted' &&
    now.getTime() < row.assignment.deadline.getTime() &&
    !row.call.reviewRoundClosedAt &&
    !row.call.resultsPublishedAt
  );
}

/**
 * An entry as its reviewer sees it: title, category, text and files by number only. The unit, the
 * author, the contact person and the uploaded file names are left out on purpose (blind review).
 */
export async function presentReviewAssignment(db: Queryable, row: AssignmentRow, now: Date): Promise<ReviewAssignment> {
  const { assignment, entry, call, review } = row;
  return {
    assignmentId: assignment.id,
    deadline: assignment.deadline.toISOString(),
    overdue: now.getTime() >= assignment.deadline.getTime(),
    canEdit: reviewEditable(row, now),
    call: { id: call.id, title: call.title, kind: call.kind, rubric: call.rubric },
    entry: {
      id: entry.id,
      registrationNumber: entry.registrationNumber,
      title: entry.title,
      category: entry.category,
      topicTitle: row.topicTitle,
      summary: entry.summary,
      body: entry.body,
      ...splitFiles(await filesOf(db, [entry.id]), true),
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
