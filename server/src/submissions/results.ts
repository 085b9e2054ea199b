import { agreement, DISAGREEMENT_THRESHOLD, rankByMean, suggestTier, type Results } from '@zhijian/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { type calls, entries, groups, units } from '../db/schema';
import { assignmentsOf, submittedScores } from './reviewScores';

type CallRow = typeof calls.$inferSelect;

/**
 * The ranked table of a call: each review's weighted score, the entry's mean and spread (flagged
 * above the disagreement threshold), rank, the tier the rank suggests and the tier set; and what
 * still stands in the way of publishing.
 */
export async function computeResults(db: Queryable, call: CallRow): Promise<Results> {
  const rows = await db
    .select({ entry: entries, unitName: units.name, groupName: groups.name })
    .from(entries)
    .innerJoin(units, eq(units.id, entries.unitId))
    .innerJoin(groups, eq(groups.id, units.groupId))
    .where(and(eq(entries.callId, call.id), inArray(entries.status, ['passed', 'in_review', 'rated'])))
    .orderBy(asc(entries.registrationSequence), asc(entries.id));
  const assignments = await assignmentsOf(
    db,
    rows.map((r) => r.entry.id),
    call.rubric,
  );
  const scored = rows.map((row) => ({ ...row, ...agreement(submittedScores(assignments, row.entry.id)) }));
  const ranked = rankByMean(scored);
  const rankedCount = ranked.filter((r) => r.rank !== null).length;
  const table = ranked.map((row) => ({
    entryId: row.entry.id,
    registrationNumber: row.entry.registrationNumber,
    title: row.entry.title,
    unitName: row.unitName,
    groupName: row.groupName,
    status: row.entry.status,
    reviews: assignments
      .filter((a) => a.entryId === row.entry.id && a.status === 'active')
      .map((a) => ({
        assignmentId: a.assignmentId,
        reviewerName: a.reviewerName,
        status: a.reviewStatus,
        scores: a.reviewStatus === 'submitted' ? a.scores : null,
        weightedScore: a.weightedScore,
        opinion: a.reviewStatus === 'submitted' ? a.opinion : null,
      })),
    mean: row.mean,
    spread: row.spread,
    disagreement: row.disagreement,
    rank: row.rank,
    suggestedTier: suggestTier(call.tiers, row.rank, rankedCount),
    tier: row.entry.tier,
  }));
  return {
    callId: call.id,
    disagreementThreshold: DISAGREEMENT_THRESHOLD,
    rows: table,
    reviewRoundClosedAt: call.reviewRoundClosedAt?.toISOString() ?? null,
    resultsPublishedAt: call.resultsPublishedAt?.toISOString() ?? null,
    blocking: blockingReasons(call, table),
  };
}

/** Publishing waits for every review, unless the secretariat closed the round explicitly. */
function blockingReasons(call: CallRow, table: Results['rows']): string[] {
  if (call.resultsPublishedAt) return ['结果已经发布'];
  const reasons: string[] = [];
  const inReview = table.filter((row) => row.status === 'in_review');
  if (inReview.length === 0) reasons.push('还没有进入评审的报送');
  if (!call.reviewRoundClosedAt) {
    const unassigned = table.filter((row) => row.status === 'passed').length;
    if (unassigned) reasons.push(`${unassigned} 份初审通过的报送尚未分配评审专家`);
    const short = inReview.filter((row) => row.reviews.length < call.reviewersPerEntry).length;
    if (short) reasons.push(`${short} 份报送的评审专家不足 ${call.reviewersPerEntry} 位`);
    const pending = inReview.reduce((sum, row) => sum + row.reviews.filter((r) => r.status !== 'submitted').length, 0);
    if (pending) reasons.push(`还有 ${pending} 份评分未提交（可等待，或结束评审轮次）`);
  }
  const untiered = inReview.filter((row) => row.tier === null).length;
  if (untiered) reasons.push(`${untiered} 份报送尚未确定等次`);
  return reasons;
}
