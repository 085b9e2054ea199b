import { checkinRefusals, checkinWindow, windowState, type RequestKind } from '@zhijian/shared';
import { attendanceRequests } from '../db/schema';
import { refuse } from '../errors';
import type { ActivityRow } from '../queries/activities';
import { relationOf } from '../queries/activityRosters';
import { findMemberAttendance } from '../queries/checkins';
import { audit } from './audit';
import type { CommandContext } from './context';

/**
 * The signed-in member asks for 请假 (leave: expected there, before the start) or 补签 (make-up:
 * of the unit or expected, after the window has closed). Once per member, activity and kind —
 * the unique key decides between simultaneous asks — and never once they have checked in.
 */
export async function fileAttendanceRequest(
  ctx: CommandContext,
  { activity, kind, reason }: { activity: ActivityRow; kind: RequestKind; reason: string },
): Promise<{ id: number }> {
  const member = ctx.actor;
  if (!member) throw new Error('a request is made by the signed-in member');
  const relation = await relationOf(ctx.tx, activity, member);
  if (kind === 'leave') {
    if (relation !== 'roster') throw refuse(checkinRefusals.not_on_roster, {}, '你不在本次活动的应到名单中，无需请假');
    if (ctx.now.getTime() >= activity.startsAt.getTime()) {
      throw refuse(checkinRefusals.leave_too_late, { startsAt: activity.startsAt.toISOString() });
    }
  } else {
    if (relation !== 'roster' && relation !== 'unit') throw refuse(checkinRefusals.not_on_roster, {}, '你不在本次活动的名单中，不能补签');
    const window = checkinWindow(activity.startsAt, activity);
    if (windowState(window, ctx.now) !== 'closed') {
      throw refuse(checkinRefusals.makeup_too_early, { closesAt: window.closesAt.toISOString() });
    }
  }
  if (await findMemberAttendance(ctx.tx, activity.id, member.id)) {
    throw refuse(checkinRefusals.already_checked_in, {}, kind === 'leave' ? '你已签到，无需请假' : '你已签到，无需补签');
  }
  const [created] = await ctx.tx
    .insert(attendanceRequests)
    .values({ activityId: activity.id, memberId: member.id, kind, reason, createdAt: ctx.now })
    .onConflictDoNothing()
    .returning();
  if (!created) throw refuse(checkinRefusals.already_requested, { kind });
  await audit(ctx, { action: 'attendance_request.create', entity: 'attendance_request', entityId: created.id, after: created });
  return created;
}
