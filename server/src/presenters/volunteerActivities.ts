import {
  SIGN_UP_STATUS_LABELS,
  VOLUNTEER_SCOPE_LABELS,
  type AttendanceResult,
  type MySignUp,
  type RosterEntry,
  type VolunteerActivity,
} from '@zhijian/shared';
import type { PlacedSignUp, RosterRow, VolunteerActivityRow } from '../queries/volunteerActivities';

export function presentMySignUp(signUp: PlacedSignUp): MySignUp {
  return {
    id: signUp.id,
    status: signUp.status,
    statusLabel: SIGN_UP_STATUS_LABELS[signUp.status],
    waitlistPosition: signUp.waitlistPosition,
    attendedAt: signUp.attendedAt?.toISOString() ?? null,
    points: signUp.points,
  };
}

/** `canManage` is the caller's right to organise it, decided by the policy and passed in. */
export function presentVolunteerActivity(row: VolunteerActivityRow, now: Date, canManage: boolean): VolunteerActivity {
  const { activity } = row;
  const scope = activity.unitId === null ? 'association' : 'unit';
  return {
    id: activity.id,
    scope,
    scopeLabel: VOLUNTEER_SCOPE_LABELS[scope],
    unitId: activity.unitId,
    organiser: row.unitName ?? '协会秘书处',
    title: activity.title,
    description: activity.description,
    placeName: activity.placeName,
    startsAt: activity.startsAt.toISOString(),
    endsAt: activity.endsAt.toISOString(),
    signUpDeadline: activity.signUpDeadline.toISOString(),
    places: activity.places,
    placesLeft: Math.max(0, activity.places - row.confirmed),
    waitlistCount: row.waitlisted,
    open: !activity.cancelledAt && now < activity.signUpDeadline,
    cancelledAt: activity.cancelledAt?.toISOString() ?? null,
    cancelReason: activity.cancelReason,
    mySignUp: row.mine && presentMySignUp(row.mine),
    canManage,
  };
}

export function presentRosterEntry({ signUp, member }: RosterRow): RosterEntry {
  return {
    signUpId: signUp.id,
    member,
    status: signUp.status,
    statusLabel: SIGN_UP_STATUS_LABELS[signUp.status],
    waitlistPosition: signUp.waitlistPosition,
    signedUpAt: signUp.createdAt.toISOString(),
    attendedAt: signUp.attendedAt?.toISOString() ?? null,
    method: signUp.method,
    points: signUp.points,
  };
}

export function presentAttendance(
  activity: { id: number; title: string },
  member: { id: number; name: string },
  result: { signUp: { attendedAt: Date | null }; pointsAwarded: number; repeat: boolean },
): AttendanceResult {
  const message = result.repeat
    ? `${member.name} 已签到过`
    : result.pointsAwarded > 0
      ? `${member.name} 签到成功，公益积分 +${result.pointsAwarded}`
      : `${member.name} 签到成功（公益积分已达上限）`;
  return {
    activityId: activity.id,
    title: activity.title,
    member,
    attendedAt: result.signUp.attendedAt!.toISOString(),
    pointsAwarded: result.pointsAwarded,
    repeat: result.repeat,
    message,
  };
}
