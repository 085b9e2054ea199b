import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { selectRows } from '../db/client';
import type { CountsRow, UnitMonthCounts } from './attendance';

/**
 * Reads of the kept figures (attendance_month_figures): at most units × months rows, whatever the
 * history behind them. They stand at the moment `advanceAttendanceFigures` last moved them to;
 * routes move them to now first.
 */

/** Every unit's figures summed over the months `from`–`to` (`YYYY-MM`), keyed by unit id. */
export async function keptCountsByUnit(db: Queryable, range: { from: string; to: string }): Promise<CountsRow[]> {
  return selectRows<CountsRow>(
    db,
    sql`select unit_id::text as key, sum(activities)::int as activities, sum(expected)::int as expected,
               sum(present)::int as present, sum(late)::int as late, sum(leave)::int as leave
          from attendance_month_figures
         where month >= ${range.from} and month <= ${range.to}
         group by unit_id order by unit_id`,
  );
}

/** The association's figures per month of `from`–`to` (every unit summed), keyed by month. */
export async function keptAssociationCountsByMonth(db: Queryable, range: { from: string; to: string }): Promise<CountsRow[]> {
  return selectRows<CountsRow>(
    db,
    sql`select month as key, sum(activities)::int as activities, sum(expected)::int as expected,
               sum(present)::int as present, sum(late)::int as late, sum(leave)::int as leave
          from attendance_month_figures
         where month >= ${range.from} and month <= ${range.to}
         group by month order by month`,
  );
}

/** One unit's figures per month of `from`–`to`, keyed by month. */
export async function keptCountsByMonth(db: Queryable, unitId: number, range: { from: string; to: string }): Promise<CountsRow[]> {
  return selectRows<CountsRow>(
    db,
    sql`select month as key, activities, expected, present, late, leave
          from attendance_month_figures
         where unit_id = ${unitId} and month >= ${range.from} and month <= ${range.to}
         order by month`,
  );
}

/**
 * The months that have kept figures (an activity whose check-in has closed), newest first, at most
 * `limit`; of one unit or of the association. Read from the kept rows, so no history is scanned.
 */
export async function keptDataMonths(db: Queryable, options: { unitId?: number; limit?: number } = {}): Promise<string[]> {
  const unitFilter = options.unitId === undefined ? sql`true` : sql`unit_id = ${options.unitId}`;
  const rows = await selectRows<{ month: string }>(
    db,
    sql`select distinct month from attendance_month_figures
         where activities > 0 and ${unitFilter}
         order by month desc limit ${options.limit ?? 24}`,
  );
  return rows.map((row) => row.month);
}

/** Every kept row, in unit and month order: what a rebuild must reproduce. */
export async function listKeptFigures(db: Queryable): Promise<UnitMonthCounts[]> {
  return selectRows<UnitMonthCounts>(
    db,
    sql`select unit_id as "unitId", month, activities, expected, present, late, leave
          from attendance_month_figures order by unit_id, month`,
  );
}
