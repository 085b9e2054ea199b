import { z } from 'zod';
import { endpoint } from '../contract';
import { monthsBetween, parseMonth } from '../domain/shanghaiTime';
import { ActivityListItem, AttendanceCountsView, MyStatus } from './activities';
import { Id, PageQuery, pageOf } from './common';
import { UnitParams } from './members';

export const Month = z.string().refine((value) => parseMonth(value) !== undefined, '月份格式应为 YYYY-MM');

const MonthRangeFields = { from: Month.meta({ label: '开始月份' }), to: Month.meta({ label: '结束月份' }) };

/** A run of whole months, at most 24, checked on any query that carries one. */
function monthRangeRules<T extends z.ZodType<{ from: string; to: string }>>(schema: T) {
  return schema
    .refine((q) => q.from <= q.to, { path: ['to'], message: '结束月份不能早于开始月份' })
    .refine((q) => monthsBetween(q.from, q.to).length <= 24, { path: ['to'], message: '一次最多查询 24 个月' });
}

/** A run of whole months, at most 24. */
export const MonthRangeQuery = monthRangeRules(z.object(MonthRangeFields));
export type MonthRangeQuery = z.output<typeof MonthRangeQuery>;

/** A page of the 出勤看板's units over a run of months, of one 片组 or all. */
export const DashboardUnitsQuery = monthRangeRules(
  PageQuery.extend({ ...MonthRangeFields, groupId: Id.optional().meta({ label: '片组' }) }),
);

export const HistoryItem = z.object({
  activity: ActivityListItem,
  status: MyStatus,
  method: z.enum(['scan', 'manual', 'makeup']).nullable(),
  checkedInAt: z.string().nullable(),
  points: z.number().int(),
});
export type HistoryItem = z.infer<typeof HistoryItem>;

export const PointsEntry = z.object({
  id: z.number().int(),
  points: z.number().int(),
  reason: z.string(),
  sourceType: z.string(),
  sourceId: z.number().int(),
  reversesId: z.number().int().nullable(),
  createdAt: z.string(),
});
export const MyPoints = pageOf(PointsEntry).extend({ totalPoints: z.number().int() });

export const MonthFigures = AttendanceCountsView.extend({ month: z.string(), activities: z.number().int() });
export const UnitStats = z.object({
  unit: z.object({ id: z.number().int(), name: z.string() }),
  months: z.array(MonthFigures),
  total: AttendanceCountsView.extend({ activities: z.number().int() }),
});
export type UnitStats = z.infer<typeof UnitStats>;

export const DashboardRow = AttendanceCountsView.extend({ activities: z.number().int() });
/** The association's figures by 片组 and in total; the units come a page at a time (`DashboardUnits`). */
export const Dashboard = z.object({
  from: z.string(),
  to: z.string(),
  groups: z.array(DashboardRow.extend({ groupId: z.number().int(), groupName: z.string(), units: z.number().int() })),
  total: DashboardRow,
});
export type Dashboard = z.infer<typeof Dashboard>;
export const DashboardUnit = DashboardRow.extend({
  unitId: z.number().int(),
  unitName: z.string(),
  groupId: z.number().int(),
  groupName: z.string(),
});
export type DashboardUnit = z.infer<typeof DashboardUnit>;
/** Units in the 片组's order, then by id: a stable order, so pages neither repeat nor skip a unit. */
export const DashboardUnits = pageOf(DashboardUnit);
export type DashboardUnits = z.infer<typeof DashboardUnits>;

/**
 * The Shanghai months (`YYYY-MM`) that have figures — an activity whose check-in has closed — newest
 * first, at most 24: where a month picker opens, instead of an all-zero current month.
 */
export const DataMonths = z.object({ months: z.array(z.string()) });
export type DataMonths = z.infer<typeof DataMonths>;

export const attendance = {
  myHistory: endpoint({
    method: 'GET',
    path: '/api/me/attendance',
    summary: '我的活动签到记录（签到过的活动，及签到已结束的其他活动，最新在前）',
    access: 'signedIn',
    query: PageQuery,
    response: pageOf(HistoryItem),
  }),
  myPoints: endpoint({
    method: 'GET',
    path: '/api/me/points',
    summary: '我的活动积分：合计与明细',
    access: 'signedIn',
    query: PageQuery,
    response: MyPoints,
  }),
  unitStats: endpoint({
    method: 'GET',
    path: '/api/units/:unitId/attendance-stats',
    summary: '单位按月的出勤率：(出席 + 迟到) ÷ (应到 − 请假)',
    access: ['unit_admin', 'secretariat'],
    params: UnitParams,
    query: MonthRangeQuery,
    response: UnitStats,
  }),
  exportLedger: endpoint({
    method: 'GET',
    path: '/api/units/:unitId/attendance-export',
    summary: '导出单位活动台账（xlsx）：每次活动每名党员一行',
    access: ['unit_admin', 'secretariat'],
    params: UnitParams,
    query: MonthRangeQuery,
    response: z.unknown(),
    responseKind: 'binary',
  }),
  unitMonths: endpoint({
    method: 'GET',
    path: '/api/units/:unitId/attendance-months',
    summary: '单位有出勤数据的月份（最近的在前，最多 24 个）',
    access: ['unit_admin', 'secretariat'],
    params: UnitParams,
    response: DataMonths,
  }),
  dashboardMonths: endpoint({
    method: 'GET',
    path: '/api/attendance-dashboard/months',
    summary: '全协会有出勤数据的月份（最近的在前，最多 24 个）',
    access: ['secretariat'],
    response: DataMonths,
  }),
  dashboard: endpoint({
    method: 'GET',
    path: '/api/attendance-dashboard',
    summary: '协会出勤看板：按片组与全协会合计',
    access: ['secretariat'],
    query: MonthRangeQuery,
    response: Dashboard,
  }),
  dashboardUnits: endpoint({
    method: 'GET',
    path: '/api/attendance-dashboard/units',
    summary: '协会出勤看板：按单位（分页，片组顺序、单位编号顺序；可只看一个片组）',
    access: ['secretariat'],
    query: DashboardUnitsQuery,
    response: DashboardUnits,
  }),
};
