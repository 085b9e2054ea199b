import { maskPhone, phoneTail, type Me } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import type { CurrentUser } from '../auth/currentUser';
import type { Queryable } from '../db/client';
import { branches, groups, units } from '../db/schema';

export async function presentMe(db: Queryable, user: CurrentUser): Promise<Me> {
  let unit: Me['unit'] = null;
  let group: Me['group'] = null;
  let branch: Me['branch'] = null;
  if (user.unitId !== null) {
    const [row] = await db
      .select({ id: units.id, name: units.name, groupId: groups.id, groupName: groups.name })
      .from(units)
      .innerJoin(groups, eq(groups.id, units.groupId))
      .where(eq(units.id, user.unitId));
    if (row) {
      unit = { id: row.id, name: row.name };
      group = { id: row.groupId, name: row.groupName };
    }
  }
  if (user.branchId !== null) {
    const [row] = await db.select({ id: branches.id, name: branches.name }).from(branches).where(eq(branches.id, user.branchId));
    branch = row ?? null;
  }
  return {
    id: user.id,
    name: user.name,
    phoneMasked: maskPhone(user.phone),
    phoneTail: phoneTail(user.phone),
    kind: user.kind,
    roles: user.roles,
    unit,
    branch,
    group,
  };
}
