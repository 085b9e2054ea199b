import { asc, count, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { groups, units } from '../db/schema';
import { notFound } from '../errors';

export type GroupRow = typeof groups.$inferSelect;

/** The group, or a 404 naming it. */
export async function findGroup(db: Queryable, id: number): Promise<GroupRow> {
  const [group] = await db.select().from(groups).where(eq(groups.id, id));
  if (!group) throw notFound('片组');
  return group;
}

export interface GroupWithCount {
  id: number;
  name: string;
  sortOrder: number;
  unitCount: number;
}

/** Groups in the association's order with how many units each holds; one group when `id` is given. */
export async function listGroupsWithCounts(db: Queryable, id?: number): Promise<GroupWithCount[]> {
  return db
    .select({ id: groups.id, name: groups.name, sortOrder: groups.sortOrder, unitCount: count(units.id) })
    .from(groups)
    .leftJoin(units, eq(units.groupId, groups.id))
    .where(id === undefined ? undefined : eq(groups.id, id))
    .groupBy(groups.id)
    .orderBy(asc(groups.sortOrder), asc(groups.id));
}

export async function findGroupWithCount(db: Queryable, id: number): Promise<GroupWithCount> {
  const [group] = await listGroupsWithCounts(db, id);
  if (!group) throw notFound('片组');
  return group;
}

export async function countUnitsInGroup(db: Queryable, groupId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(units).where(eq(units.groupId, groupId));
  return row?.n ?? 0;
}
