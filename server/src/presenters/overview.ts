import {
  CONSOLE_ACTION_KINDS,
  ENTRY_STATUSES,
  issueLabel,
  monthsBetween,
  type ConsoleActionKind,
  type ConsoleOverview,
  type EntryStatus,
} from '@zhijian/shared';
import type { IssueRow, UnitReadersRow } from '../queries/bulletins';
import type { CountsRow } from '../queries/attendance';
import type { GroupCountsRow } from '../queries/attendanceFigures';
import { figures, presentDashboard } from './attendance';
import { presentIssueStats } from './bulletins';

export interface OverviewRows {
  month: string;
  firstMonth: string;
  /** This month's attendance counts per 片组. */
  thisMonthByGroup: GroupCountsRow[];
  /** The last 12 months' attendance counts, keyed by month. */
  byMonth: CountsRow[];
  issues: Array<{ issue: IssueRow; readers: UnitReadersRow[] }>;
  entriesByStatus: Array<{ status: EntryStatus; n: number }>;
  actions: Record<ConsoleActionKind, number>;
}

const NO_COUNTS = { activities: 0, expected: 0, present: 0, late: 0, leave: 0 };

/** The secretariat's home page: the figures the other pages show in full, cut to what fits one screen. */
export function presentOverview(rows: OverviewRows): ConsoleOverview {
  const range = { from: rows.month, to: rows.month };
  const dashboard = presentDashboard(range, rows.thisMonthByGroup);
  const byMonth = new Map(rows.byMonth.map((row) => [row.key, row]));
  const byStatus = new Map(rows.entriesByStatus.map((row) => [row.status, Number(row.n)]));
  return {
    month: rows.month,
    groups: dashboard.groups.map(({ groupId, groupName, expected, rate }) => ({ groupId, groupName, expected, rate })),
    months: monthsBetween(rows.firstMonth, rows.month).map((month) => {
      const { expected, rate } = figures(byMonth.get(month) ?? NO_COUNTS);
      return { month, expected, rate };
    }),
    reading: rows.issues.map(({ issue, readers }) => {
      const stats = presentIssueStats(issue.id, readers);
      return {
        issueId: issue.id,
        label: issueLabel(issue),
        members: stats.members,
        readers: stats.readers,
        rate: stats.members > 0 ? stats.readers / stats.members : null,
      };
    }),
    pipeline: ENTRY_STATUSES.filter((status) => status !== 'draft').map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
    actions: CONSOLE_ACTION_KINDS.map((kind) => ({ kind, count: rows.actions[kind] })),
  };
}
