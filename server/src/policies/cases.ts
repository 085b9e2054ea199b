import type { EntryStatus, Tier } from '@zhijian/shared';

/** Whether an entry's tier puts it in the 案例库 (e.g. 一等奖 … 三等奖 by default). */
export function isShowcaseTier(call: { tiers: readonly Tier[] }, tier: string | null): boolean {
  return tier !== null && call.tiers.some((t) => t.name === tier && t.showcase);
}

/**
 * A published case: rated, its call's results out, its tier a showcase tier. Every member may read
 * it and its files. (queries/cases.ts holds the same rule in SQL for the lists.)
 */
export function isPublishedCase(
  call: { tiers: readonly Tier[]; resultsPublishedAt: Date | null },
  entry: { status: EntryStatus; tier: string | null },
): boolean {
  return Boolean(call.resultsPublishedAt) && entry.status === 'rated' && isShowcaseTier(call, entry.tier);
}
