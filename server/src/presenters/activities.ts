import { windowState, type ActivityListItem, type ActivityPhase, type CheckinWindow } from '@zhijian/shared';
import { windowOf, type ActivityRow } from '../checkin/activityQuery';

export function phaseOf(window: CheckinWindow, endsAt: Date, now: Date): ActivityPhase {
  const state = windowState(window, now);
  if (state === 'not_open') return 'upcoming';
  if (state === 'open') return 'checkin_open';
  return now.getTime() < endsAt.getTime() ? 'in_progress' : 'ended';
}

export function scopeOf(row: Pick<ActivityRow, 'branchId' | 'hostSiteId'>): 'unit' | 'branch' | 'host_site' {
  if (row.hostSiteId !== null) return 'host_site';
  return row.branchId !== null ? 'branch' : 'unit';
}

export function presentWindow(window: CheckinWindow) {
  return { opensAt: window.opensAt.toISOString(), closesAt: window.closesAt.toISOString(), lateAfter: window.lateAfter.toISOString() };
}

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
    phase: phaseOf(window, row.endsAt, now),
  };
}
