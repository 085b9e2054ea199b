import type { Refusal } from '@zhijian/shared';
import type { CurrentUser } from '../auth/currentUser';
import { forbidden, refuse } from '../errors';
import { canManageUnit } from './organisation';

/**
 * Who may see and keep the records behind a member's 先锋指数 (bonus claims, deductions,
 * sanctions, 民主评议, dues): the member sees their own; the unit's records are kept by its unit
 * admin; the secretariat may read any unit's.
 */

/** Records are written by the unit admin of the unit they belong to, never another unit's nor the secretariat. */
export function canKeepUnitRecords(user: CurrentUser, unitId: number): boolean {
  return user.roles.includes('unit_admin') && user.unitId === unitId;
}

export function authorizeRecordKeeper(user: CurrentUser, unitId: number): void {
  if (!canKeepUnitRecords(user, unitId)) throw forbidden('只有本单位的党务工作者可以记录和审核本单位党员的记录');
}

/** A unit's records are read by its unit admin and by the secretariat. */
export function authorizeUnitRecords(user: CurrentUser, unitId: number): void {
  if (!canManageUnit(user, unitId)) throw forbidden('只能查看本单位党员的记录');
}

/** A member's own record, or one of a unit the reader manages. */
export function canSeeMemberRecord(user: CurrentUser, record: { memberId: number; unitId: number }): boolean {
  return record.memberId === user.id || canManageUnit(user, record.unitId);
}

/**
 * A member's record is seen by the member and by whoever manages its unit. Another member is
 * told it is not theirs (`notOwn`, which the endpoint declares); another unit's admin that it is
 * not their unit's.
 */
export function authorizeMemberRecordView(
  user: CurrentUser,
  record: { memberId: number; unitId: number },
  notOwn: Refusal<string, 'forbidden', Record<never, never>>,
  otherUnitMessage: string,
): void {
  if (canSeeMemberRecord(user, record)) return;
  if (user.roles.includes('unit_admin') || user.roles.includes('secretariat')) throw forbidden(otherUnitMessage);
  throw refuse(notOwn);
}

/** Nobody decides on their own claim or appeal: another unit admin (or none) does. */
export function authorizeDecisionOnOther(user: CurrentUser, record: { memberId: number }, message: string): void {
  if (record.memberId === user.id) throw forbidden(message);
}

/** A unit's benefits are read by its members (their own unit), its unit admins and the secretariat. */
export function authorizeUnitBenefits(user: CurrentUser, unitId: number): void {
  if (user.unitId === unitId || user.roles.includes('secretariat')) return;
  throw forbidden('只能查看本单位的党员权益');
}
