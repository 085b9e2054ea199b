import type { Unit, UnitDetail } from '@zhijian/shared';
import type { UnitDetailRows, UnitSummaryRow } from '../queries/units';

/** A unit in a list: no invite code, which only the unit's own page shows. */
export function presentUnit(row: UnitSummaryRow): Unit {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    groupId: row.groupId,
    groupName: row.groupName,
    memberCount: Number(row.memberCount),
  };
}

export function presentUnitDetail({ unit, branches }: UnitDetailRows): UnitDetail {
  return { ...presentUnit(unit), inviteCode: unit.inviteCode, branches: branches.map((b) => ({ id: b.id, name: b.name })) };
}
