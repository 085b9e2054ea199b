import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { branches, members } from '../db/schema';
import type { MemberRow } from './members';

/** The member, when they are on this unit's roster now; undefined otherwise (another unit's, or none). */
export async function findRosterMember(db: Queryable, unitId: number, memberId: number): Promise<MemberRow | undefined> {
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.unitId, unitId)));
  return row;
}

/** Of these ids, the ones on this unit's roster now, with their branch. */
export async function rosterBranchesAmong(db: Queryable, unitId: number, memberIds: number[]): Promise<Map<number, number | null>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db
    .select({ id: members.id, branchId: members.branchId })
    .from(members)
    .where(and(eq(members.unitId, unitId), inArray(members.id, memberIds)));
  return new Map(rows.map((row) => [row.id, row.branchId]));
}

/** A roster entry as the unit's sheets list it. */
export interface RosterLine {
  id: number;
  name: string;
  phone: string;
  branchId: number | null;
  branchName: string | null;
  joinedPartyOn: string | null;
  createdAt: Date;
}

/** The unit's roster as sheets list it: by branch (none last), then in the order entries were added. */
export async function rosterLines(db: Queryable, unitId: number): Promise<RosterLine[]> {
  return db
    .select({
      id: members.id,
      name: members.name,
      phone: members.phone,
      branchId: members.branchId,
      branchName: branches.name,
      joinedPartyOn: members.joinedPartyOn,
      createdAt: members.createdAt,
    })
    .from(members)
    .leftJoin(branches, eq(branches.id, members.branchId))
    .where(eq(members.unitId, unitId))
    .orderBy(asc(branches.id), asc(members.id));
}
