import { maskPhone, type MemberListItem } from '@zhijian/shared';
import type { MemberListRow, MemberRow } from '../queries/members';

export function presentMember(row: MemberListRow): MemberListItem {
  return {
    id: row.id,
    name: row.name,
    phoneMasked: maskPhone(row.phone),
    kind: row.kind,
    roles: row.roles,
    unitId: row.unitId,
    branchId: row.branchId,
    branchName: row.branchName,
    bound: row.openid !== null,
    joinedPartyOn: row.joinedPartyOn,
  };
}

/** What the audit log keeps of a roster entry: no credentials, no openid, the phone masked. */
export function presentMemberForAudit(row: MemberRow) {
  return {
    id: row.id,
    name: row.name,
    phone: maskPhone(row.phone),
    kind: row.kind,
    roles: row.roles,
    unitId: row.unitId,
    branchId: row.branchId,
    joinedPartyOn: row.joinedPartyOn,
  };
}
