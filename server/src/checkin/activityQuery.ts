import { checkinWindow, DEFAULT_CHECKIN_SETTINGS, type CheckinSettings, type CheckinWindow } from '@zhijian/shared';
import { eq, getTableColumns, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { activities, branches, checkinSettings, hostSites, units } from '../db/schema';
import { notFound } from '../errors';

/** An activity with what every view of it needs: names, and its unit's check-in settings. */
const activityColumns = {
  ...getTableColumns(activities),
  unitName: units.name,
  groupId: units.groupId,
  branchName: branches.name,
  hostSiteName: hostSites.name,
  windowBeforeMinutes: checkinSettings.windowBeforeMinutes,
  windowAfterMinutes: checkinSettings.windowAfterMinutes,
  lateAfterMinutes: checkinSettings.lateAfterMinutes,
  geofence: checkinSettings.geofence,
};

export function selectActivities(db: Queryable) {
  return db
    .select(activityColumns)
    .from(activities)
    .innerJoin(units, eq(units.id, activities.unitId))
    .leftJoin(branches, eq(branches.id, activities.branchId))
    .leftJoin(hostSites, eq(hostSites.id, activities.hostSiteId))
    .leftJoin(checkinSettings, eq(checkinSettings.unitId, activities.unitId));
}

export type ActivityRow = Awaited<ReturnType<ReturnType<typeof selectActivities>['execute']>>[number];

export async function loadActivity(db: Queryable, id: number): Promise<ActivityRow> {
  const [row] = await selectActivities(db).where(eq(activities.id, id));
  if (!row) throw notFound('活动');
  return row;
}

/** The unit's settings, or the defaults when it never changed them. */
export function settingsOf(
  row: Pick<ActivityRow, 'windowBeforeMinutes' | 'windowAfterMinutes' | 'lateAfterMinutes' | 'geofence'>,
): CheckinSettings {
  return {
    windowBeforeMinutes: row.windowBeforeMinutes ?? DEFAULT_CHECKIN_SETTINGS.windowBeforeMinutes,
    windowAfterMinutes: row.windowAfterMinutes ?? DEFAULT_CHECKIN_SETTINGS.windowAfterMinutes,
    lateAfterMinutes: row.lateAfterMinutes ?? DEFAULT_CHECKIN_SETTINGS.lateAfterMinutes,
    geofence: row.geofence ?? DEFAULT_CHECKIN_SETTINGS.geofence,
  };
}

export function windowOf(row: ActivityRow): CheckinWindow {
  return checkinWindow(row.startsAt, settingsOf(row));
}

export async function unitSettings(db: Queryable, unitId: number): Promise<CheckinSettings> {
  const [row] = await db.select().from(checkinSettings).where(eq(checkinSettings.unitId, unitId));
  return row ? settingsOf(row) : { ...DEFAULT_CHECKIN_SETTINGS };
}

/** SQL: the check-in window of an activity starting at `startsAt` has closed by `now` (the unit's window, or the default one). */
export function windowClosedBy(startsAt: SQLWrapper, windowAfterMinutes: SQLWrapper, now: Date): SQL {
  return sql`${startsAt} + make_interval(mins => coalesce(${windowAfterMinutes}, ${DEFAULT_CHECKIN_SETTINGS.windowAfterMinutes}::int)) <= ${now.toISOString()}::timestamptz`;
}
