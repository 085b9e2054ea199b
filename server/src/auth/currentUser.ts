import type { Role } from '@zhijian/shared';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { members, sessions } from '../db/schema';

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

const columns = {
  id: members.id,
  name: members.name,
  phone: members.phone,
  kind: members.kind,
  roles: members.roles,
  unitId: members.unitId,
  branchId: members.branchId,
};

type UserRow = Omit<CurrentUser, 'kind' | 'roles'> & { kind: string; roles: string[] };

function toCurrentUser(row: UserRow): CurrentUser {
  return { ...row, kind: row.kind as CurrentUser['kind'], roles: row.roles as Role[] };
}

export async function loadCurrentUser(db: Queryable, memberId: number): Promise<CurrentUser | undefined> {
  const [row] = await db.select(columns).from(members).where(eq(members.id, memberId));
  return row && toCurrentUser(row);
}

/**
 * The caller of an access token: the member, provided the sign-in the token belongs to is still
 * live (not signed out, not revoked, not expired). One query, the one every request makes anyway.
 */
export async function loadSessionUser(
  db: Queryable,
  access: { memberId: number; sessionId: number; now: Date },
): Promise<CurrentUser | undefined> {
  const [row] = await db
    .select(columns)
    .from(members)
    .innerJoin(sessions, eq(sessions.memberId, members.id))
    .where(
      and(
        eq(members.id, access.memberId),
        eq(sessions.id, access.sessionId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, access.now),
      ),
    );
  return row && toCurrentUser(row);
}
