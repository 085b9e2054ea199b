import { weightedScore, type Criterion } from '@zhijian/shared';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { selectRows, type Queryable } from '../db/client';
import { calls, entries, groups, members, researchTopics, reviewAssignments, reviews, units } from '../db/schema';
import { notFound } from '../errors';
import { filesOf, type EntryFileRow } from './entryFiles';

export type ReviewAssignmentRow = typeof reviewAssignments.$inferSelect;
export type ReviewRow = typeof reviews.$inferSelect;

export interface ReviewerRow {
  id: number;
  name: string;
  unitId: number | null;
  unitName: string | null;
  groupId: number | null;
  groupName: string | null;
}

/** Everyone holding the reviewer role, with the unit and 片组 that decide conflicts of interest. */
export async function listReviewers(db: Queryable): Promise<ReviewerRow[]> {
  return db
    .select({
      id: members.id,
      name: members.name,
      unitId: members.unitId,
      unitName: units.name,
      groupId: units.groupId,
      groupName: groups.name,
    })
    .from(members)
    .leftJoin(units, eq(units.id, members.unitId))
    .leftJoin(groups, eq(groups.id, units.groupId))
    .where(sql`'reviewer' = any(${members.roles})`)
    .orderBy(members.id);
}

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

/** An assignment with its entry, call, review (if any) and the entry's topic. */
export async function findAssignment(db: Queryable, id: number) {
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

export type AssignmentRow = Awaited<ReturnType<typeof findAssignment>>;

/** What the reviewer's page shows: the assignment and the entry's files. */
export interface AssignmentDetailRows extends AssignmentRow {
  files: EntryFileRow[];
}

export async function loadAssignmentDetail(db: Queryable, row: AssignmentRow): Promise<AssignmentDetailRows> {
  return { ...row, files: await filesOf(db, [row.entry.id]) };
}

/** Takes the assignment's row lock: one save of a review at a time. */
export async function lockAssignment(db: Queryable, id: number): Promise<void> {
  await db.select({ id: reviewAssignments.id }).from(reviewAssignments).where(eq(reviewAssignments.id, id)).for('update');
}

/** A reviewer's active assignments in calls whose results are not out yet, the nearest deadline first. */
export async function listReviewQueue(db: Queryable, reviewerId: number) {
  return db
    .select({ assignment: reviewAssignments, entry: entries, callTitle: calls.title, rubric: calls.rubric, review: reviews })
    .from(reviewAssignments)
    .innerJoin(entries, eq(entries.id, reviewAssignments.entryId))
    .innerJoin(calls, eq(calls.id, entries.callId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(and(eq(reviewAssignments.reviewerId, reviewerId), eq(reviewAssignments.status, 'active'), isNull(calls.resultsPublishedAt)))
    .orderBy(asc(reviewAssignments.deadline), asc(entries.registrationSequence), asc(reviewAssignments.id));
}

export type ReviewQueueRow = Awaited<ReturnType<typeof listReviewQueue>>[number];

/** Every assignment in a call with its review's status: how much each reviewer has to do. */
export async function listCallAssignmentStatuses(db: Queryable, callId: number) {
  return db
    .select({ reviewerId: reviewAssignments.reviewerId, status: reviewAssignments.status, reviewStatus: reviews.status })
    .from(reviewAssignments)
    .innerJoin(entries, eq(entries.id, reviewAssignments.entryId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(eq(entries.callId, callId));
}

export type AssignmentStatusRow = Awaited<ReturnType<typeof listCallAssignmentStatuses>>[number];

/** Active assignments per reviewer in a call: the load auto-assignment balances. */
export async function activeLoadInCall(db: Queryable, callId: number): Promise<Map<number, number>> {
  const rows = await selectRows<{ reviewerId: number; n: number }>(
    db,
    sql`select a.reviewer_id as "reviewerId", count(*)::int as n
        from review_assignments a join entries e on e.id = a.entry_id
        where e.call_id = ${callId} and a.status = 'active'
        group by a.reviewer_id`,
  );
  return new Map(rows.map((row) => [row.reviewerId, Number(row.n)]));
}

/** Per entry: the reviewers already asked (active or declined), and how many assignments are active. */
export async function askedPerEntry(db: Queryable, entryIds: number[]): Promise<Map<number, { asked: Set<number>; active: number }>> {
  const perEntry = new Map(entryIds.map((id) => [id, { asked: new Set<number>(), active: 0 }]));
  if (entryIds.length === 0) return perEntry;
  const rows = await db
    .select({ entryId: reviewAssignments.entryId, reviewerId: reviewAssignments.reviewerId, status: reviewAssignments.status })
    .from(reviewAssignments)
    .where(inArray(reviewAssignments.entryId, entryIds));
  for (const row of rows) {
    const entry = perEntry.get(row.entryId)!;
    entry.asked.add(row.reviewerId);
    if (row.status === 'active') entry.active += 1;
  }
  return perEntry;
}
