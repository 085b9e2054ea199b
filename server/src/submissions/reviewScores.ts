import { weightedScore, type Criterion } from '@zhijian/shared';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { members, reviewAssignments, reviews } from '../db/schema';

export interface AssignmentWithReview {
  assignmentId: number;
  entryId: number;
  reviewerId: number;
  reviewerName: string;
  status: 'active' | 'declined';
  deadline: Date;
  declineReason: string | null;
  conflictOverrideReason: string | null;
  reviewStatus: 'none' | 'draft' | 'submitted';
  scores: Record<string, number> | null;
  opinion: string | null;
  /** Only for submitted reviews: drafts do not count anywhere. */
  weightedScore: number | null;
}

/** Every assignment of these entries with its review, in the order they were made. */
export async function assignmentsOf(db: Queryable, entryIds: number[], rubric: readonly Criterion[]): Promise<AssignmentWithReview[]> {
  if (entryIds.length === 0) return [];
  const rows = await db
    .select({
      assignmentId: reviewAssignments.id,
      entryId: reviewAssignments.entryId,
      reviewerId: reviewAssignments.reviewerId,
      reviewerName: members.name,
      status: reviewAssignments.status,
      deadline: reviewAssignments.deadline,
      declineReason: reviewAssignments.declineReason,
      conflictOverrideReason: reviewAssignments.conflictOverrideReason,
      reviewStatus: reviews.status,
      scores: reviews.scores,
      opinion: reviews.opinion,
    })
    .from(reviewAssignments)
    .innerJoin(members, eq(members.id, reviewAssignments.reviewerId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(inArray(reviewAssignments.entryId, entryIds))
    .orderBy(asc(reviewAssignments.id));
  return rows.map((row) => ({
    ...row,
    reviewStatus: row.reviewStatus ?? 'none',
    weightedScore: row.reviewStatus === 'submitted' && row.scores ? weightedScore(rubric, row.scores) : null,
  }));
}

/** Submitted weighted scores of one entry. */
export function submittedScores(assignments: readonly AssignmentWithReview[], entryId: number): number[] {
  return assignments.filter((a) => a.entryId === entryId && a.status === 'active' && a.weightedScore !== null).map((a) => a.weightedScore!);
}
