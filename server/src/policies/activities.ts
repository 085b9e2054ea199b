import type { CurrentUser } from '../auth/currentUser';
import { forbidden } from '../errors';
import type { Relation } from '../queries/activityRosters';
import { canManageUnit } from './organisation';

/** The organiser of a unit's activities is its unit admin: opens check-in, checks in by hand, decides requests. */
export function canOrganise(user: CurrentUser, unitId: number): boolean {
  return user.roles.includes('unit_admin') && user.unitId === unitId;
}

export function authorizeOrganiser(user: CurrentUser, unitId: number): void {
  if (!canOrganise(user, unitId)) throw forbidden('只有本单位的党务工作者可以组织本单位的活动');
}

/** Rules, settings, host sites, activities, figures and ledgers: the unit's admin, or the secretariat for any unit. */
export function authorizeUnitActivities(user: CurrentUser, unitId: number): void {
  if (!canManageUnit(user, unitId)) throw forbidden('只能查看和管理本单位的活动');
}

/** An activity (and its photos) is seen by whoever takes part — expected, of its unit, invited — and by whoever manages its unit. */
export function authorizeActivityView(user: CurrentUser, activity: { unitId: number }, relation: Relation | null): void {
  if (!relation && !canManageUnit(user, activity.unitId)) throw forbidden('只有本单位党员、受邀嘉宾和组织者可以查看该活动');
}
