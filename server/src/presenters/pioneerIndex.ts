import {
  INDEX_TIER_LABELS,
  INDEX_TIERS,
  type IndexBreakdown,
  type IndexDistribution,
  type IndexTier,
  type UnitIndexes,
} from '@zhijian/shared';
import type { DistributionRows, IndexYearRow, UnitIndexRows } from '../queries/pioneerIndex';

/** A unit's indexes, one row per member (a member without an index — none frozen for them — is left out). */
export function presentUnitIndexes({ year, asOf, closed, lines, byMember }: UnitIndexRows): UnitIndexes {
  return {
    year,
    asOf: asOf.toISOString(),
    closed,
    rows: lines.flatMap((line) => {
      const breakdown = byMember.get(line.id);
      if (!breakdown) return [];
      return [
        { member: { id: line.id, name: line.name, branchName: line.branchName }, breakdown, tierLabel: INDEX_TIER_LABELS[breakdown.tier] },
      ];
    }),
  };
}

type TierCounts = IndexDistribution['total'];

function countTiers(breakdowns: IndexBreakdown[]): TierCounts {
  const tiers = Object.fromEntries(INDEX_TIERS.map((tier) => [tier, 0])) as Record<IndexTier, number>;
  let sum = 0;
  let sanctioned = 0;
  for (const breakdown of breakdowns) {
    tiers[breakdown.tier] += 1;
    sum += breakdown.value;
    if (breakdown.sanctioned) sanctioned += 1;
  }
  const mean = breakdowns.length ? Math.round((sum / breakdowns.length) * 10) / 10 : null;
  return { members: breakdowns.length, mean, tiers, sanctioned };
}

/** How many members fall in each tier, overall, by 片组 and by unit, with the mean: counts only, never names. */
export function presentDistribution({ year, asOf, closed, byMember, memberUnits, units }: DistributionRows): IndexDistribution {
  const byUnit = new Map<number, IndexBreakdown[]>();
  for (const { id, unitId } of memberUnits) {
    const breakdown = byMember.get(id);
    if (unitId === null || !breakdown) continue;
    byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), breakdown]);
  }
  const groups = new Map<number, { groupName: string; breakdowns: IndexBreakdown[] }>();
  for (const unit of units) {
    const group = groups.get(unit.groupId) ?? { groupName: unit.groupName, breakdowns: [] };
    group.breakdowns.push(...(byUnit.get(unit.unitId) ?? []));
    groups.set(unit.groupId, group);
  }
  return {
    year,
    asOf: asOf.toISOString(),
    closed,
    total: countTiers([...groups.values()].flatMap((group) => group.breakdowns)),
    groups: [...groups].map(([groupId, group]) => ({ groupId, groupName: group.groupName, ...countTiers(group.breakdowns) })),
    units: units.map((unit) => ({
      unitId: unit.unitId,
      unitName: unit.unitName,
      groupId: unit.groupId,
      ...countTiers(byUnit.get(unit.unitId) ?? []),
    })),
  };
}

export function presentClosedYear(row: Pick<IndexYearRow, 'year' | 'closedAt'> & { closedBy: string | null; members: number }) {
  return { year: row.year, closedAt: row.closedAt.toISOString(), closedBy: row.closedBy, members: Number(row.members) };
}
