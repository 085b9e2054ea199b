import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { selectRows } from '../db/client';
import type { CountsRow, UnitMonthCounts } from './attendance';

/** A 片组's figures summed over its units and a run of months, with how many units it has. */
export interface GroupCountsRow extends Omit<CountsRow, 'key'> {
  groupId: number;
  groupName: string;
  units: number;
}

/**
 * Reads of the kept figures (attendance_month_figures): at most units × months rows, whatever the
 * history behind them. They stand at the moment `advanceAttendanceFigures` last moved them to;
 * routes move them to now first.
 */

/**
 * The given units' figures summed over the months `from`–`to` (`YYYY-MM`), keyed by unit id: a page
 * of the board reads its units' rows only, down the (unit, month) index.
 */
export async function keptCountsByUnit(db: Queryable, range: { from: string; to: string }, unitIds: number[]): Promise<CountsRow[]> {
  if (unitIds.length === 0) return [];
  return selectRows<CountsRow>(
    db,
    sql`select unit_id::text as key, sum(activities)::int as activities, sum(expected)::int as expected,
               sum(present)::int as present, sum(late)::int as late, sum(leave)::int as leave
          from attendance_month_figures
         where unit_id = any(${sql.param(unitIds)}::int[]) and month >= ${range.from} and month <= ${range.to}
         group by unit_id order by unit_id`,
  );
}

/**
 * Every 片组's figures over the months `from`–`to`, with its unit count, in the 片组's order (ties by
 * their first unit, as the units are listed): one pass over the range's kept rows (at most units ×
 * months), summed in the database — no unit's row leaves it.
 */
export async function keptCountsByGroup(db: Queryable, range: { from: string; to: string }): Promise<GroupCountsRow[]> {
  return selectRows<GroupCountsRow>(
    db,
    sql`with by_unit as (
          select unit_id, sum(activities) as activities, sum(expected) as expected, sum(present) as present,
                 sum(late) as late, sum(leave) as leave
            from attendance_month_figures
           where month >= ${range.from} and month <= ${range.to}
           group by unit_id
        )
        select g.id as "groupId", g.name as "groupName", count(*)::int as units,
               coalesce(sum(f.activities), 0)::int as activities, coalesce(sum(f.expected), 0)::int as expected,
               coalesce(sum(f.present), 0)::int as present, coalesce(sum(f.late), 0)::int as late,
               coalesce(sum(f.leave), 0)::int as leave
          from units u join groups g on g.id = u.group_id left join by_unit f on f.unit_id = u.id
         group by g.id, g.name, g.sort_order
         order by g.sort_order, min(u.id)`,
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
