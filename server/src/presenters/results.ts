import { agreement, DISAGREEMENT_THRESHOLD, rankByMean, suggestTier, type Results } from '@zhijian/shared';
import { publishBlockers } from '../policies/results';
import type { ResultRows } from '../queries/results';
import { submittedScores } from './reviews';

/**
 * The ranked table of a call: each review's weighted score, the entry's mean and spread (flagged
 * above the disagreement threshold), rank, the tier the rank suggests and the tier set; and what
 * still stands in the way of publishing.
 */
export function presentResults(rows: ResultRows): Results {
  const { call, entries, assignments } = rows;
  const scored = entries.map((row) => ({ ...row, ...agreement(submittedScores(assignments, row.entry.id)) }));
  const ranked = rankByMean(scored);
  const rankedCount = ranked.filter((r) => r.rank !== null).length;
  return {
    callId: call.id,
    disagreementThreshold: DISAGREEMENT_THRESHOLD,
    rows: ranked.map((row) => ({
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
    })),
    reviewRoundClosedAt: call.reviewRoundClosedAt?.toISOString() ?? null,
    resultsPublishedAt: call.resultsPublishedAt?.toISOString() ?? null,
    blocking: publishBlockers(rows),
  };
}
