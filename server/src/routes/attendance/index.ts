import type Router from '@koa/router';
import { activityPoints, api } from '@zhijian/shared';
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { selectActivities, windowClosedBy } from '../../checkin/activityQuery';
import { myActivityFilter } from '../../checkin/myActivities';
import { standingsOf } from '../../checkin/standing';
import { activities, attendance, checkinSettings, pointsLedger } from '../../db/schema';
import { presentActivity } from '../../presenters/activities';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';
import { reportRoutes } from './reports';

export function attendanceRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;

  mount(router, services, api.attendance.myHistory, async ({ query, user }) => {
    const now = clock.now();
    const filter = await myActivityFilter(db, user);
    const attended = sql`${activities.id} in (select ${attendance.activityId} from ${attendance} where ${attendance.memberId} = ${user.id})`;
    const closed = windowClosedBy(activities.startsAt, checkinSettings.windowAfterMinutes, now);
    const where = and(sql`(${filter.where} or ${attended})`, closed);
    const [total] = await db
      .select({ n: count() })
      .from(activities)
      .leftJoin(checkinSettings, eq(checkinSettings.unitId, activities.unitId))
      .where(where);
    const rows = await selectActivities(db)
      .where(where)
      .orderBy(desc(activities.startsAt), desc(activities.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    const relations = new Map(rows.map((row) => [row.id, filter.relationOf(row)]));
    const standings = await standingsOf(db, user.id, rows, relations, now);
    const records = rows.length
      ? await db
          .select()
          .from(attendance)
          .where(
            and(
              eq(attendance.memberId, user.id),
              inArray(
                attendance.activityId,
                rows.map((r) => r.id),
              ),
            ),
          )
      : [];
    return {
      items: rows.map((row) => {
        const record = records.find((r) => r.activityId === row.id);
        return {
          activity: presentActivity(row, now),
          status: standings.get(row.id)!.myStatus,
          method: record?.method ?? null,
          checkedInAt: record?.checkedInAt.toISOString() ?? null,
          points: record ? activityPoints(record.status, record.method) : 0,
        };
      }),
      total: total?.n ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  mount(router, services, api.attendance.myPoints, async ({ query, user }) => {
    const mine = eq(pointsLedger.memberId, user.id);
    const [summary] = await db
      .select({ n: count(), total: sql<number>`coalesce(sum(${pointsLedger.points}), 0)::int` })
      .from(pointsLedger)
      .where(mine);
    const rows = await db
      .select()
      .from(pointsLedger)
      .where(mine)
      .orderBy(desc(pointsLedger.createdAt), desc(pointsLedger.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    return {
      totalPoints: summary?.total ?? 0,
      items: rows.map((row) => ({
        id: row.id,
        points: row.points,
        reason: row.reason,
        sourceType: row.sourceType,
        sourceId: row.sourceId,
        reversesId: row.reversesId,
        createdAt: row.createdAt.toISOString(),
      })),
      total: summary?.n ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  reportRoutes(services, router);
  return router;
}
