import type { Tier } from '@zhijian/shared';

/** Whether an entry's tier puts it in the 案例库 (e.g. 一等奖 … 三等奖 by default). */
export function isShowcaseTier(call: { tiers: readonly Tier[] }, tier: string | null): boolean {
  return tier !== null && call.tiers.some((t) => t.name === tier && t.showcase);
}
