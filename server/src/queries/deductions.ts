import type { DeductionPhase, PageQuery } from '@zhijian/shared';
import { and, asc, count, desc, eq, gt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { deductions, members, pointsLedger, sanctions, units } from '../db/schema';
import { notFound } from '../errors';
import { paginate, type Page } from './paginate';
import { timelinesOf, type RecordEventRow } from './recordEvents';

export type DeductionRow = typeof deductions.$inferSelect;
export type SanctionRow = typeof sanctions.$inferSelect;

/** A deduction with the member's name and its timeline, for presenting. */
export interface DeductionRows {
  deduction: DeductionRow;
  memberName: string;
  timeline: RecordEventRow[];
}

/** Where the ledger books a deduction once it is effective (unique: it is booked once). */
export const DEDUCTION_SOURCE = 'deduction';

export async function findDeduction(db: Queryable, id: number, options: { lock?: boolean } = {}): Promise<DeductionRow> {
  const query = db.select().from(deductions).where(eq(deductions.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('扣分记录');
  return row;
}

/** SQL: the deductions in this phase at `now` — `deductionPhase` of shared/domain/record.ts, as a filter. */
export function inPhase(phase: DeductionPhase, now: Date): SQL {
  switch (phase) {
    case 'appeal_window':
      return and(eq(deductions.status, 'recorded'), gt(deductions.appealDeadline, now))!;
    case 'appealed':
      return eq(deductions.status, 'appealed');
    case 'effective':
      return or(eq(deductions.status, 'upheld'), and(eq(deductions.status, 'recorded'), lte(deductions.appealDeadline, now)))!;
    case 'withdrawn':
      return eq(deductions.status, 'withdrawn');
  }
}

const withName = { deduction: deductions, memberName: members.name };

async function withTimelines(db: Queryable, rows: Array<Omit<DeductionRows, 'timeline'>>): Promise<DeductionRows[]> {
  const timelines = await timelinesOf(
    db,
    'deduction',
    rows.map((row) => row.deduction.id),
  );
  return rows.map((row) => ({ ...row, timeline: timelines.get(row.deduction.id) ?? [] }));
}

export async function loadDeduction(db: Queryable, id: number): Promise<DeductionRows> {
  const [row] = await db
    .select(withName)
    .from(deductions)
    .innerJoin(members, eq(members.id, deductions.memberId))
    .where(eq(deductions.id, id));
  if (!row) throw notFound('扣分记录');
  return (await withTimelines(db, [row]))[0]!;
}

async function listDeductions(db: Queryable, where: SQL | undefined, order: SQL[], query: PageQuery): Promise<Page<DeductionRows>> {
  const page = await paginate(query, {
    count: db.select({ n: count() }).from(deductions).where(where),
    rows: db
      .select(withName)
      .from(deductions)
      .innerJoin(members, eq(members.id, deductions.memberId))
      .where(where)
      .orderBy(...order)
      .$dynamic(),
  });
  return { ...page, items: await withTimelines(db, page.items) };
}

/** A member's own deductions (in the appeal window too), newest first. */
export function listMemberDeductions(db: Queryable, memberId: number, query: PageQuery): Promise<Page<DeductionRows>> {
  return listDeductions(db, eq(deductions.memberId, memberId), [desc(deductions.recordedAt), desc(deductions.id)], query);
}

/** A unit's deductions: appealed ones first (they wait for the unit admin), then the newest. */
export function listUnitDeductions(
  db: Queryable,
  unitId: number,
  query: PageQuery & { phase?: DeductionPhase; memberId?: number },
  now: Date,
): Promise<Page<DeductionRows>> {
  const filters: SQL[] = [eq(deductions.unitId, unitId)];
  if (query.phase) filters.push(inPhase(query.phase, now));
  if (query.memberId) filters.push(eq(deductions.memberId, query.memberId));
  return listDeductions(
    db,
    and(...filters),
    [
      sql`case when ${deductions.status} = 'appealed' then 0 else 1 end`,
      sql`case when ${deductions.status} = 'appealed' then ${deductions.appealedAt} end asc`,
      desc(deductions.recordedAt),
      desc(deductions.id),
    ],
    query,
  );
}

/** Whether the ledger already books this deduction's integrity points. */
export async function isDeductionBooked(db: Queryable, deductionId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: pointsLedger.id })
    .from(pointsLedger)
    .where(and(eq(pointsLedger.sourceType, DEDUCTION_SOURCE), eq(pointsLedger.sourceId, deductionId)));
  return Boolean(row);
}

/**
 * Deductions whose appeal window has passed without an appeal by `now` and that the ledger does
 * not book yet, oldest first, locked: an appeal arriving meanwhile waits, then finds them booked.
 */
export async function unbookedEffectiveDeductions(db: Queryable, now: Date, limit: number): Promise<DeductionRow[]> {
  return db
    .select()
    .from(deductions)
    .where(
      and(
        eq(deductions.status, 'recorded'),
        lte(deductions.appealDeadline, now),
        sql`not exists (select 1 from ${pointsLedger} where ${pointsLedger.sourceType} = ${DEDUCTION_SOURCE} and ${pointsLedger.sourceId} = ${deductions.id})`,
      ),
    )
    .orderBy(asc(deductions.appealDeadline), asc(deductions.id))
    .limit(limit)
    .for('update');
}

// ── 纪律处分 ─────────────────────────────────────────────────────────────────────────────────────

export interface SanctionRows {
  sanction: SanctionRow;
  memberName: string;
  unitName: string;
}

const sanctionColumns = { sanction: sanctions, memberName: members.name, unitName: units.name };

export async function loadSanction(db: Queryable, id: number): Promise<SanctionRows> {
  const [row] = await db
    .select(sanctionColumns)
    .from(sanctions)
    .innerJoin(members, eq(members.id, sanctions.memberId))
    .innerJoin(units, eq(units.id, sanctions.unitId))
    .where(eq(sanctions.id, id));
  if (!row) throw notFound('纪律处分');
  return row;
}

/** Sanctions of one unit (or of all units: `unitId` undefined), of a year when given, newest first. */
export function listSanctions(db: Queryable, filter: { unitId?: number; year?: number }, query: PageQuery): Promise<Page<SanctionRows>> {
  const filters: SQL[] = [];
  if (filter.unitId !== undefined) filters.push(eq(sanctions.unitId, filter.unitId));
  if (filter.year !== undefined) filters.push(eq(sanctions.year, filter.year));
  const where = filters.length ? and(...filters) : undefined;
  return paginate(query, {
    count: db.select({ n: count() }).from(sanctions).where(where),
    rows: db
      .select(sanctionColumns)
      .from(sanctions)
      .innerJoin(members, eq(members.id, sanctions.memberId))
      .innerJoin(units, eq(units.id, sanctions.unitId))
      .where(where)
      .orderBy(desc(sanctions.recordedAt), desc(sanctions.id))
      .$dynamic(),
  });
}
