import { callPhase, countsTowardLimit, type Call } from '@zhijian/shared';
import type { CallCounts, CallRow } from '../queries/calls';

/** A call as the API shows it; unit staff see their unit's places, the secretariat the counts. */
export function presentCall(row: CallRow, counts: CallCounts, now: Date): Call {
  const own = counts.mine?.filter((m) => m.callId === row.id) ?? [];
  const used = own.filter((m) => countsTowardLimit(m.status)).reduce((sum, m) => sum + m.n, 0);
  const drafts = own.filter((m) => m.status === 'draft').reduce((sum, m) => sum + m.n, 0);
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    year: row.year,
    code: row.code,
    categories: row.categories,
    rubric: row.rubric,
    tiers: row.tiers,
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    phase: callPhase(row, now),
    entryLimit: row.entryLimit,
    reviewersPerEntry: row.reviewersPerEntry,
    reviewRoundClosedAt: row.reviewRoundClosedAt?.toISOString() ?? null,
    resultsPublishedAt: row.resultsPublishedAt?.toISOString() ?? null,
    myUnit: counts.mine ? { used, remaining: Math.max(0, row.entryLimit - used), drafts } : null,
    entryCounts: counts.all ? Object.fromEntries(counts.all.filter((a) => a.callId === row.id).map((a) => [a.status, a.n])) : null,
  };
}
