import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { units } from './organisation';

/**
 * Attendance figures of one unit in one Shanghai month (`YYYY-MM`), over the activities whose
 * check-in window had closed by `attendance_figures_state.closed_through`: what the 出勤看板 and a
 * unit's 出勤统计 read instead of expanding every activity × roster member of the span. A row
 * exists only for a month with at least one such activity.
 *
 * The rows are kept by the database: triggers (migration 0013) mark the (unit, month) an
 * attendance record, leave, activity, roster entry or check-in setting touches, and a deferred
 * trigger recomputes each marked month from the records once, at commit, in the same
 * transaction. `rebuildAttendanceFigures()` recomputes them all; a test holds the two equal.
 */
export const attendanceMonthFigures = pgTable(
  'attendance_month_figures',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    activities: integer('activities').notNull(),
    expected: integer('expected').notNull(),
    present: integer('present').notNull(),
    late: integer('late').notNull(),
    leave: integer('leave').notNull(),
  },
  // By month first: the dashboard reads every unit of a span of months; by unit for a unit's 出勤统计
  // and for a roster change, which touches every month of its unit.
  (table) => [
    primaryKey({ columns: [table.month, table.unitId] }),
    index('attendance_month_figures_unit_idx').on(table.unitId, table.month),
  ],
);

/**
 * (unit, month) pairs a transaction has touched and that its commit recomputes: one row per pair
 * however many rows the transaction wrote, and the row's key lock makes a second writer of the
 * same month wait, so it recomputes after the first has committed.
 */
export const attendanceFiguresPending = pgTable(
  'attendance_figures_pending',
  {
    unitId: integer('unit_id').notNull(),
    month: text('month').notNull(),
  },
  (table) => [primaryKey({ columns: [table.unitId, table.month] })],
);

/**
 * One row: the moment the kept figures stand at. Activities whose window closed by then are
 * counted; moving it (`advanceAttendanceFigures`) recomputes the months of the activities whose
 * window closed in between. Null until the first build.
 */
export const attendanceFiguresState = pgTable('attendance_figures_state', {
  id: integer('id').primaryKey(),
  closedThrough: timestamp('closed_through', { withTimezone: true }),
});
