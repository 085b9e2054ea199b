import { DEFAULT_CHECKIN_SETTINGS, type PageQuery } from '@zhijian/shared';
import { and, asc, count, desc, eq, gte, lt, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { CurrentUser } from '../auth/currentUser';
import type { Queryable } from '../db/client';
import { selectRows } from '../db/client';
import { activities, activityGuests, checkinSettings, groups, pointsLedger, units, attendance } from '../db/schema';
import {
  loadLiveLists,
  loadStandingRows,
  myActivityFilter,
  selectActivities,
  type ActivityRow,
  type LiveListRows,
  type StandingRows,
} from './activities';
import { rosterPairs, type Relation } from './activityRosters';
import { paginate, type Page } from './paginate';

/** SQL: the check-in window of an activity starting at `startsAt` has closed by `now` (the unit's window, or the default one). */
export function windowClosedBy(startsAt: SQLWrapper, windowAfterMinutes: SQLWrapper, now: Date): SQL {
  return sql`${startsAt} + make_interval(mins => coalesce(${windowAfterMinutes}, ${DEFAULT_CHECKIN_SETTINGS.windowAfterMinutes}::int)) <= ${now.toISOString()}::timestamptz`;
}

/**
 * Attendance figures over activities whose check-in window has closed by `now` (only then is
 * everyone's status final). Per activity and roster member: present or late from attendance,
 * leave from an approved leave request (when there is no attendance), absent otherwise.
 * Guests and other non-roster attendees are not counted.
 */
export interface CountsRow {
  /** The Shanghai month (`YYYY-MM`) or the unit id, as asked. */
  key: string;
  activities: number;
  expected: number;
  present: number;
  late: number;
  leave: number;
}

/** The Shanghai month (`YYYY-MM`) of an instant, keyed as the kept figures key it (migration 0013). */
export function shanghaiMonthOf(instant: SQLWrapper): SQL {
  return sql`to_char((${instant} at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;
}

export interface RecordCountsOptions {
  now: Date;
  start?: Date;
  end?: Date;
  unitId?: number;
}

/**
 * SQL: the figures of every (unit, month) computed from the records — every activity × roster
 * member of the span. The rebuild's source, and the reference the kept rows are tested against;
 * requests read the kept rows (queries/attendanceFigures.ts).
 */
export function countsFromRecords(options: RecordCountsOptions): SQL {
  const conditions: SQL[] = [windowClosedBy(sql`a.starts_at`, sql`s.window_after_minutes`, options.now)];
  if (options.start) conditions.push(sql`a.starts_at >= ${options.start.toISOString()}::timestamptz`);
  if (options.end) conditions.push(sql`a.starts_at < ${options.end.toISOString()}::timestamptz`);
  if (options.unitId !== undefined) conditions.push(sql`a.unit_id = ${options.unitId}`);
  return sql`with acts as (
          select a.id, a.unit_id, a.branch_id, a.host_site_id, a.starts_at
            from activities a left join checkin_settings s on s.unit_id = a.unit_id
           where ${sql.join(conditions, sql` and `)}
        ),
        roster as (${rosterPairs(sql`acts`)}),
        per as (
          select r.activity_id, r.member_id, at.status, (lr.id is not null) as on_leave
            from roster r
            left join attendance at on at.activity_id = r.activity_id and at.member_id = r.member_id
            left join attendance_requests lr on lr.activity_id = r.activity_id and lr.member_id = r.member_id
                  and lr.kind = 'leave' and lr.status = 'approved'
        )
        select acts.unit_id, ${shanghaiMonthOf(sql`acts.starts_at`)} as month,
               count(distinct acts.id)::int as activities,
               count(per.member_id)::int as expected,
               (count(*) filter (where per.status = 'present'))::int as present,
               (count(*) filter (where per.status = 'late'))::int as late,
               (count(*) filter (where per.status is null and per.on_leave))::int as leave
          from acts left join per on per.activity_id = acts.id
         group by 1, 2`;
}

export interface UnitMonthCounts extends Omit<CountsRow, 'key'> {
  unitId: number;
  month: string;
}

/** The figures of every (unit, month) from the records, in unit and month order. */
export async function attendanceCountsFromRecords(db: Queryable, options: RecordCountsOptions): Promise<UnitMonthCounts[]> {
  return selectRows<UnitMonthCounts>(
    db,
    sql`select unit_id as "unitId", month, activities, expected, present, late, leave
          from (${countsFromRecords(options)}) c order by 1, 2`,
  );
}

/** Every unit with its group, in the association's order (片组 order, then unit id). */
export async function listUnitsWithGroups(db: Queryable) {
  return db
    .select({ unitId: units.id, unitName: units.name, groupId: groups.id, groupName: groups.name })
    .from(units)
    .innerJoin(groups, eq(groups.id, units.groupId))
    .orderBy(asc(groups.sortOrder), asc(units.id));
}

export type UnitWithGroupRow = Awaited<ReturnType<typeof listUnitsWithGroups>>[number];

/** A page of the units in the board's order (片组 order, then unit id), of one 片组 or all. */
export async function pageUnitsWithGroups(db: Queryable, query: PageQuery & { groupId?: number }): Promise<Page<UnitWithGroupRow>> {
  const where = query.groupId === undefined ? undefined : eq(units.groupId, query.groupId);
  return paginate(query, {
    rows: db
      .select({ unitId: units.id, unitName: units.name, groupId: groups.id, groupName: groups.name })
      .from(units)
      .innerJoin(groups, eq(groups.id, units.groupId))
      .where(where)
      .orderBy(asc(groups.sortOrder), asc(units.id))
      .$dynamic(),
    count: db.select({ n: count() }).from(units).where(where),
  });
}

export interface HistoryRows {
  page: Page<{ activity: ActivityRow; relation: Relation }>;
  standing: StandingRows;
}

/**
 * My 签到 history, newest first, a page at a time: every activity I have an attendance record for,
 * ended or not (so the history's points add up to my 活动积分 total), and my other activities once
 * their check-in has closed (absent or on leave is final only then).
 */
export async function listMyHistory(db: Queryable, user: CurrentUser, query: PageQuery, now: Date): Promise<HistoryRows> {
  const filter = await myActivityFilter(db, user);
  // One id set from branches that each use their own index — my attendance (attendance_member_idx),
  // my unit's or host site's closed activities (activities_unit_start_idx / _host_site_idx), my
  // invitations — then activities by primary key. As one `a or b or c` the planner could use none
  // of them and scanned every activity of the association.
  const closed = windowClosedBy(activities.startsAt, checkinSettings.windowAfterMinutes, now);
  const settingsOf = eq(checkinSettings.unitId, activities.unitId);
  const branches: SQL[] = [
    sql`select ${attendance.activityId} from ${attendance} where ${attendance.memberId} = ${user.id}`,
    sql`select ${activities.id} from ${activityGuests} join ${activities} on ${activities.id} = ${activityGuests.activityId} left join ${checkinSettings} on ${settingsOf} where ${activityGuests.memberId} = ${user.id} and ${closed}`,
  ];
  if (filter.own) {
    branches.push(
      sql`select ${activities.id} from ${activities} left join ${checkinSettings} on ${settingsOf} where ${filter.own} and ${closed}`,
    );
  }
  const where = sql`${activities.id} in (${sql.join(branches, sql` union `)})`;
  const page = await paginate(query, {
    count: db.select({ n: count() }).from(activities).leftJoin(checkinSettings, eq(checkinSettings.unitId, activities.unitId)).where(where),
    rows: selectActivities(db).where(where).orderBy(desc(activities.startsAt), desc(activities.id)).$dynamic(),
  });
  const standing = await loadStandingRows(
    db,
    user.id,
    page.items.map((row) => row.id),
  );
  return { page: { ...page, items: page.items.map((activity) => ({ activity, relation: filter.relationOf(activity) })) }, standing };
}

export type PointsEntryRow = typeof pointsLedger.$inferSelect;

/** My 活动积分 ledger rows (the 签到 tab's), newest first, and my total over all of them. */
export async function listMyPoints(
  db: Queryable,
  memberId: number,
  query: PageQuery,
): Promise<Page<PointsEntryRow> & { totalPoints: number }> {
  const mine = and(eq(pointsLedger.memberId, memberId), eq(pointsLedger.category, 'activity'));
  const [summary] = await db
    .select({ total: sql<number>`coalesce(sum(${pointsLedger.points}), 0)::int` })
    .from(pointsLedger)
    .where(mine);
  const page = await paginate(query, {
    count: db.select({ n: count() }).from(pointsLedger).where(mine),
    rows: db.select().from(pointsLedger).where(mine).orderBy(desc(pointsLedger.createdAt), desc(pointsLedger.id)).$dynamic(),
  });
  return { ...page, totalPoints: summary?.total ?? 0 };
}

/**
 * 台账: every activity of the unit that started in the span and before `now`, each with its live list.
 *
 * Read with hash and merge joins off: the rosters and records name their few thousand members by
 * primary key, but the planner, misjudging a unit's roster at a row or so per activity, hashes the
 * whole association's members for it instead — a scan that grows with every unit (32,000 members
 * at 5×, 160,000 at 25×) for a ledger of one unit. Index lookups of the rows asked for cost the same
 * at any scale. Sequential scans off too: for a small or empty table (host sites' members, the
 * points ledger, branches) the planner scans the table again for each of the 3,600 roster entries
 * and 3,000 records — 10–40 ms a query at 5× on a busy server — where its index is read once or
 * looked up as cheaply. And serially: on the association's big tables the planner sends the roster
 * to parallel workers, whose start-up (100–250 ms on a busy 2-core server at 25×) outweighs the
 * 3,600 rows they read. The settings are made in one statement: one round trip, not four.
 */
export async function loadLedger(db: Queryable, unitId: number, span: { start: Date; end: Date }, now: Date): Promise<LiveListRows[]> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true),
                 set_config('enable_seqscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`,
    );
    const rows = await selectActivities(tx)
      .where(
        and(
          eq(activities.unitId, unitId),
          gte(activities.startsAt, span.start),
          lt(activities.startsAt, span.end),
          lt(activities.startsAt, now),
        ),
      )
      .orderBy(asc(activities.startsAt), asc(activities.id));
    return loadLiveLists(tx, rows);
  });
}
