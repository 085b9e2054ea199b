import { attendanceRate, monthsBetween, type Dashboard, type HistoryItem, type UnitStats } from '@zhijian/shared';
import type { ActivityRow, StandingRows } from '../queries/activities';
import type { Relation } from '../queries/activityRosters';
import type { CountsRow, PointsEntryRow } from '../queries/attendance';
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

/** The association's figures by unit (keyed by unit id) and by 片组, in the units' order. */
export function presentDashboard(
  range: { from: string; to: string },
  units: Array<{ unitId: number; unitName: string; groupId: number; groupName: string }>,
  countsByUnit: Map<number, CountsRow>,
): Dashboard {
  const unitFigures = units.map((u) => ({
    unitId: u.unitId,
    unitName: u.unitName,
    groupId: u.groupId,
    groupName: u.groupName,
    ...figures(countsByUnit.get(u.unitId) ?? ZERO),
  }));
  const groupIds = [...new Set(units.map((u) => u.groupId))];
  const groups = groupIds.map((groupId) => {
    const members = unitFigures.filter((u) => u.groupId === groupId);
    return { groupId, groupName: members[0]!.groupName, units: members.length, ...sumFigures(members) };
  });
  return { from: range.from, to: range.to, groups, units: unitFigures, total: sumFigures(unitFigures) };
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
