import {
  attendanceRate,
  checkinWindow,
  windowState,
  type ActivityDetail,
  type ActivityListItem,
  type ActivityPhase,
  type CheckinCode,
  type CheckinWindow,
  type LiveEntry,
  type LiveList,
  type MyActivity,
} from '@zhijian/shared';
import type { ActivityDetailRows, ActivityRow, LiveListRows, StandingRows } from '../queries/activities';
import type { Relation } from '../queries/activityRosters';

/** The activity's check-in window; the row carries its unit's settings. */
export function windowOf(row: ActivityRow): CheckinWindow {
  return checkinWindow(row.startsAt, row);
}

export function phaseOf(window: CheckinWindow, endsAt: Date, now: Date, checkinOpenedAt: Date | null): ActivityPhase {
  const state = windowState(window, now);
  if (state === 'not_open') return 'upcoming';
  // 签到中 only once the organiser has opened it: before that no code is shown anywhere.
  if (state === 'open') return checkinOpenedAt ? 'checkin_open' : 'checkin_ready';
  return now.getTime() < endsAt.getTime() ? 'in_progress' : 'ended';
}

export function scopeOf(row: { branchId: number | null; hostSiteId: number | null }): 'unit' | 'branch' | 'host_site' {
  if (row.hostSiteId !== null) return 'host_site';
  return row.branchId !== null ? 'branch' : 'unit';
}

export function presentWindow(window: CheckinWindow) {
  return { opensAt: window.opensAt.toISOString(), closesAt: window.closesAt.toISOString(), lateAfter: window.lateAfter.toISOString() };
}

export const photoUrl = (id: number) => `/api/activity-photos/${id}`;

export function presentActivity(row: ActivityRow, now: Date): ActivityListItem {
  const window = windowOf(row);
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: row.unitName,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    placeName: row.placeName,
    placeAddress: row.placeAddress,
    origin: row.origin,
    scope: scopeOf(row),
    branchName: row.branchName,
    hostSiteName: row.hostSiteName,
    moved: row.movedFrom && row.moveReason ? { from: row.movedFrom.toISOString(), reason: row.moveReason } : null,
    window: presentWindow(window),
    phase: phaseOf(window, row.endsAt, now, row.checkinOpenedAt),
  };
}

export type Standing = Pick<MyActivity, 'relation' | 'myStatus' | 'checkedInAt' | 'requests' | 'canRequestLeave' | 'canRequestMakeup'>;

/**
 * A member's standing at an activity: checked in (present/late), on approved leave, absent once
 * the window has closed without either (when they were expected), or still waiting.
 */
export function presentStanding(row: ActivityRow, relation: Relation, standing: StandingRows, now: Date): Standing {
  const record = standing.records.find((r) => r.activityId === row.id);
  const mine = standing.requests.filter((r) => r.activityId === row.id);
  const onLeave = mine.some((r) => r.kind === 'leave' && r.status === 'approved');
  const state = windowState(windowOf(row), now);
  const myStatus = record ? record.status : onLeave ? 'leave' : state === 'closed' && relation === 'roster' ? 'absent' : 'waiting';
  return {
    relation,
    myStatus,
    checkedInAt: record ? record.checkedInAt.toISOString() : null,
    requests: mine.map((r) => ({ id: r.id, kind: r.kind, status: r.status, reason: r.reason, decisionNote: r.decisionNote })),
    canRequestLeave: relation === 'roster' && !record && !mine.some((r) => r.kind === 'leave') && now.getTime() < row.startsAt.getTime(),
    canRequestMakeup: relation !== 'guest' && !record && !mine.some((r) => r.kind === 'makeup') && state === 'closed',
  };
}

export function presentMyActivity(row: ActivityRow, relation: Relation, standing: StandingRows, now: Date): MyActivity {
  return { ...presentActivity(row, now), ...presentStanding(row, relation, standing, now) };
}

export function presentActivityDetail(
  { activity: row, relation, standing, photoIds }: ActivityDetailRows,
  now: Date,
  caller: { canOrganise: boolean },
): ActivityDetail {
  return {
    ...presentActivity(row, now),
    latitude: row.latitude,
    longitude: row.longitude,
    radiusMeters: row.radiusMeters,
    agenda: row.agenda,
    materials: row.materials,
    summary: row.summary,
    photos: photoIds.map((id) => ({ id, url: photoUrl(id) })),
    checkinOpenedAt: row.checkinOpenedAt?.toISOString() ?? null,
    needsLocation: row.geofence && row.latitude !== null,
    mine: relation ? presentStanding(row, relation, standing, now) : null,
    canOrganise: caller.canOrganise,
  };
}

/** The organiser's screen: this slot's code, its QR image (rendered by the caller), when to refresh. */
export function presentCheckinCode(code: {
  activity: ActivityRow;
  token: string;
  slot: number;
  expiresAt: Date;
  qrDataUrl: string;
  now: Date;
}): CheckinCode {
  return {
    activityId: code.activity.id,
    token: code.token,
    slot: code.slot,
    expiresAt: code.expiresAt.toISOString(),
    refreshInMs: code.expiresAt.getTime() - code.now.getTime(),
    qrDataUrl: code.qrDataUrl,
    window: presentWindow(windowOf(code.activity)),
  };
}

/** Who is in and who is not yet: the roster with each member's status, then anyone else who checked in. */
export function presentLiveList(
  { activity, roster, records, onLeave }: LiveListRows,
  now: Date,
): Omit<LiveList, 'version' | 'since' | 'removed'> {
  const leave = new Set(onLeave);
  const byMember = new Map(records.map((r) => [r.memberId, r]));
  const closed = windowState(windowOf(activity), now) === 'closed';
  const entries: LiveEntry[] = roster.map((member) => {
    const record = byMember.get(member.id);
    return {
      memberId: member.id,
      name: member.name,
      branchName: member.branchName,
      expected: true,
      status: record ? record.status : leave.has(member.id) ? 'leave' : closed ? 'absent' : 'waiting',
      method: record?.method ?? null,
      checkedInAt: record?.checkedInAt.toISOString() ?? null,
      attendanceId: record?.id ?? null,
      points: record?.points ?? 0,
    };
  });
  const expectedIds = new Set(roster.map((m) => m.id));
  const others: LiveEntry[] = records
    .filter((r) => !expectedIds.has(r.memberId))
    .map((r) => ({
      memberId: r.memberId,
      name: r.name,
      branchName: r.branchName,
      expected: false,
      status: r.status,
      method: r.method,
      checkedInAt: r.checkedInAt.toISOString(),
      attendanceId: r.id,
      points: r.points,
    }));
  const count = (status: LiveEntry['status']) => entries.filter((e) => e.status === status).length;
  const counts = { expected: entries.length, present: count('present'), late: count('late'), leave: count('leave') };
  return {
    activity: presentActivity(activity, now),
    counts: {
      ...counts,
      absent: counts.expected - counts.present - counts.late - counts.leave,
      rate: attendanceRate(counts),
      others: others.length,
    },
    entries: [...entries, ...others],
  };
}
