import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { benefits } from '../db/schema';
import { notFound } from '../errors';

export type BenefitRow = typeof benefits.$inferSelect;

export async function findBenefit(db: Queryable, id: number): Promise<BenefitRow> {
  const [row] = await db.select().from(benefits).where(eq(benefits.id, id));
  if (!row) throw notFound('权益');
  return row;
}

/** A unit's benefits, lowest threshold first within each measure. */
export async function listUnitBenefits(db: Queryable, unitId: number): Promise<BenefitRow[]> {
  return db
    .select()
    .from(benefits)
    .where(eq(benefits.unitId, unitId))
    .orderBy(asc(benefits.measure), asc(benefits.threshold), asc(benefits.id));
}
