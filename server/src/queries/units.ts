import type { PageQuery, UnitKind } from '@zhijian/shared';
import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { branches, groups, members, units } from '../db/schema';
import { notFound } from '../errors';
import { paginate, type Page } from './paginate';
import { containsText } from './textSearch';

export type UnitRow = typeof units.$inferSelect;

/** The unit, or a 404 naming it. `lock` holds its row until the transaction ends. */
export async function findUnit(db: Queryable, id: number, options: { lock?: boolean } = {}): Promise<UnitRow> {
  const query = db.select().from(units).where(eq(units.id, id));
  const [unit] = options.lock ? await query.for('update') : await query;
  if (!unit) throw notFound('单位');
  return unit;
}

const unitColumns = {
  id: units.id,
  name: units.name,
  kind: units.kind,
  groupId: units.groupId,
  groupName: groups.name,
  inviteCode: units.inviteCode,
  memberCount: sql<number>`(select count(*)::int from ${members} where ${members.unitId} = ${units.id})`,
};

/** A unit with its group's name and its roster size. */
export interface UnitSummaryRow {
  id: number;
  name: string;
  kind: UnitKind;
  groupId: number;
  groupName: string;
  inviteCode: string;
  memberCount: number;
}

export interface UnitDetailRows {
  unit: UnitSummaryRow;
  branches: Array<{ id: number; name: string }>;
}

export async function listUnits(db: Queryable, query: PageQuery & { groupId?: number; q?: string }): Promise<Page<UnitSummaryRow>> {
  const filters: SQL[] = [];
  if (query.groupId) filters.push(eq(units.groupId, query.groupId));
  if (query.q) filters.push(containsText(query.q, units.name));
  const where = filters.length ? and(...filters) : undefined;
  return paginate(query, {
    count: db.select({ n: count() }).from(units).where(where),
    rows: db
      .select(unitColumns)
      .from(units)
      .innerJoin(groups, eq(groups.id, units.groupId))
      .where(where)
      .orderBy(asc(groups.sortOrder), asc(units.id))
      .$dynamic(),
  });
}

/** What the unit's page shows: the unit, its group, its roster size and its branches. */
export async function loadUnitDetail(db: Queryable, unitId: number): Promise<UnitDetailRows> {
  const [unit] = await db.select(unitColumns).from(units).innerJoin(groups, eq(groups.id, units.groupId)).where(eq(units.id, unitId));
  if (!unit) throw notFound('单位');
  const branchRows = await db
    .select({ id: branches.id, name: branches.name })
    .from(branches)
    .where(eq(branches.unitId, unitId))
    .orderBy(asc(branches.id));
  return { unit, branches: branchRows };
}
