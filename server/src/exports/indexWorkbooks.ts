import { INDEX_TIER_LABELS, INDEX_TIERS, type IndexDistribution, type UnitIndexes } from '@zhijian/shared';
import { sheetSpec, type CellValue, type WorkbookSpec } from './workbookSpec';

export const INDEX_COLUMNS = [
  '姓名',
  '支部',
  '出勤率',
  '组织生活',
  '承诺践诺',
  '基本指数',
  '认定加分',
  '学习折算',
  '公益',
  '正向加分（封顶后）',
  '反向扣分',
  '处分清零',
  '先锋指数',
  '参考等次',
] as const;
const WIDTHS = [10, 18, 8, 10, 10, 10, 10, 10, 8, 16, 10, 10, 10, 12];

/** 先锋指数表: one row per member with every part of the index, as the list shows it. */
export function unitIndexWorkbook(unitName: string, indexes: UnitIndexes): WorkbookSpec {
  const rows = indexes.rows.map(({ member, breakdown: b, tierLabel }): CellValue[] => [
    member.name,
    member.branchName ?? '',
    b.attendanceRate === null ? '无应到活动' : `${Math.round(b.attendanceRate * 1000) / 10}%`,
    b.organisationalLife,
    b.commitment,
    b.base,
    b.approvedBonus,
    b.study,
    b.publicService,
    b.bonus,
    b.deductions,
    b.sanctioned ? '是' : '否',
    b.value,
    tierLabel,
  ]);
  const columns = INDEX_COLUMNS.map((header, index) => ({ header, width: WIDTHS[index] }));
  return { creator: unitName, sheets: [sheetSpec(`${indexes.year}年度先锋指数`, columns, rows)] };
}

const COUNT_HEADERS = ['人数', '平均指数', ...INDEX_TIERS.map((tier) => INDEX_TIER_LABELS[tier]), '处分清零'];

/** 先锋指数分布: by 片组 and by unit, counts and means only (no names). */
export function distributionWorkbook(distribution: IndexDistribution): WorkbookSpec {
  const counts = (row: IndexDistribution['total']): CellValue[] => [
    row.members,
    row.mean ?? '',
    ...INDEX_TIERS.map((tier) => row.tiers[tier] ?? 0),
    row.sanctioned,
  ];
  const groups = sheetSpec(
    '按片组',
    ['片组', ...COUNT_HEADERS].map((header, index) => ({ header, width: index === 0 ? 20 : 10 })),
    [...distribution.groups.map((group) => [group.groupName, ...counts(group)]), ['合计', ...counts(distribution.total)]],
  );
  const groupNames = new Map(distribution.groups.map((group) => [group.groupId, group.groupName]));
  const units = sheetSpec(
    '按单位',
    ['片组', '单位', ...COUNT_HEADERS].map((header, index) => ({ header, width: index < 2 ? 20 : 10 })),
    distribution.units.map((unit) => [groupNames.get(unit.groupId) ?? '', unit.unitName, ...counts(unit)]),
  );
  return { sheets: [groups, units] };
}
