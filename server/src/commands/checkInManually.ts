import { checkinRefusals, checkinWindow, isLate, windowState, type ManualCheckinInput } from '@zhijian/shared';
import { loadCurrentUser } from '../auth/currentUser';
import { notFound, refuse } from '../errors';
import { presentAttendance } from '../presenters/checkins';
import type { ActivityRow } from '../queries/activities';
import { relationOf } from '../queries/activityRosters';
import type { AttendanceRow } from '../queries/checkins';
import { audit } from './audit';
import type { CommandContext } from './context';
import { recordAttendance } from './recordAttendance';

/**
 * The organiser checks a member in by hand (a phone without battery): once the window has opened,
 * for anyone who may attend, on time or late by the clock unless the organiser says. Audited.
 */
export async function checkInManually(
  ctx: CommandContext,
  { activity, input }: { activity: ActivityRow; input: ManualCheckinInput },
): Promise<AttendanceRow> {
  const window = checkinWindow(activity.startsAt, activity);
  if (windowState(window, ctx.now) === 'not_open') {
    throw refuse(checkinRefusals.window_not_open, { opensAt: window.opensAt.toISOString() }, '签到尚未开始，不能代签');
  }
  const member = await loadCurrentUser(ctx.tx, input.memberId);
  if (!member) throw notFound('党员');
  if (!(await relationOf(ctx.tx, activity, member))) {
    throw refuse(checkinRefusals.not_on_roster, {}, `${member.name}不在本次活动的名单中（可先按手机号邀请为嘉宾）`);
  }
  const { row, created } = await recordAttendance(ctx, {
    activity,
    memberId: member.id,
    status: input.status ?? (isLate(window, ctx.now) ? 'late' : 'present'),
    method: 'manual',
    note: input.note ?? null,
  });
  if (!created) throw refuse(checkinRefusals.already_checked_in, { attendance: presentAttendance(row) }, `${member.name}已签到，无需代签`);
  await audit(ctx, { action: 'attendance.manual', entity: 'attendance', entityId: row.id, after: row });
  return row;
}
