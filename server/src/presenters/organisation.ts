import { maskPhone, type Group, type MemberListItem, type Role, type Unit, type UnitDetail } from '@zhijian/shared';
import type { UnitKind } from '@zhijian/shared';
import { asc, count, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { branches, groups, members, units } from '../db/schema';
import { notFound } from '../errors';

export async function presentGroups(db: Queryable, id?: number): Promise<Group[]> {
  const rows = await db
    .select({ id: groups.id, name: groups.name, sortOrder: groups.sortOrder, unitCount: count(units.id) })
    .from(groups)
    .leftJoin(units, eq(units.groupId, groups.id))
    .where(id === undefined ? undefined : eq(groups.id, id))
    .groupBy(groups.id)
    .orderBy(asc(groups.sortOrder), asc(groups.id));
  return rows;
}

export const unitColumns = {
  id: units.id,
  name: units.name,
  kind: units.kind,
  groupId: units.groupId,
  groupName: groups.name,
  inviteCode: units.inviteCode,
  memberCount: sql<number>`(select count(*)::int from ${members} where ${members.unitId} = ${units.id})`,
};

type UnitRow = { id: number; name: string; kind: string; groupId: number; groupName: string; memberCount: number };

export function presentUnit(row: UnitRow): Unit {
  return { ...row, kind: row.kind as UnitKind, memberCount: Number(row.memberCount) };
}

export async function presentUnitDetail(db: Queryable, unitId: number): Promise<UnitDetail> {
  const [row] = await db.select(unitColumns).from(units).innerJoin(groups, eq(groups.id, units.groupId)).where(eq(units.id, unitId));
  if (!row) throw notFound('单位');
  const branchRows = await db
    .select({ id: branches.id, name: branches.name })
    .from(branches)
    .where(eq(branches.unitId, unitId))
    .orderBy(asc(branches.id));
  return { ...presentUnit(row), inviteCode: row.inviteCode, branches: branchRows };
}

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
