import {
  VOLUNTEER_ATTENDANCE_CLOSES_MINUTES,
  VOLUNTEER_ATTENDANCE_OPENS_MINUTES,
  volunteerRefusals,
  volunteeringRules,
  type AttendanceMethod,
} from '@zhijian/shared';
import { and, eq, isNull } from 'drizzle-orm';
import { volunteerSignUps } from '../db/schema';
import { refuse } from '../errors';
import { settingsAt } from '../queries/recordSettings';
import {
  findLiveSignUp,
  findVolunteerActivity,
  refuseIfCancelled,
  type VolunteerActivityRecord,
  type VolunteerSignUpRow,
} from '../queries/volunteerActivities';
import { audit } from './audit';
import { awardPoints } from './awardPoints';
import type { CommandContext } from './context';

/** When attendance may be taken: an hour before the start until two hours after the end. */
export function attendanceWindow(activity: { startsAt: Date; endsAt: Date }): { opensAt: Date; closesAt: Date } {
  return {
    opensAt: new Date(activity.startsAt.getTime() - VOLUNTEER_ATTENDANCE_OPENS_MINUTES * 60_000),
    closesAt: new Date(activity.endsAt.getTime() + VOLUNTEER_ATTENDANCE_CLOSES_MINUTES * 60_000),
  };
}

export interface VolunteerAttendance {
  signUp: VolunteerSignUpRow;
  pointsAwarded: number;
  repeat: boolean;
}

/**
 * Records that a member with a place attended, by either scan, and writes their 公益积分 — once
 * per member and activity (the ledger's unique source; the attendance itself moves from null
 * once), within the category's caps. A second scan answers the first record.
 */
export async function recordVolunteerAttendance(
  ctx: CommandContext,
  { activity, memberId, method }: { activity: VolunteerActivityRecord; memberId: number; method: AttendanceMethod },
): Promise<VolunteerAttendance> {
  // Shared lock: an organiser calling the activity off waits for this scan, then sees it (attendance_taken).
  refuseIfCancelled(await findVolunteerActivity(ctx.tx, activity.id, { lock: 'share' }));
  const window = attendanceWindow(activity);
  const signUp = await findLiveSignUp(ctx.tx, activity.id, memberId);
  if (signUp?.attendedAt) return { signUp, pointsAwarded: 0, repeat: true };
  if (ctx.now < window.opensAt || ctx.now > window.closesAt) {
    throw refuse(volunteerRefusals.attendance_not_open, { opensAt: window.opensAt.toISOString(), closesAt: window.closesAt.toISOString() });
  }
  if (signUp?.status !== 'confirmed') throw refuse(volunteerRefusals.not_confirmed, { status: signUp?.status ?? null });
  const [attended] = await ctx.tx
    .update(volunteerSignUps)
    .set({ attendedAt: ctx.now, method })
    .where(and(eq(volunteerSignUps.id, signUp.id), eq(volunteerSignUps.status, 'confirmed'), isNull(volunteerSignUps.attendedAt)))
    .returning();
  if (!attended) {
    // Another scan of the same member got there first: answer its record.
    const [now] = await ctx.tx.select().from(volunteerSignUps).where(eq(volunteerSignUps.id, signUp.id));
    return { signUp: now!, pointsAwarded: 0, repeat: true };
  }
  const settings = await settingsAt(ctx.tx, ctx.now);
  const points = await awardPoints(ctx, {
    memberId,
    category: 'public_service',
    sourceType: 'volunteer_activity',
    sourceId: activity.id,
    points: volunteeringRules(settings).perActivity,
    reason: `志愿活动：${activity.title}`,
    at: ctx.now,
    settings,
  });
  const [after] = await ctx.tx.update(volunteerSignUps).set({ points }).where(eq(volunteerSignUps.id, signUp.id)).returning();
  await audit(ctx, { action: `volunteer.attend.${method}`, entity: 'volunteer_sign_up', entityId: signUp.id, before: signUp, after });
  return { signUp: after!, pointsAwarded: points, repeat: false };
}
