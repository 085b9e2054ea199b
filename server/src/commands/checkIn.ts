import {
  checkinRefusals,
  checkinWindow,
  DEFAULT_GEOFENCE_RADIUS_METERS,
  distanceMeters,
  isLate,
  slotAge,
  windowState,
  type CheckinInput,
  type CheckinWindow,
} from '@zhijian/shared';
import type { ActivityCache } from '../activityCache/activityCache';
import type { CurrentUser } from '../auth/currentUser';
import type { CheckinCodes } from '../checkinCodes/rotatingCodes';
import { refuse, type AppError } from '../errors';
import type { ActivityRow } from '../queries/activities';
import { relationOf } from '../queries/activityRosters';
import { findMemberAttendance, type AttendanceRow } from '../queries/checkins';
import type { CommandContext } from './context';
import { recordAttendance } from './recordAttendance';

export interface CheckInProps extends CheckinInput {
  /** Where the activity comes from: a one-second cache, the burst's hot path. */
  activities: ActivityCache;
  codes: CheckinCodes;
}

type Position = Pick<CheckinInput, 'latitude' | 'longitude'>;

/** Whether the member's own unit holds this unit-wide or branch activity: they may attend, no further lookup needed. */
function ownUnitActivity(activity: ActivityRow, member: CurrentUser): boolean {
  return activity.hostSiteId === null && member.unitId === activity.unitId;
}

/** The refusal for a scan outside the check-in window, or undefined while it is open. */
export function windowRefusal(window: CheckinWindow, now: Date): AppError | undefined {
  const state = windowState(window, now);
  if (state === 'not_open') return refuse(checkinRefusals.window_not_open, { opensAt: window.opensAt.toISOString() });
  if (state === 'closed') return refuse(checkinRefusals.window_closed, { closesAt: window.closesAt.toISOString() });
  return undefined;
}

/** The refusal for a scan the activity's geofence does not admit, or undefined. */
export function geofenceRefusal(activity: ActivityRow, { latitude, longitude }: Position): AppError | undefined {
  if (!activity.geofence || activity.latitude === null || activity.longitude === null) return undefined;
  if (latitude === undefined || longitude === undefined) return refuse(checkinRefusals.location_required);
  const radiusMeters = activity.radiusMeters ?? DEFAULT_GEOFENCE_RADIUS_METERS;
  const distance = Math.round(distanceMeters({ latitude: activity.latitude, longitude: activity.longitude }, { latitude, longitude }));
  if (distance > radiusMeters) return refuse(checkinRefusals.outside_geofence, { distanceMeters: distance, radiusMeters });
  return undefined;
}

/**
 * The signed-in member's scan of the organiser's code. A genuine code of the current or previous
 * 15-second slot; then the window must be open, the member allowed to attend (own unit, attached
 * to the host site, or invited) and, where the unit asks for it, near enough. A member who
 * already checked in gets their record back, whatever else has changed since — so every refusal
 * after the code check first looks for it. The activity comes from a one-second cache and the
 * record from one atomic insert; run with `runStatement`: no transaction around the one statement
 * that writes. The burst's usual scan takes `checkInBySession` instead, which folds the caller's
 * session check into that insert; this is the path for everything it leaves undecided.
 */
export async function checkIn(
  ctx: CommandContext,
  { token, latitude, longitude, activities, codes }: CheckInProps,
): Promise<{ attendance: AttendanceRow; activity: ActivityRow }> {
  const member = ctx.actor;
  if (!member) throw new Error('a check-in is made by the signed-in member');
  const now = ctx.now;
  const claims = codes.verify(token);
  if (!claims) throw refuse(checkinRefusals.token_invalid);
  const age = slotAge(claims.slot, now);
  if (age === 'future') throw refuse(checkinRefusals.token_invalid);
  const activity = await activities.get(claims.activityId);

  const unlessRecorded = async (refusal: AppError) => {
    const existing = await findMemberAttendance(ctx.tx, activity.id, member.id);
    if (existing) return { attendance: existing, activity };
    throw refusal;
  };

  // An old code sent again (a retry after a success, a screenshot): a member who is in gets their record.
  if (age === 'expired') return unlessRecorded(refuse(checkinRefusals.slot_expired));

  const window = checkinWindow(activity.startsAt, activity);
  const shut = windowRefusal(window, now);
  if (shut) return unlessRecorded(shut);
  if (!ownUnitActivity(activity, member) && !(await relationOf(ctx.tx, activity, member))) {
    return unlessRecorded(
      refuse(
        checkinRefusals.not_on_roster,
        {},
        `你不在「${activity.unitName}」本次活动的名单中：只有本单位党员、编入该服务点的流动党员和受邀嘉宾可以签到`,
      ),
    );
  }
  const away = geofenceRefusal(activity, { latitude, longitude });
  if (away) return unlessRecorded(away);
  const { row } = await recordAttendance(ctx, {
    activity,
    memberId: member.id,
    status: isLate(window, now) ? 'late' : 'present',
    method: 'scan',
  });
  return { attendance: row, activity };
}
