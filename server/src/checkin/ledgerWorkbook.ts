import {
  activityPoints,
  ATTENDANCE_STATUS_LABELS,
  CHECKIN_METHOD_LABELS,
  formatShanghaiDateTime,
  formatShanghaiSeconds,
  type AttendanceStatus,
} from '@zhijian/shared';
import ExcelJS from 'exceljs';
import type { Queryable } from '../db/client';
import { liveList } from './liveList';
import type { ActivityRow } from './activityQuery';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const LEDGER_COLUMNS = ['活动时间', '活动名称', '地点', '姓名', '支部', '身份', '状态', '签到方式', '签到时间', '活动积分'] as const;

/** 台账: one row per activity and member (roster first, then guests), with status and time. */
export async function ledgerWorkbook(
  db: Queryable,
  unitName: string,
  rows: ActivityRow[],
  now: Date,
): Promise<{ workbook: ExcelJS.Workbook; lines: number }> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('活动台账');
  sheet.columns = LEDGER_COLUMNS.map((header, index) => ({
    header,
    key: `c${index}`,
    width: [18, 24, 20, 10, 18, 8, 8, 12, 20, 10][index],
  }));
  sheet.getRow(1).font = { bold: true };
  let lines = 0;
  for (const activity of rows) {
    const list = await liveList(db, activity, now);
    for (const entry of list.entries) {
      const status = entry.status === 'waiting' ? null : (entry.status as AttendanceStatus);
      const points =
        (entry.status === 'present' || entry.status === 'late') && entry.method ? activityPoints(entry.status, entry.method) : 0;
      sheet.addRow([
        formatShanghaiDateTime(activity.startsAt),
        activity.title,
        activity.placeName,
        entry.name,
        entry.branchName ?? '',
        entry.expected ? '应到' : '列席',
        status ? ATTENDANCE_STATUS_LABELS[status] : '未签到',
        entry.method ? CHECKIN_METHOD_LABELS[entry.method] : '',
        entry.checkedInAt ? formatShanghaiSeconds(new Date(entry.checkedInAt)) : '',
        points,
      ]);
      lines += 1;
    }
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  workbook.creator = unitName;
  return { workbook, lines };
}
