import type { Group } from '@zhijian/shared';
import type { GroupWithCount } from '../queries/groups';

export function presentGroup(row: GroupWithCount): Group {
  return { id: row.id, name: row.name, sortOrder: row.sortOrder, unitCount: Number(row.unitCount) };
}
