import type { Role } from '@zhijian/shared';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { members } from '../db/schema';

/** The signed-in person, read fresh from the roster on every request so role changes apply at once. */
export interface CurrentUser {
  id: number;
  name: string;
  phone: string;
  kind: 'fixed' | 'mobile';
  roles: Role[];
  unitId: number | null;
  branchId: number | null;
}

export async function loadCurrentUser(db: Queryable, memberId: number): Promise<CurrentUser | undefined> {
  const [row] = await db
    .select({
      id: members.id,
      name: members.name,
      phone: members.phone,
      kind: members.kind,
      roles: members.roles,
      unitId: members.unitId,
      branchId: members.branchId,
    })
    .from(members)
    .where(eq(members.id, memberId));
  if (!row) return undefined;
  return { ...row, kind: row.kind as CurrentUser['kind'], roles: row.roles as Role[] };
}
