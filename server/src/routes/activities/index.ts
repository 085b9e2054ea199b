import type Router from '@koa/router';
import { addDays, addMonths, api, parseDate, shanghaiDate, shanghaiInstant, type ActivityDetail, type CalendarDate } from '@zhijian/shared';
import { and, asc, eq } from 'drizzle-orm';
import type { CurrentUser } from '../../auth/currentUser';
import { activityCacheOf } from '../../checkin/activityCache';
import { loadActivity, selectActivities, settingsOf, type ActivityRow } from '../../checkin/activityQuery';
import { myActivityFilter, startsBetween } from '../../checkin/myActivities';
import { refuse } from '../../checkin/refusal';
import { assertScopeInUnit } from '../../checkin/scope';
import { relationOf } from '../../checkin/roster';
import { standingsOf } from '../../checkin/standing';
import { recordAudit } from '../../commands/recordAudit';
import type { Queryable } from '../../db/client';
import { activities, activityPhotos, attendance } from '../../db/schema';
import { forbidden } from '../../errors';
import { legacyError } from '../../legacyErrors';
import { canManageUnit } from '../../policies/organisation';
import { authorizeUnitActivities, canOrganise } from '../../policies/checkin';
import { presentActivity } from '../../presenters/activities';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';
import { checkinDeskRoutes } from './checkinDesk';
import { activityPhotoRoutes, photoUrl } from './photos';

/** From/to days (inclusive) → instants; by default today and the three months after it. */
function rangeOf(query: { from?: string; to?: string }, now: Date): { start: Date; end: Date } {
  const from: CalendarDate = query.from ? parseDate(query.from)! : shanghaiDate(now);
  const to: CalendarDate = query.to ? parseDate(query.to)! : addMonths(from, 3);
  return { start: shanghaiInstant(from, '00:00'), end: shanghaiInstant(addDays(to, 1), '00:00') };
}

export async function presentDetail(db: Queryable, row: ActivityRow, user: CurrentUser, now: Date): Promise<ActivityDetail> {
  const relation = await relationOf(db, row, user);
  const standing = relation ? (await standingsOf(db, user.id, [row], new Map([[row.id, relation]]), now)).get(row.id) : undefined;
  const settings = settingsOf(row);
  const photos = await db
    .select({ id: activityPhotos.id })
    .from(activityPhotos)
    .where(eq(activityPhotos.activityId, row.id))
    .orderBy(asc(activityPhotos.id));
  return {
    ...presentActivity(row, now),
    latitude: row.latitude,
    longitude: row.longitude,
    radiusMeters: row.radiusMeters,
    agenda: row.agenda,
    materials: row.materials,
    summary: row.summary,
    photos: photos.map((photo) => ({ id: photo.id, url: photoUrl(photo.id) })),
    checkinOpenedAt: row.checkinOpenedAt?.toISOString() ?? null,
    needsLocation: settings.geofence && row.latitude !== null,
    mine: standing ?? null,
    canOrganise: canOrganise(user, row.unitId),
  };
}

/** Held: started, check-in opened, or someone already checked in. Held activities keep their time. */
async function isHeld(db: Queryable, row: ActivityRow, now: Date): Promise<boolean> {
  if (row.startsAt.getTime() <= now.getTime() || row.checkinOpenedAt) return true;
  const [record] = await db.select({ id: attendance.id }).from(attendance).where(eq(attendance.activityId, row.id)).limit(1);
  return Boolean(record);
}

export function activityRoutes(services: AppServices, router: Router): Router {
  const { db, clock } = services;

  mount(router, services, api.activities.listForUnit, async ({ params, query, user }) => {
    authorizeUnitActivities(user, params.unitId);
    const now = clock.now();
    const { start, end } = rangeOf(query, now);
    const rows = await selectActivities(db)
      .where(and(eq(activities.unitId, params.unitId), startsBetween(start, end)))
      .orderBy(asc(activities.startsAt), asc(activities.id));
    return { items: rows.map((row) => presentActivity(row, now)) };
  });

  mount(router, services, api.activities.createExtra, async ({ params, body, user }) => {
    authorizeUnitActivities(user, params.unitId);
    const now = clock.now();
    return db.transaction(async (tx) => {
      const branchId = body.branchId ?? null;
      const hostSiteId = body.hostSiteId ?? null;
      if (branchId && hostSiteId) throw legacyError('invalid_input', '活动只能属于单位、某个支部或某个服务点之一');
      await assertScopeInUnit(tx, params.unitId, branchId, hostSiteId);
      const startsAt = shanghaiInstant(parseDate(body.date)!, body.startTime);
      const { date: _date, startTime: _time, durationMinutes, ...fields } = body;
      const [created] = await tx
        .insert(activities)
        .values({
          ...fields,
          unitId: params.unitId,
          branchId,
          hostSiteId,
          origin: 'extra',
          startsAt,
          endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000),
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await recordAudit(tx, { actor: user, action: 'activity.create', entity: 'activity', entityId: created!.id, after: created, at: now });
      return presentDetail(tx, await loadActivity(tx, created!.id), user, now);
    });
  });

  mount(router, services, api.activities.get, async ({ params, user }) => {
    const now = clock.now();
    const row = await loadActivity(db, params.id);
    const detail = await presentDetail(db, row, user, now);
    if (!detail.mine && !canManageUnit(user, row.unitId)) throw forbidden('只有本单位党员、受邀嘉宾和组织者可以查看该活动');
    return detail;
  });

  mount(router, services, api.activities.update, async ({ params, body, user }) =>
    db.transaction(async (tx) => {
      const before = await loadActivity(tx, params.id);
      authorizeUnitActivities(user, before.unitId);
      const now = clock.now();
      await tx
        .update(activities)
        .set({ ...body, updatedAt: now })
        .where(eq(activities.id, params.id));
      activityCacheOf(services).clear();
      await recordAudit(tx, {
        actor: user,
        action: 'activity.update',
        entity: 'activity',
        entityId: params.id,
        before: pick(before, Object.keys(body)),
        after: body,
        at: now,
      });
      return presentDetail(tx, await loadActivity(tx, params.id), user, now);
    }),
  );

  mount(router, services, api.activities.move, async ({ params, body, user }) =>
    db.transaction(async (tx) => {
      const before = await loadActivity(tx, params.id);
      authorizeUnitActivities(user, before.unitId);
      const now = clock.now();
      if (await isHeld(tx, before, now)) throw refuse('conflict', 'activity_held', '活动已开始、已开启签到或已有人签到，不能再调整时间');
      const startsAt = shanghaiInstant(parseDate(body.date)!, body.startTime);
      if (startsAt.getTime() <= now.getTime()) throw legacyError('invalid_input', '调整后的时间须在当前时间之后');
      const duration = before.endsAt.getTime() - before.startsAt.getTime();
      await tx
        .update(activities)
        .set({
          startsAt,
          endsAt: new Date(startsAt.getTime() + duration),
          // The first original time is kept when an occurrence moves twice.
          movedFrom: before.movedFrom ?? before.startsAt,
          moveReason: body.reason,
          updatedAt: now,
        })
        .where(eq(activities.id, params.id));
      activityCacheOf(services).clear();
      await recordAudit(tx, {
        actor: user,
        action: 'activity.move',
        entity: 'activity',
        entityId: params.id,
        before: { startsAt: before.startsAt },
        after: { startsAt, reason: body.reason },
        at: now,
      });
      return presentDetail(tx, await loadActivity(tx, params.id), user, now);
    }),
  );

  mount(router, services, api.activities.mine, async ({ query, user }) => {
    const now = clock.now();
    const { start, end } = rangeOf(query, now);
    const filter = await myActivityFilter(db, user);
    const rows = await selectActivities(db)
      .where(and(filter.where, startsBetween(start, end)))
      .orderBy(asc(activities.startsAt), asc(activities.id));
    const relations = new Map(rows.map((row) => [row.id, filter.relationOf(row)]));
    const standings = await standingsOf(db, user.id, rows, relations, now);
    return { items: rows.map((row) => ({ ...presentActivity(row, now), ...standings.get(row.id)! })) };
  });

  checkinDeskRoutes(services, router);
  activityPhotoRoutes(services, router);
  return router;
}

function pick(row: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, row[key]]));
}
