import type { Role } from '@zhijian/shared';
import { and, eq, gt, isNull, type Placeholder, type SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
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

/** What an access token says: the member and the sign-in it belongs to, checked at `now`. */
export interface SessionAccess {
  memberId: number;
  sessionId: number;
  now: Date;
}

/** The same, with any value left to bind later (`sql.placeholder`) in a statement made once. */
type SessionAccessSql = { [K in keyof SessionAccess]: SessionAccess[K] | Placeholder };

/**
 * The one rule of a live session: the token's member and sign-in, the sign-in not signed out,
 * not revoked, not expired. Checked by `loadSessionUser` alone, or inside the check-in's
 * statement (`selectSessionUser`).
 */
function liveSession(access: SessionAccessSql): SQL {
  return and(
    eq(members.id, access.memberId),
    eq(sessions.id, access.sessionId),
    isNull(sessions.revokedAt),
    gt(sessions.expiresAt, access.now),
  )!;
}

/** The caller of an access token, if its sign-in is live. One query, the one every request makes anyway. */
export async function loadSessionUser(db: Queryable, access: SessionAccess): Promise<CurrentUser | undefined> {
  const [row] = await db.select(columns).from(members).innerJoin(sessions, eq(sessions.memberId, members.id)).where(liveSession(access));
  return row && toCurrentUser(row);
}

/**
 * `loadSessionUser` as a select to embed in a statement (`recordAttendanceAsCaller`): the
 * columns id, name, phone, kind, roles, unit_id, branch_id, one row while the sign-in is live.
 */
export function selectSessionUser(access: SessionAccessSql) {
  return new QueryBuilder().select(columns).from(members).innerJoin(sessions, eq(sessions.memberId, members.id)).where(liveSession(access));
}

/** The session user as a statement answers it (`json_build_object` of `selectSessionUser`'s columns). */
export function sessionUserFromJson(row: UserRow | null | undefined): CurrentUser | undefined {
  return row ? toCurrentUser(row) : undefined;
}
