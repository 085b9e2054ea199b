import { addDays, api, formatDate, shanghaiDate } from '@zhijian/shared';
import { call, client, type Body, type Query } from './api';
import { downloadExport } from './download';
import type { PickedFile } from './files';
import { upload } from './upload';

/**
 * The organiser's side of 活动签到: the unit's activities, the rotating code and live list, the
 * rules that generate activities, requests to approve, and attendance figures.
 */

// ── Activities.

/**
 * The unit's activities from a week back (to write summaries, approve make-ups) to a year ahead:
 * rules generate three months ahead, but an extra activity may be planned further out.
 */
export async function listUnitActivities(unitId: number) {
  const today = shanghaiDate(new Date());
  const range = { from: formatDate(addDays(today, -7)), to: formatDate(addDays(today, 366)) };
  return (await call(api.activities.listForUnit, { params: { unitId }, query: range })).items;
}

export function getActivity(id: number) {
  return call(api.activities.get, { params: { id } });
}

export function updateActivity(id: number, body: Body<typeof api.activities.update>) {
  return call(api.activities.update, { params: { id }, body });
}

/** Moves one occurrence to another day or time, with the reason on record. */
export function moveActivity(id: number, body: Body<typeof api.activities.move>) {
  return call(api.activities.move, { params: { id }, body });
}

export function inviteGuest(activityId: number, body: Body<typeof api.activities.inviteGuest>) {
  return call(api.activities.inviteGuest, { params: { id: activityId }, body });
}

export function createExtraActivity(unitId: number, body: Body<typeof api.activities.createExtra>) {
  return call(api.activities.createExtra, { params: { unitId }, body });
}

export function uploadActivityPhoto(activityId: number, photo: PickedFile) {
  return upload(api.activities.uploadPhoto, { params: { id: activityId } }, photo);
}

/** Who an extra activity may be for: the whole unit, one of its branches, one of its host sites. */
export async function loadAudiences(unitId: number) {
  const [unit, sites] = await Promise.all([call(api.units.get, { params: { id: unitId } }), listHostSites(unitId)]);
  return { branches: unit.branches, sites };
}

// ── Check-in on the day.

/** The current 15-second code; `refreshInMs` says when the next one is due. */
export function currentCode(activityId: number) {
  return call(api.activities.code, { params: { id: activityId } });
}

/** The live list; with `since` (the version held), only what changed since — see mergeLiveList. */
export function liveList(activityId: number, since?: string) {
  return call(api.activities.live, { params: { id: activityId }, query: since ? { since } : {} });
}

export function manualCheckin(activityId: number, body: Body<typeof api.checkins.manual>) {
  return call(api.checkins.manual, { params: { id: activityId }, body });
}

export function revokeCheckin(attendanceId: number, reason: string) {
  return call(api.checkins.revoke, { params: { id: attendanceId }, body: { reason } });
}

/** 一键提醒: a subscription message to those not in yet who allowed one (once per 10 minutes per activity). */
export function remindAbsentees(activityId: number) {
  return call(api.checkins.remind, { params: { id: activityId } });
}

// ── Leave and make-up requests.

export function pendingRequests(unitId: number, page: number, pageSize: number) {
  return call(api.checkins.listRequests, { params: { unitId }, query: { page, pageSize, status: 'pending' } });
}

export function decideRequest(requestId: number, approve: boolean) {
  return call(api.checkins.decide, { params: { id: requestId }, body: { approve } });
}

// ── Rules, host sites, settings.

/** The rules page: the unit's rules, its branches and its host sites. */
export async function loadRules(unitId: number) {
  const [rules, unit, sites] = await Promise.all([
    call(api.schedules.listRules, { params: { unitId } }),
    call(api.units.get, { params: { id: unitId } }),
    listHostSites(unitId),
  ]);
  return { rules: rules.items, branches: unit.branches, sites };
}

export function createRule(unitId: number, body: Body<typeof api.schedules.createRule>) {
  return call(api.schedules.createRule, { params: { unitId }, body });
}

export function updateRule(ruleId: number, body: Body<typeof api.schedules.updateRule>) {
  return call(api.schedules.updateRule, { params: { id: ruleId }, body });
}

export function deleteRule(ruleId: number) {
  return call(api.schedules.deleteRule, { params: { id: ruleId } });
}

export async function listHostSites(unitId: number) {
  return (await call(api.schedules.listHostSites, { params: { unitId } })).items;
}

export function createHostSite(unitId: number, body: Body<typeof api.schedules.createHostSite>) {
  return call(api.schedules.createHostSite, { params: { unitId }, body });
}

export function attachToHostSite(siteId: number, memberId: number) {
  return call(api.schedules.attachMember, { params: { id: siteId }, body: { memberId } });
}

export function detachFromHostSite(siteId: number, memberId: number) {
  return call(api.schedules.detachMember, { params: { id: siteId }, body: { memberId } });
}

export function getCheckinSettings(unitId: number) {
  return call(api.schedules.getSettings, { params: { unitId } });
}

export function updateCheckinSettings(unitId: number, body: Body<typeof api.schedules.updateSettings>) {
  return call(api.schedules.updateSettings, { params: { unitId }, body });
}

// ── Attendance figures.

export type MonthRange = Query<typeof api.attendance.unitStats>;

export function unitAttendance(unitId: number, range: MonthRange) {
  return call(api.attendance.unitStats, { params: { unitId }, query: range });
}

/** The unit's 活动台账 as xlsx: saved by the browser, opened in WeChat. */
export function exportLedger(unitId: number, range: MonthRange) {
  const url = client.url(api.attendance.exportLedger, { params: { unitId }, query: range });
  return downloadExport(url, `活动台账-${range.from}至${range.to}.xlsx`);
}

/** The months with figures, newest first: of a unit, or of the whole association. */
export async function unitDataMonths(unitId: number): Promise<string[]> {
  return (await call(api.attendance.unitMonths, { params: { unitId } })).months;
}

export async function boardDataMonths(): Promise<string[]> {
  return (await call(api.attendance.dashboardMonths)).months;
}

/** The association's attendance by 片组 and in total (the secretariat's 出勤看板). */
export function attendanceDashboard(range: MonthRange) {
  return call(api.attendance.dashboard, { query: range });
}

/** A page of the 出勤看板's units, in the 片组's order; of one 片组 when `groupId` is given. */
export function attendanceDashboardUnits(range: MonthRange, page: number, pageSize: number, groupId?: number) {
  return call(api.attendance.dashboardUnits, { query: { ...range, page, pageSize, ...(groupId === undefined ? {} : { groupId }) } });
}
