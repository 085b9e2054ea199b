import {
  ATTENDANCE_STATUS_LABELS,
  CHECKIN_METHOD_LABELS,
  formatShanghaiDateTime,
  formatShanghaiSeconds,
  type AttendanceStatus,
  type LiveEntry,
} from '@zhijian/shared';
import { presentLiveList } from '../presenters/activities';
import type { LiveListRows } from '../queries/activities';
import { sheetSpec, type CellValue, type WorkbookSpec } from './workbookSpec';

export const LEDGER_COLUMNS = ['活动时间', '活动名称', '地点', '姓名', '支部', '身份', '状态', '签到方式', '签到时间', '活动积分'] as const;
const WIDTHS = [18, 24, 20, 10, 18, 8, 8, 12, 20, 10];

/** One activity of the ledger: when and where, and its live list (roster first, then guests). */
export interface LedgerActivity {
  startsAt: Date;
  title: string;
  placeName: string;
  entries: LiveEntry[];
}

/** 台账: one row per activity and member, with status, method, time and points. */
export function ledgerWorkbook(unitName: string, ledger: LedgerActivity[]): { spec: WorkbookSpec; lines: number } {
  const rows: CellValue[][] = [];
  for (const activity of ledger) {
    // Formatted once per activity: a Shanghai date is an Intl call, and a 台账 repeats it per member.
    const startsAt = formatShanghaiDateTime(activity.startsAt);
    for (const entry of activity.entries) {
      const status = entry.status === 'waiting' ? null : (entry.status as AttendanceStatus);
      rows.push([
        startsAt,
        activity.title,
        activity.placeName,
        entry.name,
        entry.branchName ?? '',
        entry.expected ? '应到' : '列席',
        status ? ATTENDANCE_STATUS_LABELS[status] : '未签到',
        entry.method ? CHECKIN_METHOD_LABELS[entry.method] : '',
        entry.checkedInAt ? formatShanghaiSeconds(new Date(entry.checkedInAt)) : '',
        entry.points,
      ]);
    }
  }
  const columns = LEDGER_COLUMNS.map((header, index) => ({ header, width: WIDTHS[index] }));
  return { spec: { creator: unitName, sheets: [sheetSpec('活动台账', columns, rows)] }, lines: rows.length };
}

/** The ledger from the live lists' rows as loaded (`loadLedger`), each activity presented as its live list. */
export function ledgerFromRows(unitName: string, ledger: LiveListRows[], now: Date): { spec: WorkbookSpec; lines: number } {
  return ledgerWorkbook(
    unitName,
    ledger.map((rows) => ({ ...rows.activity, entries: presentLiveList(rows, now).entries })),
  );
}
