import {
  DEFAULT_GEOFENCE_RADIUS_METERS,
  distanceMeters,
  formatShanghaiTime,
  isLate,
  slotAge,
  windowState,
  type CheckinResult,
} from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import type { CurrentUser } from '../auth/currentUser';
import { settingsOf, windowOf, type ActivityRow } from '../checkin/activityQuery';
import type { ActivityCache } from '../checkin/activityCache';
import type { CheckinCodes } from '../checkin/codes';
import { refuse } from '../checkin/refusal';
import { relationOf } from '../checkin/roster';
import type { Database } from '../db/client';
import { attendance } from '../db/schema';
import type { AppError } from '../errors';
import { presentAttendance, recordAttendance } from './recordAttendance';

type AttendanceRow = typeof attendance.$inferSelect;

export interface CheckinInput {
  token: string;
  latitude?: number;
  longitude?: number;
}

function result(row: AttendanceRow, activity: ActivityRow): CheckinResult {
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

/** Whether the member's own unit holds this unit-wide or branch activity: they may attend, no further lookup needed. */
function ownUnitActivity(activity: ActivityRow, user: CurrentUser): boolean {
  return activity.hostSiteId === null && user.unitId === activity.unitId;
}

/**
 * A member's scan of the organiser's code. A genuine code of the current or previous 15-second
 * slot; then the window must be open, the member allowed to attend (own unit, attached to the
 * host site, or invited) and, where the unit asks for it, near enough. A member who already
 * checked in gets their record back with the same body, whatever else has changed since — so
 * every refusal after the code check first looks for it. The happy path is two queries: the
 * caller (authentication) and one atomic insert; the activity comes from a one-second cache.
 */
export async function checkIn(
  db: Database,
  activities: ActivityCache,
  codes: CheckinCodes,
  user: CurrentUser,
  input: CheckinInput,
  now: Date,
): Promise<CheckinResult> {
  const claims = codes.verify(input.token);
  if (!claims) throw refuse('invalid_input', 'token_invalid', '签到码无效：请扫描组织者屏幕上的二维码');
  const age = slotAge(claims.slot, now);
  if (age === 'future') throw refuse('invalid_input', 'token_invalid', '签到码无效：请扫描组织者屏幕上的二维码');
  if (age === 'expired') throw refuse('deadline_passed', 'slot_expired', '签到码已过期（每 15 秒更换一次），请扫描屏幕上最新的二维码');
  const activity = await activities.get(claims.activityId);

  const unlessRecorded = async (refusal: AppError): Promise<CheckinResult> => {
    const [existing] = await db
      .select()
      .from(attendance)
      .where(and(eq(attendance.activityId, activity.id), eq(attendance.memberId, user.id)));
    if (existing) return result(existing, activity);
    throw refusal;
  };

  const window = windowOf(activity);
  const state = windowState(window, now);
  if (state === 'not_open') {
    return unlessRecorded(
      refuse('conflict', 'window_not_open', `签到尚未开始，${formatShanghaiTime(window.opensAt)} 起可以签到`, {
        opensAt: window.opensAt.toISOString(),
      }),
    );
  }
  if (state === 'closed') {
    return unlessRecorded(
      refuse('deadline_passed', 'window_closed', `签到已于 ${formatShanghaiTime(window.closesAt)} 结束；如确已参加，请申请补签`, {
        closesAt: window.closesAt.toISOString(),
      }),
    );
  }
  if (!ownUnitActivity(activity, user) && !(await relationOf(db, activity, user))) {
    return unlessRecorded(
      refuse(
        'forbidden',
        'not_on_roster',
        `你不在「${activity.unitName}」本次活动的名单中：只有本单位党员、编入该服务点的流动党员和受邀嘉宾可以签到`,
      ),
    );
  }
  const settings = settingsOf(activity);
  if (settings.geofence && activity.latitude !== null && activity.longitude !== null) {
    if (input.latitude === undefined || input.longitude === undefined) {
      return unlessRecorded(refuse('invalid_input', 'location_required', '本单位开启了定位签到：请允许获取位置后重新扫码'));
    }
    const radius = activity.radiusMeters ?? DEFAULT_GEOFENCE_RADIUS_METERS;
    const distance = Math.round(
      distanceMeters(
        { latitude: activity.latitude, longitude: activity.longitude },
        { latitude: input.latitude, longitude: input.longitude },
      ),
    );
    if (distance > radius) {
      return unlessRecorded(
        refuse('forbidden', 'outside_geofence', `你不在活动地点附近（相距约 ${distance} 米，需在 ${radius} 米以内）`, {
          distanceMeters: distance,
          radiusMeters: radius,
        }),
      );
    }
  }
  const { row } = await recordAttendance(db, {
    activityId: activity.id,
    activityTitle: activity.title,
    memberId: user.id,
    status: isLate(window, now) ? 'late' : 'present',
    method: 'scan',
    at: now,
    recordedBy: null,
  });
  return result(row, activity);
}
