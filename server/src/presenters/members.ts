import { maskPhone, type MemberListItem, type Role } from '@zhijian/shared';
import { branches, members } from '../db/schema';

export interface MemberRow {
  id: number;
  name: string;
  phone: string;
  kind: string;
  roles: string[];
  unitId: number | null;
  branchId: number | null;
  branchName: string | null;
  openid: string | null;
}

export const memberColumns = {
  id: members.id,
  name: members.name,
  phone: members.phone,
  kind: members.kind,
  roles: members.roles,
  unitId: members.unitId,
  branchId: members.branchId,
  branchName: branches.name,
  openid: members.openid,
};

export function presentMember(row: MemberRow): MemberListItem {
  return {
    id: row.id,
    name: row.name,
    phoneMasked: maskPhone(row.phone),
    kind: row.kind as MemberListItem['kind'],
    roles: row.roles as Role[],
    unitId: row.unitId,
    branchId: row.branchId,
    branchName: row.branchName,
    bound: row.openid !== null,
  };
}
