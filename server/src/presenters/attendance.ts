import { attendanceRate, monthsBetween, type Dashboard, type DashboardUnits, type HistoryItem, type UnitStats } from '@zhijian/shared';
import type { ActivityRow, StandingRows } from '../queries/activities';
import type { Relation } from '../queries/activityRosters';
import type { CountsRow, PointsEntryRow, UnitWithGroupRow } from '../queries/attendance';
import type { GroupCountsRow } from '../queries/attendanceFigures';
import type { Page } from '../queries/paginate';
import { presentActivity, presentStanding } from './activities';

type Counts = Omit<CountsRow, 'key'>;

export interface Figures extends Counts {
  absent: number;
  rate: number | null;
}

const ZERO: Counts = { activities: 0, expected: 0, present: 0, late: 0, leave: 0 };

/** Absent is what remains of the expected; the rate is (present + late) ÷ (expected − leave). */
export function figures(row: Counts): Figures {
  return {
    activities: row.activities,
    expected: row.expected,
    present: row.present,
    late: row.late,
    leave: row.leave,
    absent: row.expected - row.present - row.late - row.leave,
    rate: attendanceRate(row),
  };
}

export function sumFigures(rows: Counts[]): Figures {
  const total = { ...ZERO };
  for (const row of rows) {
    total.activities += row.activities;
    total.expected += row.expected;
    total.present += row.present;
    total.late += row.late;
    total.leave += row.leave;
  }
  return figures(total);
}

/** A unit's figures for each month of the range (months without activities count zero) and in total. */
export function presentUnitStats(unit: { id: number; name: string }, range: { from: string; to: string }, rows: CountsRow[]): UnitStats {
  const byMonth = new Map(rows.map((row) => [row.key, row]));
  return {
    unit: { id: unit.id, name: unit.name },
    months: monthsBetween(range.from, range.to).map((month) => ({ month, ...figures(byMonth.get(month) ?? ZERO) })),
    total: sumFigures(rows),
  };
}

/** The association's figures by 片组 and in total, over the range. */
export function presentDashboard(range: { from: string; to: string }, groups: GroupCountsRow[]): Dashboard {
  return {
    from: range.from,
    to: range.to,
    groups: groups.map(({ groupId, groupName, units, ...counts }) => ({ groupId, groupName, units, ...figures(counts) })),
    total: sumFigures(groups),
  };
}

/** A page of the board's units, each with its figures over the range (zero where it has none). */
export function presentDashboardUnits(page: Page<UnitWithGroupRow>, countsByUnit: CountsRow[]): DashboardUnits {
  const counts = new Map(countsByUnit.map((row) => [Number(row.key), row]));
  return {
    ...page,
    items: page.items.map((u) => ({
      unitId: u.unitId,
      unitName: u.unitName,
      groupId: u.groupId,
      groupName: u.groupName,
      ...figures(counts.get(u.unitId) ?? ZERO),
    })),
  };
}

/** One of my past activities: my status there, how I checked in and what it earned. */
export function presentHistoryItem(row: ActivityRow, relation: Relation, standing: StandingRows, now: Date): HistoryItem {
  const record = standing.records.find((r) => r.activityId === row.id);
  return {
    activity: presentActivity(row, now),
    status: presentStanding(row, relation, standing, now).myStatus,
    method: record?.method ?? null,
    checkedInAt: record?.checkedInAt.toISOString() ?? null,
    points: record?.points ?? 0,
  };
}

export function presentPointsEntry(row: PointsEntryRow) {
  return {
    id: row.id,
    points: row.points,
    reason: row.reason,
    sourceType: row.sourceType,
    sourceId: row.sourceId,
    reversesId: row.reversesId,
    createdAt: row.createdAt.toISOString(),
  };
}
