import { APPRAISAL_TIER_LABELS, type AppraisalSheet } from '@zhijian/shared';
import type { AppraisalSheetRows } from '../queries/appraisals';

/**
 * The unit's 民主评议 sheet: one row per roster member, with the branch's tier or none yet. The
 * advisory index tier (as of the end of last month) is filled from `indexTiers` where known.
 */
export function presentAppraisalSheet(
  { year, roster, byMember }: AppraisalSheetRows,
  indexTiers: Map<number, string> = new Map(),
): AppraisalSheet {
  return {
    year,
    rows: roster.map((line) => {
      const appraisal = byMember.get(line.id);
      return {
        member: { id: line.id, name: line.name, branchName: line.branchName },
        tier: appraisal?.tier ?? null,
        tierLabel: appraisal ? APPRAISAL_TIER_LABELS[appraisal.tier] : null,
        meetingOn: appraisal?.meetingOn ?? null,
        indexTier: indexTiers.get(line.id) ?? null,
      };
    }),
  };
}
