import type { PageQuery } from '@zhijian/shared';
import { and, count, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { activities, attendance, attendanceRequests, members } from '../db/schema';
import { notFound } from '../errors';
import { paginate, type Page } from './paginate';

/** An attendance record with the 活动积分 it earned as written to the ledger (a cap may have clipped them). */
export type AttendanceRow = typeof attendance.$inferSelect & { points: number };

/**
 * SQL: the ledger points of the attendance row in the query. Written out: in a select list Drizzle
 * names columns without their table, which the subquery would take as its own.
 */
export const attendancePoints = sql<number>`coalesce((select sum(pl.points) from points_ledger pl
   where pl.member_id = "attendance"."member_id" and pl.source_type = 'attendance' and pl.source_id = "attendance"."id"
     and pl.reverses_id is null), 0)::int`;

const attendanceColumns = { ...getTableColumns(attendance), points: attendancePoints };
export type AttendanceRequestRow = typeof attendanceRequests.$inferSelect;

/** The attendance record, or a 404 naming it. */
export async function findAttendance(db: Queryable, id: number): Promise<AttendanceRow> {
  const [record] = await db.select(attendanceColumns).from(attendance).where(eq(attendance.id, id));
  if (!record) throw notFound('签到记录');
  return record;
}

/** The member's record at the activity, if they have one. */
export async function findMemberAttendance(db: Queryable, activityId: number, memberId: number): Promise<AttendanceRow | undefined> {
  const [record] = await db
    .select(attendanceColumns)
    .from(attendance)
    .where(and(eq(attendance.activityId, activityId), eq(attendance.memberId, memberId)));
  return record;
}

const requestColumns = {
  request: attendanceRequests,
  memberName: members.name,
  activityTitle: activities.title,
  activityStartsAt: activities.startsAt,
  unitId: activities.unitId,
};

function selectRequests(db: Queryable) {
  return db
    .select(requestColumns)
    .from(attendanceRequests)
    .innerJoin(members, eq(members.id, attendanceRequests.memberId))
    .innerJoin(activities, eq(activities.id, attendanceRequests.activityId));
}

/** A leave or make-up request with who asked and for which activity. */
export type RequestWithNames = Awaited<ReturnType<ReturnType<typeof selectRequests>['execute']>>[number];

/** The request, or a 404 naming it. */
export async function findAttendanceRequest(db: Queryable, id: number): Promise<RequestWithNames> {
  const [row] = await selectRequests(db).where(eq(attendanceRequests.id, id));
  if (!row) throw notFound('申请');
  return row;
}

/** A unit's requests, newest first, optionally of one status or kind. */
export async function listAttendanceRequests(
  db: Queryable,
  unitId: number,
  query: PageQuery & { status?: AttendanceRequestRow['status']; kind?: AttendanceRequestRow['kind'] },
): Promise<Page<RequestWithNames>> {
  const filters: SQL[] = [eq(activities.unitId, unitId)];
  if (query.status) filters.push(eq(attendanceRequests.status, query.status));
  if (query.kind) filters.push(eq(attendanceRequests.kind, query.kind));
  const where = and(...filters);
  return paginate(query, {
    count: db
      .select({ n: count() })
      .from(attendanceRequests)
      .innerJoin(activities, eq(activities.id, attendanceRequests.activityId))
      .where(where),
    rows: selectRequests(db).where(where).orderBy(desc(attendanceRequests.createdAt), desc(attendanceRequests.id)).$dynamic(),
  });
}
