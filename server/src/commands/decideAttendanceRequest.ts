import { checkinRefusals, type DecisionInput } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { attendanceRequests } from '../db/schema';
import { refuse } from '../errors';
import { presentAttendance } from '../presenters/checkins';
import { findActivity } from '../queries/activities';
import type { RequestWithNames } from '../queries/checkins';
import { audit } from './audit';
import type { CommandContext } from './context';
import { recordAttendance } from './recordAttendance';

/**
 * The organiser approves or refuses a pending request — once: the status moves only from
 * `pending` (compare-and-set), so of two simultaneous decisions one is refused. An approved
 * make-up records the attendance (method `makeup`, 1 point) in the same transaction.
 */
export async function decideAttendanceRequest(
  ctx: CommandContext,
  { request: row, decision }: { request: RequestWithNames; decision: DecisionInput },
): Promise<void> {
  if (row.request.status !== 'pending') throw refuse(checkinRefusals.request_decided);
  const status = decision.approve ? 'approved' : 'refused';
  const updated = await ctx.tx
    .update(attendanceRequests)
    .set({ status, decidedBy: ctx.actor?.id ?? null, decidedAt: ctx.now, decisionNote: decision.note ?? null })
    .where(and(eq(attendanceRequests.id, row.request.id), eq(attendanceRequests.status, 'pending')))
    .returning({ id: attendanceRequests.id });
  if (!updated.length) throw refuse(checkinRefusals.request_decided);
  if (decision.approve && row.request.kind === 'makeup') {
    const activity = await findActivity(ctx.tx, row.request.activityId);
    const { row: record, created } = await recordAttendance(ctx, {
      activity,
      memberId: row.request.memberId,
      status: 'present',
      method: 'makeup',
      note: row.request.reason,
    });
    if (!created) {
      throw refuse(
        checkinRefusals.already_checked_in,
        { attendance: presentAttendance(record) },
        `${row.memberName}已有签到记录，无需补签`,
      );
    }
  }
  await audit(ctx, {
    action: `attendance_request.${status === 'approved' ? 'approve' : 'refuse'}`,
    entity: 'attendance_request',
    entityId: row.request.id,
    before: row.request,
    after: { status, note: decision.note ?? null },
  });
}
