import { z } from 'zod';
import { endpoint } from '../contract';
import { IndexBreakdown, IndexTier } from '../domain/record';
import { defineRefusals, refusal } from '../refusal';
import { Year, YearQuery } from './appraisals';
import { UnitParams } from './members';

/** One member's index in a unit's list. */
export const IndexRow = z.object({
  member: z.object({ id: z.number().int(), name: z.string(), branchName: z.string().nullable() }),
  breakdown: IndexBreakdown,
  tierLabel: z.string(),
});

/** A unit's indexes: as of the end of last month (never live), or the closed year's snapshot. */
export const UnitIndexes = z.object({
  year: z.number().int(),
  asOf: z.string(),
  closed: z.boolean(),
  rows: z.array(IndexRow),
});
export type UnitIndexes = z.infer<typeof UnitIndexes>;

/** How many members fall in each tier, and the mean: no names. */
export const TierCounts = z.object({
  members: z.number().int(),
  mean: z.number().nullable(),
  tiers: z.record(IndexTier, z.number().int()),
  sanctioned: z.number().int(),
});
export const IndexDistribution = z.object({
  year: z.number().int(),
  asOf: z.string(),
  closed: z.boolean(),
  total: TierCounts,
  groups: z.array(TierCounts.extend({ groupId: z.number().int(), groupName: z.string() })),
  units: z.array(TierCounts.extend({ unitId: z.number().int(), unitName: z.string(), groupId: z.number().int() })),
});
export type IndexDistribution = z.infer<typeof IndexDistribution>;

export const ClosedYear = z.object({
  year: z.number().int(),
  closedAt: z.string(),
  closedBy: z.string().nullable(),
  members: z.number().int(),
});

export const YearParams = z.object({ year: Year });

export const indexRefusals = defineRefusals({
  year_not_over: refusal({
    code: 'conflict',
    details: z.object({ year: z.number().int() }),
    message: ({ year }) => `${year} 年度尚未结束，不能结账`,
  }),
  year_already_closed: refusal({
    code: 'conflict',
    details: z.object({ year: z.number().int(), closedAt: z.string() }),
    message: ({ year }) => `${year} 年度已结账`,
  }),
});

export const pioneerIndex = {
  forUnit: endpoint({
    method: 'GET',
    path: '/api/units/:unitId/pioneer-index',
    summary: '本单位党员的先锋指数（截至上月底；已结账年度为结账快照）',
    access: ['unit_admin', 'secretariat'],
    params: UnitParams,
    query: YearQuery,
    response: UnitIndexes,
  }),
  exportForUnit: endpoint({
    method: 'GET',
    path: '/api/units/:unitId/pioneer-index/export',
    summary: '导出本单位先锋指数表（xlsx，含每一项构成）',
    access: ['unit_admin', 'secretariat'],
    params: UnitParams,
    query: YearQuery,
    response: z.unknown(),
    responseKind: 'binary',
  }),
  distribution: endpoint({
    method: 'GET',
    path: '/api/pioneer-index/distribution',
    summary: '先锋指数分布（按片组、单位；截至上月底，不列姓名）',
    access: ['secretariat'],
    query: YearQuery,
    response: IndexDistribution,
  }),
  exportDistribution: endpoint({
    method: 'GET',
    path: '/api/pioneer-index/distribution/export',
    summary: '导出先锋指数分布（xlsx）',
    access: ['secretariat'],
    query: YearQuery,
    response: z.unknown(),
    responseKind: 'binary',
  }),
  years: endpoint({
    method: 'GET',
    path: '/api/pioneer-index/years',
    summary: '已结账的年度',
    access: ['secretariat'],
    response: z.object({ items: z.array(ClosedYear) }),
  }),
  closeYear: endpoint({
    method: 'POST',
    path: '/api/pioneer-index/years/:year/close',
    summary: '年度结账：冻结全部党员该年度的先锋指数',
    access: ['secretariat'],
    params: YearParams,
    response: ClosedYear,
    status: 201,
    refusals: [indexRefusals.year_not_over, indexRefusals.year_already_closed],
  }),
};
