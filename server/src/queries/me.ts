import { eq } from 'drizzle-orm';
import type { CurrentUser } from '../auth/currentUser';
import type { Queryable } from '../db/client';
import { branches, groups, units } from '../db/schema';

/** What the signed-in person sees of themselves: their roster entry with its unit, group and branch. */
export interface MeRows {
  user: CurrentUser;
  unit: { id: number; name: string; groupId: number; groupName: string } | null;
  branch: { id: number; name: string } | null;
}

export async function loadMe(db: Queryable, user: CurrentUser): Promise<MeRows> {
  let unit: MeRows['unit'] = null;
  let branch: MeRows['branch'] = null;
  if (user.unitId !== null) {
    const [row] = await db
      .select({ id: units.id, name: units.name, groupId: groups.id, groupName: groups.name })
      .from(units)
      .innerJoin(groups, eq(groups.id, units.groupId))
      .where(eq(units.id, user.unitId));
    unit = row ?? null;
  }
  if (user.branchId !== null) {
    const [row] = await db.select({ id: branches.id, name: branches.name }).from(branches).where(eq(branches.id, user.branchId));
    branch = row ?? null;
  }
  return { user, unit, branch };
}
