import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { indexYears } from '../db/schema';

/** Whether the secretariat has closed this year's 先锋指数 (`index_years`): its records are frozen. */
export async function isYearClosed(db: Queryable, year: number): Promise<boolean> {
  const [row] = await db.select({ year: indexYears.year }).from(indexYears).where(eq(indexYears.year, year));
  return Boolean(row);
}
