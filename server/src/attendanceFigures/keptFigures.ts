import { DEFAULT_CHECKIN_SETTINGS } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { Database, Queryable, Transaction } from '../db/client';
import { selectRows } from '../db/client';
import { countsFromRecords, shanghaiMonthOf } from '../queries/attendance';

/**
 * The kept attendance figures (schema/figures.ts) move with the clock here; the database keeps
 * them right between moves (triggers of migration 0013). The lock is the one the triggers take
 * shared (attendance_figures_closed_through()): taken exclusively, it waits for every writer that
 * judged "closed or not" against the old moment, so none of their records is missed.
 */
const FIGURES_LOCK = 7203190613;

/** The longest check-in window after the start (checkin_settings_range_check): the bound of "may have closed". */
const LONGEST_WINDOW_MINUTES = 240;

async function lockFigures(tx: Queryable): Promise<Date | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(${FIGURES_LOCK})`);
  const [state] = await selectRows<{ closed_through: Date | string | null }>(
    tx,
    sql`select closed_through from attendance_figures_state where id = 1`,
  );
  return state?.closed_through ? new Date(state.closed_through) : null;
}

async function rebuildLocked(tx: Transaction, now: Date): Promise<number> {
  await tx.execute(sql`update attendance_figures_state set closed_through = ${now.toISOString()}::timestamptz where id = 1`);
  await tx.execute(sql`delete from attendance_figures_pending`);
  await tx.execute(sql`delete from attendance_month_figures`);
  const inserted = await selectRows<{ n: number }>(
    tx,
    sql`with rows as (
          insert into attendance_month_figures (unit_id, month, activities, expected, present, late, leave)
          select unit_id, month, activities, expected, present, late, leave from (${countsFromRecords({ now })}) c
          returning 1
        ) select count(*)::int as n from rows`,
  );
  return inserted[0]?.n ?? 0;
}

/**
 * Recomputes every kept row from the records as of `now` (`npm run figures:rebuild`): the repair
 * for anything the triggers could not have seen (a restore, a hand edit). Answers the rows written.
 */
export async function rebuildAttendanceFigures(db: Database, now: Date): Promise<{ rows: number }> {
  return db.transaction(async (tx) => {
    await lockFigures(tx);
    return { rows: await rebuildLocked(tx, now) };
  });
}

/**
 * Moves the kept figures to the clock's now: the months of the activities whose window closed (or,
 * with a clock set back, reopened) in between are marked, and recomputed at commit. The first move
 * builds them all. `now` is read under the lock, so moves by concurrent requests stay in order.
 */
export async function advanceAttendanceFigures(db: Database, clock: Clock): Promise<{ months: number; rebuilt: boolean }> {
  return db.transaction(async (tx) => {
    const was = await lockFigures(tx);
    const now = clock.now();
    if (was === null) return { months: await rebuildLocked(tx, now), rebuilt: true };
    if (was.getTime() === now.getTime()) return { months: 0, rebuilt: false };
    const [low, high] = was < now ? [was, now] : [now, was];
    const closes = sql`a.starts_at + make_interval(mins => coalesce(s.window_after_minutes, ${DEFAULT_CHECKIN_SETTINGS.windowAfterMinutes}::int))`;
    const marked = await selectRows<{ n: number }>(
      tx,
      sql`with marked as (
            insert into attendance_figures_pending (unit_id, month)
            select distinct a.unit_id, ${shanghaiMonthOf(sql`a.starts_at`)}
              from activities a left join checkin_settings s on s.unit_id = a.unit_id
             where a.starts_at > ${low.toISOString()}::timestamptz - make_interval(mins => ${LONGEST_WINDOW_MINUTES})
               and a.starts_at <= ${high.toISOString()}::timestamptz
               and ${closes} > ${low.toISOString()}::timestamptz and ${closes} <= ${high.toISOString()}::timestamptz
            on conflict do nothing returning 1
          ) select count(*)::int as n from marked`,
    );
    await tx.execute(sql`update attendance_figures_state set closed_through = ${now.toISOString()}::timestamptz where id = 1`);
    return { months: marked[0]?.n ?? 0, rebuilt: false };
  });
}
