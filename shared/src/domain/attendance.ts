/**
 * Attendance outcomes and what they are worth. After an activity every roster member is exactly
 * one of present, late, on leave or absent: present/late come from an attendance row, leave from
 * an approved leave request, absent is what remains (computed, never written).
 */
export const ATTENDANCE_STATUSES = ['present', 'late', 'leave', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = {
  present: '出席',
  late: '迟到',
  leave: '请假',
  absent: '缺席',
};

/** How an attendance row came about. */
export const CHECKIN_METHODS = ['scan', 'manual', 'makeup'] as const;
export type CheckinMethod = (typeof CHECKIN_METHODS)[number];
export const CHECKIN_METHOD_LABELS: Record<CheckinMethod, string> = { scan: '扫码签到', manual: '组织者代签', makeup: '补签' };

export interface AttendanceCounts {
  /** Roster members expected, summed over the activities. */
  expected: number;
  present: number;
  late: number;
  leave: number;
}

/**
 * Attendance rate = (present + late) / (expected − on leave). Members on approved leave are
 * excused, not counted against the unit; null when nobody was expected.
 */
export function attendanceRate(counts: AttendanceCounts): number | null {
  const denominator = counts.expected - counts.leave;
  if (denominator <= 0) return null;
  return (counts.present + counts.late) / denominator;
}
