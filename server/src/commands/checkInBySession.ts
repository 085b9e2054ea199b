import { checkinWindow, isLate, slotAge } from '@zhijian/shared';
import type { CurrentUser, SessionAccess } from '../auth/currentUser';
import type { ActivityRow } from '../queries/activities';
import type { AttendanceRow } from '../queries/checkins';
import { geofenceRefusal, windowRefusal, type CheckInProps } from './checkIn';
import type { CommandContext } from './context';
import { recordAttendanceAsCaller } from './recordAttendance';

/** What the one statement found: the caller (undefined: their sign-in is not live) and, if it could, the record. */
export interface ScanBySession {
  caller: CurrentUser | undefined;
  checkedIn?: { attendance: AttendanceRow; activity: ActivityRow };
}

/**
 * The burst's scan in one round trip (issue 21): a member of the activity's unit scanning a
 * code of the current or previous slot within the window (and the geofence, where there is one) is recorded by one
 * statement that also checks their sign-in — the insert happens only while it is live
 * (`recordAttendanceAsCaller`). Until that statement has answered, nobody is known to be acting:
 * run it with `runStatement` as the system, and let the route confirm the caller it answers
 * (`SessionCheck.confirm`: a sign-in that is not live is refused as authentication refuses it).
 *
 * Answers undefined, having asked the database nothing, for every scan the statement cannot
 * decide alone — an invalid or expired code, a window not open, a position outside the
 * fence, a host site's activity; and `checkedIn` is missing when the caller is not of the unit.
 * Those go the full way: the session checked on its own, then `checkIn` with its refusals.
 */
export async function checkInBySession(
  ctx: CommandContext,
  { token, latitude, longitude, activities, codes, access }: CheckInProps & { access: Omit<SessionAccess, 'now'> },
): Promise<ScanBySession | undefined> {
  const now = ctx.now;
  const claims = codes.verify(token);
  const age = claims && slotAge(claims.slot, now);
  if (!claims || age === 'expired' || age === 'future') return undefined;
  const activity = await activities.get(claims.activityId);
  if (activity.hostSiteId !== null) return undefined;
  const window = checkinWindow(activity.startsAt, activity);
  if (windowRefusal(window, now) || geofenceRefusal(activity, { latitude, longitude })) return undefined;
  const { caller, recorded } = await recordAttendanceAsCaller(ctx, {
    activity,
    memberId: access.memberId,
    status: isLate(window, now) ? 'late' : 'present',
    method: 'scan',
    access: { ...access, now },
    unitId: activity.unitId,
  });
  return { caller, checkedIn: recorded && { attendance: recorded.row, activity } };
}
