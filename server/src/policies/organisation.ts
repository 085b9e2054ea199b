import { memberRefusals, type Role } from '@zhijian/shared';
import type { CurrentUser } from '../auth/currentUser';
import { forbidden, notFound, refuse } from '../errors';

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

/** Roles only the secretariat hands out and takes away; a unit admin manages the others in their unit. */
const SECRETARIAT_GRANTED: readonly Role[] = ['reviewer', 'secretariat', 'group_leader'];

/**
 * A change of an entry's roles from `before` (none for a new entry) to `after`: a unit admin may
 * neither grant nor remove a reviewer or secretariat role.
 */
export function authorizeRoleChange(user: CurrentUser, before: readonly Role[], after: readonly Role[]): void {
  if (user.roles.includes('secretariat')) return;
  const changed = SECRETARIAT_GRANTED.filter((role) => before.includes(role) !== after.includes(role));
  if (changed.length) throw refuse(memberRefusals.role_reserved_for_secretariat, { roles: changed });
}
