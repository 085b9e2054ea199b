import type { Role } from '@zhijian/shared';
import type { CurrentUser } from '../auth/currentUser';
import { forbidden, notFound } from '../errors';

/** The secretariat manages every unit; a unit admin manages their own unit only. */
export function canManageUnit(user: CurrentUser, unitId: number): boolean {
  return user.roles.includes('secretariat') || (user.roles.includes('unit_admin') && user.unitId === unitId);
}

export function authorizeUnit(user: CurrentUser, unitId: number): void {
  if (!canManageUnit(user, unitId)) throw forbidden('只能管理本单位的数据');
}

/**
 * A roster entry is managed by whoever manages its unit. Accounts outside any unit (secretariat
 * staff, outside experts) are the secretariat's, and to anyone else they do not exist.
 */
export function authorizeMember(user: CurrentUser, member: { unitId: number | null }): void {
  if (member.unitId !== null) authorizeUnit(user, member.unitId);
  else if (!user.roles.includes('secretariat')) throw notFound('党员');
}

/** Roles a unit admin may hand out inside their unit; reviewer and secretariat come from the secretariat. */
const UNIT_GRANTABLE: readonly Role[] = ['member', 'unit_admin', 'info_officer'];

export function authorizeRoleGrant(user: CurrentUser, roles: readonly Role[]): void {
  if (user.roles.includes('secretariat')) return;
  const refused = roles.filter((role) => !UNIT_GRANTABLE.includes(role));
  if (refused.length) throw forbidden('评审专家、秘书处角色只能由秘书处授予');
}
