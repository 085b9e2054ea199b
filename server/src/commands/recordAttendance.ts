import { activityPoints, ATTENDANCE_STATUS_LABELS, CHECKIN_METHOD_LABELS, type CheckinMethod } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import { selectRows } from '../db/client';
import { findMemberAttendance, type AttendanceRow } from '../queries/checkins';
import type { CommandContext } from './context';

export interface AttendanceProps {
  activity: { id: number; title: string };
  memberId: number;
  status: 'present' | 'late';
  method: CheckinMethod;
  note?: string | null;
}

interface InsertedRow {
  id: number;
  activity_id: number;
  member_id: number;
  status: 'present' | 'late';
  method: CheckinMethod;
  checked_in_at: Date | string;
  recorded_by: number | null;
  note: string | null;
}

/**
 * Records attendance once per member and activity — the database's unique constraint decides,
 * so any number of simultaneous attempts leave one row — and writes its 活动积分 in the same
 * statement: the ledger row is inserted only from the attendance row that was actually inserted
 * (a data-modifying CTE, atomic on its own, one round trip on the burst's hot path). Answers the
 * row as it stands: the new one, or the one that was already there. A member's own scan is
 * recorded by nobody; a manual check-in or a make-up by the organiser acting (`ctx.actor`).
 */
export async function recordAttendance(ctx: CommandContext, input: AttendanceProps): Promise<{ row: AttendanceRow; created: boolean }> {
  const label = input.method === 'makeup' ? CHECKIN_METHOD_LABELS.makeup : ATTENDANCE_STATUS_LABELS[input.status];
  const at = ctx.now.toISOString();
  const recordedBy = input.method === 'scan' ? null : (ctx.actor?.id ?? null);
  const [inserted] = await selectRows<InsertedRow>(
    ctx.tx,
    sql`with ins as (
          insert into attendance (activity_id, member_id, status, method, checked_in_at, recorded_by, note)
          values (${input.activity.id}, ${input.memberId}, ${input.status}, ${input.method}, ${at}::timestamptz, ${recordedBy}, ${input.note ?? null})
          on conflict (activity_id, member_id) do nothing
          returning *
        ), earned as (
          insert into points_ledger (member_id, points, reason, source_type, source_id, created_at)
          select member_id, ${activityPoints(input.status, input.method)}, ${`活动积分：${label}「${input.activity.title}」`}, 'attendance', id, ${at}::timestamptz from ins
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
  const existing = await findMemberAttendance(ctx.tx, input.activity.id, input.memberId);
  return { row: existing!, created: false };
}
