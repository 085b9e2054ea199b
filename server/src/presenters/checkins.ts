import { type AttendanceRecord, type AttendanceRequestView, type CheckinResult } from '@zhijian/shared';
import type { ActivityRow } from '../queries/activities';
import type { AttendanceRow, RequestWithNames } from '../queries/checkins';

export function presentAttendance(row: AttendanceRow): AttendanceRecord {
  return {
    id: row.id,
    activityId: row.activityId,
    memberId: row.memberId,
    status: row.status,
    method: row.method,
    checkedInAt: row.checkedInAt.toISOString(),
    points: row.points,
  };
}

/** The answer to a scan: the same body for the first check-in and every repeat of it. */
export function presentCheckinResult(row: AttendanceRow, activity: ActivityRow): CheckinResult {
  return {
    attendance: presentAttendance(row),
    activity: {
      id: activity.id,
      title: activity.title,
      startsAt: activity.startsAt.toISOString(),
      placeName: activity.placeName,
      unitName: activity.unitName,
    },
    message: row.status === 'late' ? '签到成功（迟到）' : '签到成功',
  };
}

export function presentAttendanceRequest(row: RequestWithNames): AttendanceRequestView {
  const r = row.request;
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    reason: r.reason,
    decisionNote: r.decisionNote,
    member: { id: r.memberId, name: row.memberName },
    activity: { id: r.activityId, title: row.activityTitle, startsAt: row.activityStartsAt.toISOString() },
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}
