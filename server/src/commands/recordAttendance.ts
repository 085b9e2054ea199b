import { activityPoints, ATTENDANCE_STATUS_LABELS, CHECKIN_METHOD_LABELS, type AttendanceRecord } from '@zhijian/shared';
import { and, eq, sql } from 'drizzle-orm';
import { selectRows, type Queryable } from '../db/client';
import { attendance } from '../db/schema';

type AttendanceRow = typeof attendance.$inferSelect;

export interface AttendanceInput {
  activityId: number;
  activityTitle: string;
  memberId: number;
  status: 'present' | 'late';
  method: 'scan' | 'manual' | 'makeup';
  at: Date;
  recordedBy: number | null;
  note?: string | null;
}

export function presentAttendance(row: AttendanceRow): AttendanceRecord {
  return {
    id: row.id,
    activityId: row.activityId,
    memberId: row.memberId,
    status: row.status,
    method: row.method,
    checkedInAt: row.checkedInAt.toISOString(),
    points: activityPoints(row.status, row.method),
  };
}

interface InsertedRow {
  id: number;
  activity_id: number;
  member_id: number;
  status: 'present' | 'late';
  method: 'scan' | 'manual' | 'makeup';
  checked_in_at: Date | string;
  recorded_by: number | null;
  note: string | null;
}

/**
 * Records attendance once per member and activity — the database's unique constraint decides,
 * so any number of simultaneous attempts leave one row — and writes its 活动积分 in the same
 * statement: the ledger row is inserted only from the attendance row that was actually inserted
 * (a data-modifying CTE, atomic on its own, one round trip on the burst's hot path). Answers the
 * row as it stands: the new one, or the one that was already there.
 */
export async function recordAttendance(db: Queryable, input: AttendanceInput): Promise<{ row: AttendanceRow; created: boolean }> {
  const label = input.method === 'makeup' ? CHECKIN_METHOD_LABELS.makeup : ATTENDANCE_STATUS_LABELS[input.status];
  const at = input.at.toISOString();
  const [inserted] = await selectRows<InsertedRow>(
    db,
    sql`with ins as (
          insert into attendance (activity_id, member_id, status, method, checked_in_at, recorded_by, note)
          values (${input.activityId}, ${input.memberId}, ${input.status}, ${input.method}, ${at}::timestamptz, ${input.recordedBy}, ${input.note ?? null})
          on conflict (activity_id, member_id) do nothing
          returning *
        ), earned as (
          insert into points_ledger (member_id, points, reason, source_type, source_id, created_at)
          select member_id, ${activityPoints(input.status, input.method)}, ${`活动积分：${label}「${input.activityTitle}」`}, 'attendance', id, ${at}::timestamptz from ins
        )
        select * from ins`,
  );
  if (inserted) {
    return {
      created: true,
      row: {
        id: inserted.id,
        activityId: inserted.activity_id,
        memberId: inserted.member_id,
        status: inserted.status,
        method: inserted.method,
        checkedInAt: new Date(inserted.checked_in_at),
        recordedBy: inserted.recorded_by,
        note: inserted.note,
      },
    };
  }
  const [existing] = await db
    .select()
    .from(attendance)
    .where(and(eq(attendance.activityId, input.activityId), eq(attendance.memberId, input.memberId)));
  return { row: existing!, created: false };
}
