import type { CurrentUser } from '../auth/currentUser';
import { forbidden } from '../errors';

/**
 * 爱E客栈 organisers: a unit's volunteer activity is run by that unit's admin, an association-wide
 * one by the secretariat.
 */
export function canOrganise(user: CurrentUser, activity: { unitId: number | null }): boolean {
  return activity.unitId === null
    ? user.roles.includes('secretariat')
    : user.roles.includes('unit_admin') && user.unitId === activity.unitId;
}

export function authorizeOrganiser(user: CurrentUser, activity: { unitId: number | null }): void {
  if (!canOrganise(user, activity)) {
    throw forbidden(activity.unitId === null ? '协会志愿活动由秘书处组织' : '只有本单位的党务工作者可以管理本单位的志愿活动');
  }
}

/** 传帮带 moderation: the admin of the question's unit. */
export function canModerateUnit(user: CurrentUser, unitId: number): boolean {
  return user.roles.includes('unit_admin') && user.unitId === unitId;
}

export function authorizeModerator(user: CurrentUser, unitId: number): void {
  if (!canModerateUnit(user, unitId)) throw forbidden('只有本单位的党务工作者可以审核本单位的问答');
}
