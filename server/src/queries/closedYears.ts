import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { indexYears } from '../db/schema';

/**
 * The transaction advisory lock (two-key form: this namespace and the year) that orders a year's
 * closing against writes into it: a command writing a record of the year holds it shared until it
 * commits, the closing holds it exclusively. So a closing waits for writes already checked, and a
 * write arriving during a closing waits and then sees the year closed — no record lands in a year
 * after its snapshot was taken.
 */
const INDEX_YEAR_LOCK = 7301;

export function lockYearForClosing(db: Queryable, year: number) {
  return db.execute(sql`select pg_advisory_xact_lock(${INDEX_YEAR_LOCK}::int, ${year}::int)`);
}

/** Whether the secretariat has closed this year's 先锋指数 (`index_years`): its records are frozen. */
export async function isYearClosed(db: Queryable, year: number): Promise<boolean> {
  await db.execute(sql`select pg_advisory_xact_lock_shared(${INDEX_YEAR_LOCK}::int, ${year}::int)`);
  const [row] = await db.select({ year: indexYears.year }).from(indexYears).where(eq(indexYears.year, year));
  return Boolean(row);
}
